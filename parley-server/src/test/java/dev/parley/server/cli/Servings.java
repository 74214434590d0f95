package dev.parley.server.cli;

import dev.parley.server.testing.TestLogging;
import dev.parley.server.testing.TestParley;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@code parley serve}s of one test ({@code @RegisterExtension}): all on one data directory, a new temporary one,
 * with one error output. After the test, those still serving are stopped, the tests' logging that {@code serve}
 * replaced with its {@code --log-format} is put back, and the data directory is removed.
 */
final class Servings implements AfterEachCallback {

    final Path dataDirectory = TestParley.temporaryDirectory();
    final StringWriter err = new StringWriter();
    private final List<Serving> started = new ArrayList<>();

    /** Starts {@code parley serve} with these options and returns it once it has printed its banner. */
    Serving start(String... options) throws InterruptedException {
        Serving serving = new Serving(dataDirectory, err, options);
        started.add(serving);
        return serving;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        try {
            for (Serving serving : started) if (serving.thread.isAlive()) serving.stop();
        } finally {
            TestLogging.reset();
            TestParley.delete(dataDirectory);
        }
    }
}
