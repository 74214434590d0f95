package dev.parley.engine.conversation;

import dev.parley.engine.Sids;
import dev.parley.engine.clock.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The conversations of a service: Twilio's Conversation resource (create, fetch by SID or unique name, list by
 * state, update, delete). The rules are {@link ConversationRules}'; everything handed out is
 * {@link Conversation#settled settled} at the clock's now. Every operation names the account and the service, as
 * the service-scoped REST paths do; a conversation of another account or service is unknown (20404).
 */
public final class Conversations {

    private final ConversationStore store;
    private final Sids sids;
    private final Clock clock;

    public Conversations(ConversationStore store, Sids sids, Clock clock) {
        this.store = store;
        this.sids = sids;
        this.clock = clock;
    }

    public Conversation create(String accountSid, String serviceSid, ConversationParams params) {
        return store.atomically(accountSid, tx ->
            createIn(tx, ConversationServices.existing(tx, accountSid, serviceSid), params));
    }

    /** A conversation by SID or unique name. */
    public Optional<Conversation> find(String accountSid, String serviceSid, String sidOrUniqueName) {
        return lookup(store, accountSid, serviceSid, sidOrUniqueName);
    }

    /** A conversation by SID or unique name, or 20404. */
    public Conversation fetch(String accountSid, String serviceSid, String sidOrUniqueName) {
        return existing(store, accountSid, serviceSid, sidOrUniqueName);
    }

    /** The service's conversations, optionally only those in one state (Twilio's {@code State} filter). */
    public List<Conversation> list(String accountSid, String serviceSid, Optional<ConversationState> state) {
        ConversationServices.existing(store, accountSid, serviceSid);
        Instant now = clock.now();
        return store.conversations(serviceSid).stream().map(c -> c.settled(now))
            .filter(c -> state.isEmpty() || c.state() == state.get()).toList();
    }

    public Conversation update(String accountSid, String serviceSid, String sidOrUniqueName, ConversationParams params) {
        return store.atomically(accountSid, tx -> {
            Conversation current = existing(tx, accountSid, serviceSid, sidOrUniqueName);
            Conversation updated = ConversationRules.update(current, params, clock.now(), tx);
            tx.put(updated);
            return updated;
        });
    }

    /** Deletes the conversation and its participants (closed ones too), freeing their address pairs. */
    public void delete(String accountSid, String serviceSid, String sidOrUniqueName) {
        store.atomically(accountSid, tx -> {
            tx.deleteConversation(existing(tx, accountSid, serviceSid, sidOrUniqueName).sid());
            return null;
        });
    }

    Conversation createIn(ConversationStore.Transaction tx, ConversationService service, ConversationParams params) {
        Conversation conversation = ConversationRules.create(sids.next("CH"), service, params, clock.now(), tx);
        tx.put(conversation);
        return conversation;
    }

    /** The account's conversation of the service, settled, or 20404. */
    Conversation existing(ConversationReads reads, String accountSid, String serviceSid, String sidOrUniqueName) {
        return lookup(reads, accountSid, serviceSid, sidOrUniqueName)
            .orElseThrow(() -> ConversationErrors.notFound("Conversation " + sidOrUniqueName));
    }

    private Optional<Conversation> lookup(ConversationReads reads, String accountSid, String serviceSid,
                                          String sidOrUniqueName) {
        Optional<Conversation> found = Sids.isSid(sidOrUniqueName, "CH") ? reads.conversation(sidOrUniqueName)
            : reads.conversationByUniqueName(serviceSid, sidOrUniqueName);
        return found.filter(c -> c.accountSid().equals(accountSid) && c.chatServiceSid().equals(serviceSid))
            .map(c -> c.settled(clock.now()));
    }
}
