package dev.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.Output;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * One {@code parley serve} for real (system clock, a free port) on a data directory, on a thread of its own: what it
 * printed, and how it exited. Waits with real-time deadlines, never sleeps.
 */
final class Serving {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("Parley is listening on (http://127\\.0\\.0\\.1:(\\d+))");

    final Output out = new Output();
    final AtomicInteger exit = new AtomicInteger(-1);
    final Thread thread;
    final String url;

    /** Starts it and returns once it has printed its whole banner (errors go to {@code err}). */
    Serving(Path dataDirectory, StringWriter err, String... options) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--data-dir", dataDirectory.toString()));
        args.addAll(List.of(options));
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        thread = Thread.ofPlatform().name("parley-serve").start(() -> exit.set(cli.execute(args.toArray(String[]::new))));
        assertThat(out.await(text -> text.contains("  metrics "), DEADLINE)).as("the whole banner; %s", err).isTrue();
        Matcher listening = LISTENING.matcher(out.toString());
        assertThat(listening.find()).isTrue();
        url = listening.group(1);
    }

    /** The rest of the first banner line with this label, e.g. {@code account}. */
    String line(String label) {
        return out.toString().lines().filter(l -> l.startsWith("  " + label)).findFirst().orElseThrow()
            .substring(2 + label.length()).strip();
    }

    /** Stops it as Ctrl-C would (an interrupt), and waits until it has. */
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(DEADLINE.toMillis());
        assertThat(thread.isAlive()).as("serve stops when interrupted").isFalse();
        assertThat(exit.get()).isZero();
    }
}
