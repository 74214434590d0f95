package dev.parley.engine.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * All time in Parley goes through a clock: real time in production, virtual time in tests. Every blocking
 * wait of the engine is a {@link Mailbox#poll} and every thread it starts is {@link #spawn spawned} here, so a
 * virtual clock knows when every call is waiting and can jump to the next deadline.
 */
public interface Clock {

    Instant now();

    /** A queue that one thread at a time waits on. */
    <E> Mailbox<E> mailbox();

    /** Runs a task at an instant, on a thread of its own. */
    Timer schedule(Instant at, Runnable task);

    default Timer schedule(Duration after, Runnable task) {
        return schedule(now().plus(after), task);
    }

    /** Starts a (virtual) thread that the clock counts as busy until it waits or ends. */
    void spawn(String name, Runnable task);

    /** A scheduled task that can still be cancelled. */
    interface Timer {
        /** Cancels the task if it has not started; true if it will not run. */
        boolean cancel();
    }
}
