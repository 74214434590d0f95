package dev.parley.engine.conversation;

import dev.parley.engine.clock.Clock;
import dev.parley.engine.clock.Mailbox;
import java.time.Duration;
import java.time.Instant;

/**
 * A clock whose now the test moves, for rules that read the time (timers, dates). Nothing here waits: tests
 * that wait run on the sim's VirtualClock (parley-sim) or on real time with a hang guard.
 */
final class ManualClock implements Clock {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private volatile Instant now = START;

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public <E> Mailbox<E> mailbox() {
        throw new UnsupportedOperationException("a ManualClock does not wait");
    }

    @Override
    public Timer schedule(Instant at, Runnable task) {
        throw new UnsupportedOperationException("a ManualClock has no timers");
    }

    @Override
    public void spawn(String name, Runnable task) {
        Thread.ofVirtual().name(name).start(task);
    }
}
