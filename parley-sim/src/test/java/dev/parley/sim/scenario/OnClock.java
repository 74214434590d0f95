package dev.parley.sim.scenario;

import dev.parley.sim.VirtualClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a test's setup on a thread the clock counts, so virtual time stands still until it returns: a call placed
 * and updates scheduled there happen at exact virtual moments. The test waits for it with a real-time deadline
 * (a hang guard, never a measurement).
 */
public final class OnClock {

    private OnClock() {
    }

    public static <T> T run(VirtualClock clock, Duration guard, Supplier<T> setup) {
        CompletableFuture<T> result = new CompletableFuture<>();
        clock.spawn("test-setup", () -> {
            try {
                result.complete(setup.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(guard.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("setup failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("setup did not finish within " + guard, e);
        }
    }
}
