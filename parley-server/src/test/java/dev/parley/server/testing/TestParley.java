package dev.parley.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.Sids;
import dev.parley.engine.call.Call;
import dev.parley.server.Parley;
import dev.parley.server.ParleyConfig;
import dev.parley.server.ParleyServer;
import dev.parley.sim.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A whole Parley for HTTP tests: virtual time, the server on an ephemeral loopback port, its data (embedded H2 and
 * recordings) in a fresh temporary directory removed on close, a TwiML app on loopback answering {@link #NUMBER},
 * and a client with the account's credentials. Waiting lets virtual time run and gives up after a real-time
 * deadline (a hang guard, never a measurement).
 */
public final class TestParley implements AutoCloseable {

    public static final String NUMBER = "+15550001000";
    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    public static final Duration HANG_GUARD = Duration.ofSeconds(20);

    public final VirtualClock clock = new VirtualClock();
    public final VoiceApp app = new VoiceApp(AUTH_TOKEN);
    public final Path dataDirectory = temporaryDirectory();
    public final Parley parley;
    public final ParleyServer server;
    public final Http http;

    public TestParley() {
        ParleyConfig config = ParleyConfig.defaults().withPort(0).withDataDirectory(dataDirectory)
            .withCredentials(new ParleyConfig.Credentials(ACCOUNT_SID, AUTH_TOKEN))
            .withNumbers(List.of(new ParleyConfig.NumberRoute(NUMBER, app.url("/voice"))));
        parley = Parley.create(config, clock, new Sids(new Random(42)));
        server = ParleyServer.start(parley);
        http = Http.to(url(), ACCOUNT_SID, AUTH_TOKEN);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public void await(BooleanSupplier condition) {
        assertThat(clock.await(condition, HANG_GUARD)).as("condition within the hang guard").isTrue();
    }

    /**
     * Waits until the call has ended: its final status callback answered (or failed) and on its timeline. Other
     * callbacks (a recording's, a dialled leg's) may still be under way: await them by their requests.
     */
    public Call awaitEnded(String callSid) {
        await(() -> parley.engine().call(callSid).map(c -> c.status().isFinal()).orElse(false)
            && !parley.engine().isLive(callSid));
        return parley.engine().call(callSid).orElseThrow();
    }

    @Override
    public void close() {
        server.close();
        parley.close();
        app.close();
        delete(dataDirectory);
    }

    /** A new, empty directory for a Parley's data. */
    public static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("parley-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a directory and everything in it. */
    public static void delete(Path directory) {
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
