package dev.parley.sim.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sim.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** Test helpers: waiting on virtual time, and running a fake engine on a thread the clock counts. */
final class Sim {

    static final Duration REAL_DEADLINE = Duration.ofSeconds(10);

    interface Body {
        void run() throws Exception;
    }

    private Sim() {
    }

    /** Waits (letting virtual time run) until the condition holds; fails after ten real seconds. */
    static void await(VirtualClock clock, BooleanSupplier condition) {
        assertThat(clock.await(condition, REAL_DEADLINE)).as("condition met before the real-time deadline").isTrue();
    }

    /**
     * Runs a body as the engine would: on a thread the clock counts, so virtual time moves only while the body
     * waits in a mailbox. Returns when it is done; rethrows what it threw.
     */
    static void engine(VirtualClock clock, Body body) {
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        clock.spawn("engine", () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.set(true);
            }
        });
        await(clock, done::get);
        if (failure.get() instanceof Error e) throw e;
        if (failure.get() != null) throw new AssertionError("engine thread failed", failure.get());
    }

    /** Lets clock time pass on an engine thread (a wait in a mailbox nobody posts to). */
    static void sleep(VirtualClock clock, Duration length) {
        Instant until = clock.now().plus(length);
        clock.<Object>mailbox().poll(until);
    }
}
