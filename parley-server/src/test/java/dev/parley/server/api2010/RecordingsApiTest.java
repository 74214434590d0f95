package dev.parley.server.api2010;

import static dev.parley.server.api2010.Contract.account;
import static dev.parley.server.api2010.Contract.error;
import static dev.parley.server.api2010.Contract.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.engine.recording.Recording;
import dev.parley.engine.recording.Wav;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.Mp3Frames;
import dev.parley.server.testing.TestParley;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingsApiTest {

    private static final String RECORDINGS = account("/Recordings.json");
    private static final String CUSTOMER = "+15557770001";

    private final TestParley parley = new TestParley();
    private final Http http = parley.http;
    private String callSid;
    private Recording recording;

    /** A call whose app records the customer, who talks for 3 s; the call is over. */
    @BeforeEach
    void recordACall() {
        parley.parley.network().phone(CUSTOMER).talk(Duration.ofSeconds(2), Duration.ofSeconds(3));
        parley.app.twiml("/record", "<Response><Say>Leave a message</Say><Record timeout=\"2\" action=\"/done\"/></Response>");
        parley.app.twiml("/done", "<Response><Hangup/></Response>");
        callSid = ok(http.post(account("/Calls.json"), "To", CUSTOMER, "From", TestParley.NUMBER,
            "Url", parley.app.url("/record")), 201).get("sid").asText();
        parley.awaitEnded(callSid);
        recording = parley.parley.engine().recordings().ofCall(callSid).getFirst();
    }

    @AfterEach
    void close() {
        parley.close();
    }

    private static String path(String sid, String extension) {
        return account("/Recordings/" + sid + extension);
    }

    @Test
    void aRecordingIsListedAndFetchedWithItsMediaUrl() {
        JsonNode list = ok(http.get(RECORDINGS), 200);
        assertThat(list.get("recordings")).hasSize(1);
        JsonNode listed = list.get("recordings").get(0);

        JsonNode fetched = ok(http.get(path(recording.sid(), ".json")), 200);

        assertThat(fetched).isEqualTo(listed);
        assertThat(fetched.get("sid").asText()).isEqualTo(recording.sid());
        assertThat(fetched.get("call_sid").asText()).isEqualTo(callSid);
        assertThat(fetched.get("source").asText()).isEqualTo("RecordVerb");
        assertThat(fetched.get("status").asText()).isEqualTo("completed");
        assertThat(fetched.get("channels").asInt()).isEqualTo(1);
        assertThat(fetched.get("duration").asText()).isEqualTo(String.valueOf(recording.durationSeconds()));
        assertThat(fetched.get("uri").asText()).isEqualTo(path(recording.sid(), ".json"));
        assertThat(fetched.get("media_url").asText()).isEqualTo(parley.parley.config().baseUrl() + path(recording.sid(), ""));
        assertThat(fetched.get("subresource_uris").get("transcriptions").asText())
            .isEqualTo(path(recording.sid(), "/Transcriptions.json"));
        assertThat(ok(http.get(RECORDINGS + "?CallSid=" + callSid), 200).get("recordings")).hasSize(1);
        assertThat(ok(http.get(RECORDINGS + "?CallSid=CA00000000000000000000000000000000"), 200).get("recordings")).isEmpty();
        assertThat(ok(http.get(RECORDINGS + "?DateCreated=2026-01-01"), 200).get("recordings")).hasSize(1);
        assertThat(ok(http.get(RECORDINGS + "?DateCreated%3E=2026-01-02"), 200).get("recordings")).isEmpty();
    }

    @Test
    void theMediaIsTheWavWithoutExtensionOrWithWavAndAnMp3OfTheSameLength() {
        Http.Bytes bare = http.getBytes(path(recording.sid(), ""));
        Http.Bytes wav = http.getBytes(path(recording.sid(), ".wav"));
        Http.Bytes mp3 = http.getBytes(path(recording.sid(), ".mp3"));

        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.contentType()).isEqualTo("audio/x-wav");
        assertThat(bare.body()).isEqualTo(recording.wav());
        assertThat(wav.body()).isEqualTo(recording.wav());
        assertThat(new String(Arrays.copyOf(wav.body(), 4), StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(mp3.status()).isEqualTo(200);
        assertThat(mp3.contentType()).isEqualTo("audio/mpeg");
        Mp3Frames frames = Mp3Frames.read(mp3.body());
        int wavSamples = Wav.channelsOf(recording.wav())[0].length;
        assertThat(frames.sampleRate()).isEqualTo(Wav.sampleRate(recording.wav()));
        assertThat(frames.channels()).isEqualTo(1);
        assertThat(frames.samples()).as("the MP3 decodes to the WAV's samples, plus the encoder's delay and padding")
            .isBetween((long) wavSamples, wavSamples + 4L * 576);
    }

    @Test
    void mediaNeedsNoCredentialsButTheRightAccountAndJsonDoes() {
        Http anonymous = Http.anonymous(parley.url());

        assertThat(anonymous.getBytes(path(recording.sid(), ".mp3")).status()).isEqualTo(200);
        assertThat(anonymous.getBytes(path(recording.sid(), "")).body()).isEqualTo(recording.wav());
        error(anonymous.get(path(recording.sid(), ".json")), 401, 20003);
        Account stranger = parley.parley.directory().createAccount("Stranger", parley.clock.now());
        assertThat(anonymous.getBytes(account(stranger.sid(), "/Recordings/" + recording.sid() + ".wav")).status())
            .isEqualTo(404);
        error(http.as(stranger.sid(), stranger.authToken()).get(path(recording.sid(), ".json")), 404, 20404);
        error(http.get(path(recording.sid(), ".ogg")), 404, 20404);
        error(anonymous.delete(path(recording.sid(), ".wav")), 401, 20003);
        error(anonymous.delete(path(recording.sid(), "")), 401, 20003);
        assertThat(parley.parley.engine().recordings().recording(recording.sid())).isPresent();
    }

    @Test
    void aCallsRecordingsAreItsOwn() {
        String callRecordings = account("/Calls/" + callSid + "/Recordings.json");

        JsonNode list = ok(http.get(callRecordings), 200);

        assertThat(list.get("recordings")).hasSize(1);
        JsonNode listed = list.get("recordings").get(0);
        assertThat(listed.get("sid").asText()).isEqualTo(recording.sid());
        assertThat(listed.get("track").asText()).isEqualTo("both");
        String one = account("/Calls/" + callSid + "/Recordings/" + recording.sid() + ".json");
        assertThat(listed.get("uri").asText()).isEqualTo(one);
        assertThat(ok(http.get(one), 200)).isEqualTo(listed);

        parley.app.twiml("/short", "<Response><Hangup/></Response>");
        String other = ok(http.post(account("/Calls.json"), "To", CUSTOMER, "From", TestParley.NUMBER,
            "Url", parley.app.url("/short")), 201).get("sid").asText();
        parley.awaitEnded(other);
        assertThat(ok(http.get(account("/Calls/" + other + "/Recordings.json")), 200).get("recordings")).isEmpty();
        error(http.get(account("/Calls/" + other + "/Recordings/" + recording.sid() + ".json")), 404, 20404);
        error(http.get(account("/Calls/CA00000000000000000000000000000000/Recordings.json")), 404, 20404);
    }

    @Test
    void deletingARecordingRemovesItAndItsMedia() {
        assertThat(http.delete(path(recording.sid(), ".json")).status()).isEqualTo(204);

        error(http.get(path(recording.sid(), ".json")), 404, 20404);
        assertThat(http.getBytes(path(recording.sid(), ".wav")).status()).isEqualTo(404);
        assertThat(ok(http.get(RECORDINGS), 200).get("recordings")).isEmpty();
        error(http.delete(path(recording.sid(), ".json")), 404, 20404);
        assertThat(parley.parley.engine().recordings().recording(recording.sid())).isEqualTo(Optional.empty());
    }

    @Test
    void aCallsRecordingIsDeletedUnderTheCallToo() {
        String one = account("/Calls/" + callSid + "/Recordings/" + recording.sid() + ".json");

        assertThat(http.delete(one).status()).isEqualTo(204);

        error(http.get(one), 404, 20404);
        error(http.get(path(recording.sid(), ".json")), 404, 20404);
    }
}
