package dev.parley.server.api2010;

import static dev.parley.server.api2010.Contract.account;
import static dev.parley.server.api2010.Contract.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.testing.TestParley;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bridged call recorded with {@code <Dial record="record-from-answer-dual">} until its {@code timeLimit} of an hour,
 * on virtual time: 115 MB of WAV, made, stored and served over HTTP by a Parley whose JVM has a heap of 64 MB (this
 * class runs alone in its own fork, see the {@code long-recording} execution in the pom). Holding the recording whole,
 * or even one party's capture (58 MB), cannot fit; an hour keeps the files the test writes small enough for any CI
 * disk, where {@code <Dial>}'s default 4-hour limit would write 460 MB twice.
 */
@Tag("long-recording")
class LongRecordingTest {

    private static final String CUSTOMER = "+15557770001";
    private static final String AGENT = "+15557770002";
    private static final long SECONDS = 3600;
    private static final int RATE = 8000;

    private final TestParley parley = new TestParley();

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void anHourLongDualRecordingIsMadeStoredAndServedInASmallHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("a heap of 64 MB: the pom's long-recording execution")
            .isLessThanOrEqualTo(64L << 20);
        parley.app.twiml("/voice", "<Response><Dial timeLimit=\"" + SECONDS + "\" record=\"record-from-answer-dual\""
            + " trim=\"do-not-trim\""
            + " recordingStatusCallback=\"/recording\"><Number>" + AGENT + "</Number></Dial></Response>");
        parley.parley.network().phone(AGENT).talk(Duration.ofSeconds(2), Duration.ofSeconds(10))
            .talk(Duration.ofSeconds(SECONDS - 100), Duration.ofSeconds(10));
        String call = parley.parley.network().phone(CUSTOMER).talk(Duration.ofSeconds(20), Duration.ofSeconds(10))
            .talk(Duration.ofSeconds(SECONDS - 50), Duration.ofSeconds(10)).call(TestParley.NUMBER).orElseThrow();

        parley.awaitEnded(call);
        parley.await(() -> parley.app.requests("/recording").stream()
            .anyMatch(r -> r.param("RecordingStatus").equals("completed")));

        JsonNode recording = ok(parley.http.get(account("/Recordings.json")), 200).get("recordings").get(0);
        assertThat(recording.get("duration").asText()).isEqualTo(String.valueOf(SECONDS));
        assertThat(recording.get("channels").asInt()).isEqualTo(2);
        Served wav = fetch(account("/Recordings/" + recording.get("sid").asText() + ".wav"));
        long frames = SECONDS * RATE;
        assertThat(wav.contentLength()).isEqualTo(44 + frames * 4);
        assertThat(wav.bytes()).isEqualTo(44 + frames * 4);
        assertThat(wav.voiced()[0]).as("the customer's 20 s of talk on the first channel")
            .isBetween(15L * RATE, 20L * RATE);
        assertThat(wav.voiced()[1]).as("the agent's 20 s of talk on the second").isBetween(15L * RATE, 20L * RATE);
        assertThat(scratch()).as("nothing staged is left").isEmpty();
    }

    private java.util.List<Path> scratch() throws IOException {
        Path scratch = parley.dataDirectory.resolve("media").resolve(".scratch");
        if (!Files.exists(scratch)) return java.util.List.of();
        try (Stream<Path> files = Files.list(scratch)) {
            return files.toList();
        }
    }

    /** What was served: the Content-Length header, the bytes read, frames of each channel that are not silent. */
    private record Served(long contentLength, long bytes, long[] voiced) {
    }

    /** Reads a WAV response as a stream, counting instead of keeping. */
    private Served fetch(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(parley.url() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long[] voiced = new long[2];
            long total = 0;
            try (InputStream in = response.body()) {
                total += in.readNBytes(44).length;
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; total += n) {
                    for (int i = 0; i + 1 < n; i += 2) {
                        if (buffer[i] != 0 || buffer[i + 1] != 0) voiced[(i / 2) % 2]++;
                    }
                }
            }
            return new Served(length, total, voiced);
        }
    }
}
