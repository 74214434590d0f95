package dev.parley.server.testing;

import dev.parley.sim.VirtualClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Stops virtual time at an instant until released, so that a test can act over HTTP in the middle of a call (answer
 * a phone that rings, press keys during a Gather) at a known moment. A timer at that instant starts a thread the
 * clock counts as busy, and that thread waits for {@link #release()}: while it waits, time cannot move, while
 * calls, phones and HTTP requests go on. Every hold must be released (close does it).
 */
public final class TimeHold implements AutoCloseable {

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private TimeHold(VirtualClock clock, Duration after) {
        clock.schedule(after, () -> {
            held.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Holds time once it reaches {@code after} from now. */
    public static TimeHold at(VirtualClock clock, Duration after) {
        return new TimeHold(clock, after);
    }

    /** Whether time has reached the instant and stands still. */
    public boolean holding() {
        return held.getCount() == 0 && released.getCount() == 1;
    }

    /** Lets time move again. */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
    }
}
