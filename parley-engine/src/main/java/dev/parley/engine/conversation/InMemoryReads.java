package dev.parley.engine.conversation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The reads of {@link InMemoryConversationStore}, shared by the store and its transactions: insertion-ordered
 * maps behind one read-write lock (a transaction holds the write lock, under which these reads also work).
 */
abstract class InMemoryReads implements ConversationReads {

    /** The data and its lock. */
    static final class Tables {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final Map<String, ConversationService> services = new LinkedHashMap<>();
        final Map<String, String> defaultServices = new HashMap<>();
        final Map<String, Conversation> conversations = new LinkedHashMap<>();
        final Map<String, Participant> participants = new LinkedHashMap<>();
        final Map<String, Worker> workers = new LinkedHashMap<>();
    }

    final Tables tables;

    InMemoryReads(Tables tables) {
        this.tables = tables;
    }

    @Override
    public Optional<ConversationService> service(String sid) {
        return read(() -> Optional.ofNullable(tables.services.get(sid)));
    }

    @Override
    public List<ConversationService> services(String accountSid) {
        return all(tables.services, s -> s.accountSid().equals(accountSid));
    }

    @Override
    public Optional<String> defaultServiceSid(String accountSid) {
        return read(() -> Optional.ofNullable(tables.defaultServices.get(accountSid)));
    }

    @Override
    public Optional<Conversation> conversation(String sid) {
        return read(() -> Optional.ofNullable(tables.conversations.get(sid)));
    }

    @Override
    public Optional<Conversation> conversationByUniqueName(String chatServiceSid, String uniqueName) {
        return all(tables.conversations, c -> c.chatServiceSid().equals(chatServiceSid)
            && c.uniqueName().filter(uniqueName::equals).isPresent()).stream().findFirst();
    }

    @Override
    public List<Conversation> conversations(String chatServiceSid) {
        return all(tables.conversations, c -> c.chatServiceSid().equals(chatServiceSid));
    }

    @Override
    public Optional<Participant> participant(String sid) {
        return read(() -> Optional.ofNullable(tables.participants.get(sid)));
    }

    @Override
    public List<Participant> participants(String conversationSid) {
        return all(tables.participants, p -> p.conversationSid().equals(conversationSid));
    }

    @Override
    public List<Participant> participantsByAddress(String accountSid, String address) {
        return all(tables.participants,
            p -> p.accountSid().equals(accountSid) && p.address().filter(address::equals).isPresent());
    }

    @Override
    public List<Participant> participantsByIdentity(String chatServiceSid, String identity) {
        return all(tables.participants, p -> p.chatServiceSid().equals(chatServiceSid)
            && p.identity().filter(identity::equals).isPresent());
    }

    @Override
    public Optional<Worker> worker(String sid) {
        return read(() -> Optional.ofNullable(tables.workers.get(sid)));
    }

    @Override
    public Optional<Worker> workerByIdentity(String accountSid, String identity) {
        return all(tables.workers, w -> w.accountSid().equals(accountSid) && w.identity().equals(identity))
            .stream().findFirst();
    }

    @Override
    public List<Worker> workers(String accountSid) {
        return all(tables.workers, w -> w.accountSid().equals(accountSid));
    }

    private <T> T read(Supplier<T> reading) {
        Lock read = tables.lock.readLock();
        read.lock();
        try {
            return reading.get();
        } finally {
            read.unlock();
        }
    }

    private <V> List<V> all(Map<String, V> map, Predicate<V> filter) {
        return read(() -> map.values().stream().filter(filter).toList());
    }
}
