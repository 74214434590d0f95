package dev.parley.store;

import dev.parley.engine.conversation.ConversationStore;
import dev.parley.engine.store.StoreException;
import java.util.function.Function;

/**
 * The conversation domain's {@link ConversationStore} over JDBC. {@link #atomically} is one database transaction
 * that first locks the account's row ({@code SELECT … FOR UPDATE}): the domain's rules over an account's data hold
 * against every other transaction on it, on any node. The account must be in the store.
 */
final class JdbcConversationStore extends ConversationTables implements ConversationStore {

    /** Transactions do not nest (the domain never needs it, and a nested one would wait for its own lock). */
    private static final ThreadLocal<Boolean> IN_TRANSACTION = ThreadLocal.withInitial(() -> false);

    private final Jdbc jdbc;

    JdbcConversationStore(Jdbc jdbc) {
        super(jdbc);
        this.jdbc = jdbc;
    }

    @Override
    public <T> T atomically(String accountSid, Function<Transaction, T> work) {
        if (IN_TRANSACTION.get()) throw new IllegalStateException("atomically() must not be nested");
        IN_TRANSACTION.set(true);
        try {
            return jdbc.transaction(tx -> {
                if (tx.one("SELECT sid FROM accounts WHERE sid = ? FOR UPDATE", r -> r.string("sid"), accountSid)
                    .isEmpty()) {
                    throw new StoreException("store refers to something that does not exist: account " + accountSid);
                }
                return work.apply(new Writes(tx));
            });
        } finally {
            IN_TRANSACTION.set(false);
        }
    }
}
