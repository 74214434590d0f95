package dev.parley.engine.conversation;

/** A registered listener; closing it unregisters the listener (twice is harmless). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
