package dev.parley.engine.store;

/**
 * Durable state: everything an account owns, and the webhooks that must not be lost. One store may be shared by
 * several Parley nodes (PostgreSQL); each node opens it with its own node id, which marks the calls it runs and
 * the outbox entries it is delivering. Safe for use from many threads.
 */
public interface Store extends AutoCloseable {

    AccountStore accounts();

    NumberStore numbers();

    CallStore calls();

    RecordingStore recordings();

    AlertStore alerts();

    Outbox outbox();

    /** Releases connections; the data stays. */
    @Override
    void close();
}
