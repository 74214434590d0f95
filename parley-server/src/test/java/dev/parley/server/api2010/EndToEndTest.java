package dev.parley.server.api2010;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.base.Resource;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Recording;
import com.twilio.type.PhoneNumber;
import dev.parley.engine.recording.Wav;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.Mp3Frames;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.TwilioJava;
import dev.parley.server.testing.VoiceApp;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An app's whole voicemail flow through the official Java client: twilio-java places a call to a virtual phone, the
 * TwiML app on loopback greets and records the callee, the call completes, and the recording is read through the API
 * and fetched as WAV and as MP3 from its media URL.
 */
class EndToEndTest {

    private static final String CUSTOMER = "+15557770001";

    private final TestParley parley = new TestParley();
    private final TwilioRestClient client = TwilioJava.client(parley.url(), TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void aCallPlacedWithTwilioJavaRecordsTheCalleeAndTheRecordingIsFetchedAsWavAndMp3() {
        parley.parley.network().phone(CUSTOMER).talk(Duration.ofSeconds(4), Duration.ofSeconds(3));
        parley.app.twiml("/voicemail", "<Response><Say>Please leave a message after the beep</Say>"
            + "<Record timeout=\"2\" action=\"/recorded\" recordingStatusCallback=\"/recording-status\"/></Response>");
        parley.app.twiml("/recorded", "<Response><Say>Thank you</Say><Hangup/></Response>");
        parley.app.twiml("/recording-status", "");
        parley.app.twiml("/status", "");

        Call call = Call.creator(new PhoneNumber(CUSTOMER), new PhoneNumber(TestParley.NUMBER),
            URI.create(parley.app.url("/voicemail"))).setStatusCallback(URI.create(parley.app.url("/status")))
            .create(client);
        parley.awaitEnded(call.getSid());
        parley.await(() -> parley.app.requests("/status").size() == 1
            && parley.app.requests("/recording-status").size() == 1);

        Call ended = Call.fetcher(call.getSid()).fetch(client);
        assertThat(ended.getStatus()).isEqualTo(Call.Status.COMPLETED);
        assertThat(Integer.parseInt(ended.getDuration())).isGreaterThanOrEqualTo(7);
        assertThat(parley.parley.network().phone(CUSTOMER).saidTexts())
            .containsExactly("Please leave a message after the beep", "Thank you");
        assertThat(parley.app.requests()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        VoiceApp.Request status = parley.app.requests("/status").getFirst();
        assertThat(status.param("CallStatus")).isEqualTo("completed");

        List<Recording> recordings = all(Recording.reader().setCallSid(call.getSid()).read(client));
        assertThat(recordings).hasSize(1);
        Recording recording = recordings.getFirst();
        assertThat(recording.getStatus()).isEqualTo(Recording.Status.COMPLETED);
        VoiceApp.Request recorded = parley.app.requests("/recording-status").getFirst();
        assertThat(recorded.param("RecordingSid")).isEqualTo(recording.getSid());
        assertThat(recorded.param("RecordingUrl")).isEqualTo(recording.getMediaUrl().toString());
        assertThat(recorded.param("RecordingDuration")).isEqualTo(recording.getDuration());

        Http media = Http.anonymous(parley.url());
        String path = recording.getMediaUrl().getPath();
        Http.Bytes wav = media.getBytes(path + ".wav");
        assertThat(wav.status()).isEqualTo(200);
        assertThat(wav.contentType()).isEqualTo("audio/x-wav");
        short[] samples = Wav.channelsOf(wav.body())[0];
        assertThat(samples.length).isEqualTo(Integer.parseInt(recording.getDuration()) * Wav.sampleRate(wav.body()));
        assertThat(peak(samples)).as("the callee's voice is in the recording").isGreaterThan(1000);

        Http.Bytes mp3 = media.getBytes(path + ".mp3");
        assertThat(mp3.status()).isEqualTo(200);
        assertThat(mp3.contentType()).isEqualTo("audio/mpeg");
        Mp3Frames frames = Mp3Frames.read(mp3.body());
        assertThat(frames.sampleRate()).isEqualTo(Wav.sampleRate(wav.body()));
        assertThat(frames.samples()).isBetween((long) samples.length, samples.length + 4L * 576);
    }

    private static int peak(short[] samples) {
        int peak = 0;
        for (short s : samples) peak = Math.max(peak, Math.abs(s));
        return peak;
    }

    private static <T extends Resource> List<T> all(Iterable<T> set) {
        return StreamSupport.stream(set.spliterator(), false).toList();
    }
}
