package dev.parley.sim.scenario;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.recording.Recording;
import dev.parley.engine.webhook.Rfc2822;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code <Record>} on virtual phones: what ends a recording (seconds of silence, {@code timeout="0"},
 * {@code finishOnKey}, hang-up), what the WAV holds, and the action and status callback requests.
 */
class RecordVerbTest {

    private static final int RATE = 8000;

    /** Records the caller with the attributes given; the action hangs up. */
    private static void recordWith(Scenario s, String attributes) {
        s.app.twiml("/voice", "<Response><Record playBeep=\"false\" action=\"/recorded\" " + attributes
            + "/><Say>Nothing recorded</Say></Response>");
        s.app.twiml("/recorded", "<Response><Hangup/></Response>");
        s.app.route("/recording-status", r -> TestApp.Response.status(204));
    }

    /** The caller calls; when the call is over, the action request. */
    private static TestApp.Request actionAfterCall(Scenario s, VirtualPhone caller) {
        s.awaitEnded(caller.call(Scenario.NUMBER).orElseThrow());
        s.await(() -> s.app.requests("/recorded").size() == 1);
        return s.app.requests("/recorded").get(0);
    }

    private static Recording recordingOf(Scenario s, TestApp.Request action) {
        return s.engine.recordings().recording(action.param("RecordingSid")).orElseThrow();
    }

    private static Instant answeredAt(VirtualPhone phone) {
        return phone.lastCall().orElseThrow().answeredAt().orElseThrow();
    }

    @Test
    void timeoutSecondsOfSilenceAfterTheCallerStopsEndTheRecordingAndDoNotTrimKeepsThatSilence() {
        try (Scenario s = new Scenario()) {
            recordWith(s, "timeout=\"3\" trim=\"do-not-trim\"");
            VirtualPhone caller = s.network.phone("+15557771001").talk(ofSeconds(1), ofSeconds(3));
            TestApp.Request action = actionAfterCall(s, caller);

            assertThat(action.param("RecordingDuration")).isEqualTo("7");
            assertThat(action.param("Digits")).isEmpty();
            Recording recording = recordingOf(s, action);
            assertThat(recording.startTime()).isEqualTo(answeredAt(caller));
            assertThat(recording.dateCreated()).as("1 s silent, 3 s talk, 3 s silence").isEqualTo(answeredAt(caller).plusSeconds(7));
            Audio audio = Audio.of(recording.wav());
            assertThat(audio.sampleRate).isEqualTo(RATE);
            assertThat(audio.channels).hasNumberOfRows(1);
            assertThat(audio.frames()).isEqualTo(7 * RATE);
            assertThat(audio.silent(0, Duration.ZERO, ofSeconds(1))).isTrue();
            assertThat(audio.level(0, ofSeconds(1), ofSeconds(4), caller.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(4), ofSeconds(7))).isTrue();
            assertThat(caller.saidTexts()).isEmpty();
        }
    }

