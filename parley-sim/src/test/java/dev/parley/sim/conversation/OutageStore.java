package dev.parley.sim.conversation;

import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ConversationStore;
import dev.parley.engine.conversation.InMemoryConversationStore;
import dev.parley.engine.conversation.Participant;
import dev.parley.engine.conversation.Worker;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The in-memory conversation store, with an outage a test can switch on: then every transaction fails, as a database
 * that went away would. Reads go on working.
 */
final class OutageStore implements ConversationStore {

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private volatile boolean down;

    void goDown() {
        down = true;
    }

    @Override
    public <T> T atomically(String accountSid, Function<Transaction, T> work) {
        if (down) throw new IllegalStateException("the conversation store is unavailable");
        return store.atomically(accountSid, work);
    }

    @Override public Optional<ConversationService> service(String sid) { return store.service(sid); }
    @Override public List<ConversationService> services(String accountSid) { return store.services(accountSid); }
    @Override public Optional<String> defaultServiceSid(String accountSid) { return store.defaultServiceSid(accountSid); }
    @Override public Optional<Conversation> conversation(String sid) { return store.conversation(sid); }
    @Override public List<Conversation> conversations(String chatServiceSid) { return store.conversations(chatServiceSid); }
    @Override public Optional<Participant> participant(String sid) { return store.participant(sid); }
    @Override public List<Participant> participants(String conversationSid) { return store.participants(conversationSid); }
    @Override public Optional<Worker> worker(String sid) { return store.worker(sid); }
    @Override public List<Worker> workers(String accountSid) { return store.workers(accountSid); }

    @Override
    public Optional<Conversation> conversationByUniqueName(String chatServiceSid, String uniqueName) {
        return store.conversationByUniqueName(chatServiceSid, uniqueName);
    }

    @Override
    public List<Participant> participantsByAddress(String accountSid, String address) {
        return store.participantsByAddress(accountSid, address);
    }

    @Override
    public List<Participant> participantsByIdentity(String chatServiceSid, String identity) {
        return store.participantsByIdentity(chatServiceSid, identity);
    }

    @Override
    public Optional<Worker> workerByIdentity(String accountSid, String identity) {
        return store.workerByIdentity(accountSid, identity);
    }
}
