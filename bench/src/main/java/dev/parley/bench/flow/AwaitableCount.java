package dev.parley.bench.flow;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A count that a thread can wait for, up to a deadline: the last webhooks of a run are still on their way when
 * its last flow has ended, and a run is counted once they have all arrived.
 */
final class AwaitableCount {

    private long count;

    synchronized void increment() {
        count++;
        notifyAll();
    }

    synchronized long get() {
        return count;
    }

    synchronized void reset() {
        count = 0;
    }

    /** Waits until the count reaches {@code target}; false at the deadline (a hang guard, not a measurement). */
    synchronized boolean await(long target, Duration deadline) {
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        while (count < target) {
            long left = giveUpAt - System.nanoTime();
            if (left <= 0) return false;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadFailure("interrupted");
            }
        }
        return true;
    }
}
