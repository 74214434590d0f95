package dev.parley.server.testing;

import dev.parley.sim.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops virtual time, so that a test can act over HTTP in the middle of a call at a known moment (answer a phone
 * that rings, press keys during a Gather). A thread that the clock counts as busy waits on a latch: while it
 * waits, virtual time cannot move, yet calls, phones and HTTP requests go on.
 *
 * <pre>
 * try (TimeHold hold = TimeHold.freeze(clock)) {   // time stands still from now
 *     ...start a call...
 *     hold.until(Duration.ofSeconds(10));          // time runs to 10 s after the freeze, and stands still
 *     ...act over HTTP...
 * }                                                // time runs on
 * </pre>
 */
public final class TimeHold implements AutoCloseable {

    private final VirtualClock clock;
    private final Instant frozenAt;
    private Blocker current;

    private TimeHold(VirtualClock clock) {
        this.clock = clock;
        this.frozenAt = clock.now();
        this.current = new Blocker(clock, frozenAt);
    }

    /** Holds time where it is now. */
    public static TimeHold freeze(VirtualClock clock) {
        return new TimeHold(clock);
    }

    /** Lets time run until {@code after} past the freeze, and holds it there; returns once it holds. */
    public TimeHold until(Duration after) {
        Blocker next = new Blocker(clock, frozenAt.plus(after));
        current.release();
        current = next;
        next.awaitHolding();
        return this;
    }

    /** Lets time run on. */
    @Override
    public void close() {
        current.release();
    }

    /** A timer at an instant whose thread, counted busy by the clock, waits until released. */
    private static final class Blocker {
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        Blocker(VirtualClock clock, Instant at) {
            clock.schedule(at, () -> {
                holding.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        void awaitHolding() {
            try {
                if (!holding.await(TestParley.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("virtual time did not reach the hold within the hang guard");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void release() {
            released.countDown();
        }
    }
}
