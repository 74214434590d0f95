package dev.parley.sim.scenario;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects exceptions that escape threads (a clock timer, a call's run) during a test, which would otherwise only be
 * printed: register it with {@code @RegisterExtension} and assert that {@link #uncaught()} is empty.
 */
final class ThreadFailures implements BeforeEachCallback, AfterEachCallback {

    private final List<String> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;

    @Override
    public void beforeEach(ExtensionContext context) {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(thread.getName() + ": " + e));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    List<String> uncaught() {
        return List.copyOf(uncaught);
    }
}
