package dev.parley.engine.conversation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * The conversation store in memory. A transaction holds the write lock (for all accounts: writes are few and
 * short) and keeps an undo log, so that work that throws leaves nothing behind. Thread-safe.
 */
public final class InMemoryConversationStore extends InMemoryReads implements ConversationStore {

    public InMemoryConversationStore() {
        super(new Tables());
    }

    @Override
    public <T> T atomically(String accountSid, Function<Transaction, T> work) {
        Lock write = tables.lock.writeLock();
        write.lock();
        try {
            if (tables.lock.getWriteHoldCount() > 1) {
                throw new IllegalStateException("atomically() must not be nested");
            }
            Changes changes = new Changes(tables);
            try {
                return work.apply(changes);
            } catch (RuntimeException | Error e) {
                changes.rollback();
                throw e;
            }
        } finally {
            write.unlock();
        }
    }

    /** A transaction: the store's reads (under the write lock they see these writes) and writes with an undo log. */
    private static final class Changes extends InMemoryReads implements Transaction {
        private final Deque<Runnable> undo = new ArrayDeque<>();

        Changes(Tables tables) {
            super(tables);
        }

        void rollback() {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }

        /** Puts (or, for a null value, removes) an entry, remembering how to undo it. */
        private <V> void set(Map<String, V> map, String key, V value) {
            V previous = value == null ? map.remove(key) : map.put(key, value);
            undo.push(() -> {
                if (previous == null) {
                    map.remove(key);
                } else {
                    map.put(key, previous);
                }
            });
        }

        @Override
        public void put(ConversationService service) {
            set(tables.services, service.sid(), service);
        }

        @Override
        public void deleteService(String sid) {
            for (Conversation c : conversations(sid)) {
                deleteConversation(c.sid());
            }
            tables.defaultServices.entrySet().stream().filter(e -> e.getValue().equals(sid)).map(Map.Entry::getKey)
                .toList().forEach(account -> set(tables.defaultServices, account, null));
            set(tables.services, sid, null);
        }

        @Override
        public void defaultService(String accountSid, String serviceSid) {
            set(tables.defaultServices, accountSid, serviceSid);
        }

        @Override
        public void put(Conversation conversation) {
            set(tables.conversations, conversation.sid(), conversation);
        }

        @Override
        public void deleteConversation(String sid) {
            for (Participant p : participants(sid)) {
                deleteParticipant(p.sid());
            }
            set(tables.conversations, sid, null);
        }

        @Override
        public void put(Participant participant) {
            set(tables.participants, participant.sid(), participant);
        }

        @Override
        public void deleteParticipant(String sid) {
            set(tables.participants, sid, null);
        }

        @Override
        public void put(Worker worker) {
            set(tables.workers, worker.sid(), worker);
        }

        @Override
        public void deleteWorker(String sid) {
            set(tables.workers, sid, null);
        }
    }
}