    @Test
    void trimSilenceKeepsTheSpeechOnlyToTheSample() {
        try (Scenario s = new Scenario()) {
            recordWith(s, "timeout=\"2\"");
            VirtualPhone caller = s.network.phone("+15557771002").talk(Duration.ofMillis(1500), Duration.ofMillis(2500));
            Recording recording = recordingOf(s, actionAfterCall(s, caller));

            assertThat(recording.durationSeconds()).as("2.5 s rounds to 3").isEqualTo(3);
            Audio audio = Audio.of(recording.wav());
            assertThat(audio.frames()).isEqualTo(2500 * RATE / 1000);
            assertThat(audio.endOfSound(0)).isEqualTo(audio.frames());
            assertThat(audio.level(0, Duration.ZERO, Duration.ofMillis(2500), caller.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(recording.dateCreated()).isEqualTo(answeredAt(caller).plusSeconds(6));
        }
    }

    @Test
    void pausesShorterThanTheTimeoutDoNotEndTheRecording() {
        try (Scenario s = new Scenario()) {
            recordWith(s, "timeout=\"3\"");
            VirtualPhone caller = s.network.phone("+15557771003")
                .talk(ofSeconds(1), ofSeconds(2)).talk(ofSeconds(5), ofSeconds(1)).talk(Duration.ofMillis(5500), ofSeconds(1));
            Recording recording = recordingOf(s, actionAfterCall(s, caller));

            assertThat(recording.dateCreated()).as("silence from 6.5 s, for 3 s").isEqualTo(answeredAt(caller).plusMillis(9500));
            Audio audio = Audio.of(recording.wav());
            assertThat(audio.frames()).as("trimmed to 1 s .. 6.5 s").isEqualTo(5500 * RATE / 1000);
            assertThat(audio.silent(0, ofSeconds(2), ofSeconds(4))).as("the pause").isTrue();
            assertThat(audio.level(0, ofSeconds(4), Duration.ofMillis(5500), caller.toneHz())).isCloseTo(0.5, offset(0.01));
        }
    }

    @Test
    void aCallerWhoSaysNothingEndsAnAbsentRecordingAfterTheTimeoutAndTheNextVerbRunsWithoutAnAction() {
        try (Scenario s = new Scenario()) {
            recordWith(s, "timeout=\"2\" recordingStatusCallback=\"/recording-status\" "
                + "recordingStatusCallbackEvent=\"in-progress completed absent\"");
            VirtualPhone caller = s.network.phone("+15557771004");
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            Call call = s.awaitEnded(callSid);
            s.await(() -> s.app.requests("/recording-status").size() == 2);

            assertThat(s.app.requests("/recorded")).isEmpty();
            assertThat(caller.saidTexts()).containsExactly("Nothing recorded");
            assertThat(caller.heard().get(0).offset()).as("the Say after 2 s of silence").isEqualTo(ofSeconds(2));
            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(s.engine.recordings().ofCall(callSid)).isEmpty();
            List<TestApp.Request> status = s.app.requests("/recording-status");
            assertThat(status).extracting(r -> r.param("RecordingStatus")).containsExactlyInAnyOrder("in-progress", "absent");
            TestApp.Request absent = status.stream().filter(r -> r.param("RecordingStatus").equals("absent")).findFirst().orElseThrow();
            assertThat(absent.params()).containsEntry("CallSid", callSid).containsEntry("AccountSid", s.account.sid())
                .containsEntry("RecordingDuration", "0").containsEntry("RecordingSource", "RecordVerb")
                .containsEntry("RecordingChannels", "1");
            assertThat(status).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        }
    }

    @Test
    void timeoutZeroLetsSilenceGoOnUntilMaxLength() {
        try (Scenario s = new Scenario()) {
            recordWith(s, "timeout=\"0\" maxLength=\"20\" trim=\"do-not-trim\"");
            VirtualPhone caller = s.network.phone("+15557771005").talk(ofSeconds(1), ofSeconds(1));
            TestApp.Request action = actionAfterCall(s, caller);

            assertThat(action.param("RecordingDuration")).isEqualTo("20");
            assertThat(Audio.of(recordingOf(s, action).wav()).frames()).isEqualTo(20 * RATE);
        }
    }

    @Test
    void aFinishKeyEndsTheRecordingAndIsSentAsDigits() {
        try (Scenario s = new Scenario()) {
            recordWith(s, "timeout=\"10\" finishOnKey=\"#\"");
            VirtualPhone caller = s.network.phone("+15557771006").talk(ofSeconds(1), ofSeconds(30))
                .pressDigitsAt(ofSeconds(2), "1#");
            TestApp.Request action = actionAfterCall(s, caller);

            assertThat(action.param("Digits")).isEqualTo("#");
            Recording recording = recordingOf(s, action);
            assertThat(recording.dateCreated()).as("'1' is not a finish key, '#' at 2.1 s is")
                .isEqualTo(answeredAt(caller).plusMillis(2100));
            assertThat(Audio.of(recording.wav()).frames()).isEqualTo(1100 * RATE / 1000);
        }
    }

    @Test
    void aCallerWhoHangsUpStillGetsTheActionRequestedWithDigitsHangupAndTheStatusCallbacks() {
        try (Scenario s = new Scenario()) {
            recordWith(s, "recordingStatusCallback=\"/recording-status\" recordingStatusCallbackEvent=\"in-progress completed\"");
            VirtualPhone caller = s.network.phone("+15557771007").talk(Duration.ZERO, ofSeconds(2)).hangupAt(ofSeconds(3));
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            Call call = s.awaitEnded(callSid);
            s.await(() -> s.app.requests("/recorded").size() == 1 && s.app.requests("/recording-status").size() == 2);

            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
            TestApp.Request action = s.app.requests("/recorded").get(0);
            assertThat(action.params()).containsEntry("Digits", "hangup").containsEntry("RecordingDuration", "2")
                .containsEntry("CallSid", callSid)
                .containsEntry("RecordingUrl", "http://127.0.0.1:8080/2010-04-01/Accounts/" + s.account.sid()
                    + "/Recordings/" + action.param("RecordingSid"));
            TestApp.Request completed = s.app.requests("/recording-status").stream()
                .filter(r -> r.param("RecordingStatus").equals("completed")).findFirst().orElseThrow();
            assertThat(completed.params()).containsEntry("AccountSid", s.account.sid()).containsEntry("CallSid", callSid)
                .containsEntry("RecordingSid", action.param("RecordingSid"))
                .containsEntry("RecordingUrl", action.param("RecordingUrl"))
                .containsEntry("RecordingDuration", "2").containsEntry("RecordingChannels", "1")
                .containsEntry("RecordingSource", "RecordVerb").containsEntry("ErrorCode", "0")
                .containsEntry("RecordingStartTime", Rfc2822.format(answeredAt(caller)));
            TestApp.Request inProgress = s.app.requests("/recording-status").stream()
                .filter(r -> r.param("RecordingStatus").equals("in-progress")).findFirst().orElseThrow();
            assertThat(inProgress.params()).containsEntry("RecordingSid", action.param("RecordingSid"))
                .doesNotContainKey("RecordingDuration");
        }
    }
}
