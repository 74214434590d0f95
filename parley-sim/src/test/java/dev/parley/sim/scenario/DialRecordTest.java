package dev.parley.sim.scenario;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.recording.Recording;
import dev.parley.engine.webhook.Rfc2822;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code <Dial record>}: real audio from both phones (each sends a tone of its own), mixed in one channel or split in
 * two, from the answer or from the ringing, trimmed or not; the action's recording parameters and the recording
 * status callbacks.
 *
 * <p>Times: the caller's leg is answered when the Dial starts (A); the callee rings {@link VirtualNetwork#SIGNALLING_DELAY}
 * later (R = A + 0.1 s) and answers after its delay, when the two are bridged (B). Phones' scripts count from their own
 * answer.
 */
class DialRecordTest {

    private static final int RATE = 8000;
    private static final String CALLER = "+15557773000";
    private static final String CALLEE = "+15558883000";

    private static void dialRecording(Scenario s, String attributes) {
        s.app.twiml("/voice", "<Response><Dial action=\"/dialed\" recordingStatusCallback=\"/recording-status\" "
            + attributes + "><Number>" + CALLEE + "</Number></Dial></Response>");
        s.app.twiml("/dialed", "<Response><Hangup/></Response>");
        s.app.route("/recording-status", r -> TestApp.Response.status(204));
    }

    private static Instant answeredAt(VirtualPhone phone) {
        return phone.lastCall().orElseThrow().answeredAt().orElseThrow();
    }

    /** Runs the call to its end and returns the Dial's action request. */
    private static TestApp.Request run(Scenario s, VirtualPhone caller) {
        String callSid = caller.call(Scenario.NUMBER).orElseThrow();
        s.awaitEnded(callSid);
        s.await(() -> s.app.requests("/dialed").size() == 1);
        return s.app.requests("/dialed").get(0);
    }

    private static Recording recordingOf(Scenario s, TestApp.Request action) {
        return s.engine.recordings().recording(action.param("RecordingSid")).orElseThrow();
    }

    private static TestApp.Request statusCallback(Scenario s, String status) {
        s.await(() -> s.app.requests("/recording-status").stream().anyMatch(r -> r.param("RecordingStatus").equals(status)));
        return s.app.requests("/recording-status").stream().filter(r -> r.param("RecordingStatus").equals(status))
            .findFirst().orElseThrow();
    }

    @Test
    void monoFromTheAnswerMixesBothPartiesAndTrimsTheSilenceAroundThem() {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"record-from-answer\"");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(2)).talk(ofSeconds(4), ofSeconds(2));
            VirtualPhone caller = s.network.phone(CALLER).talk(ofMillis(3100), ofSeconds(2)).hangupAt(ofMillis(12100));

            TestApp.Request action = run(s, caller);

            Instant bridged = answeredAt(callee);
            assertThat(bridged).isEqualTo(answeredAt(caller).plusMillis(2100));
            Recording recording = recordingOf(s, action);
            assertThat(action.param("RecordingDuration")).isEqualTo("5");
            assertThat(action.param("RecordingUrl")).isEqualTo("http://127.0.0.1:8080" + recording.path());
            assertThat(recording.callSid()).isEqualTo(action.param("CallSid"));
            assertThat(recording.source()).isEqualTo("DialVerb");
            assertThat(recording.startTime()).isEqualTo(bridged);
            assertThat(recording.channels()).isEqualTo(1);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("from the caller's first word (B+1) to the callee's last (B+6)").isEqualTo(5 * RATE);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(2), caller.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(2), callee.toneHz())).isLessThan(0.01);
            assertThat(audio.silent(0, ofSeconds(2), ofSeconds(3))).isTrue();
            assertThat(audio.level(0, ofSeconds(3), ofSeconds(5), callee.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, ofSeconds(3), ofSeconds(5), caller.toneHz())).isLessThan(0.01);
            assertThat(audio.endOfSound(0)).isEqualTo(audio.frames());

            TestApp.Request completed = statusCallback(s, "completed");
            assertThat(completed.params()).containsEntry("AccountSid", s.account.sid())
                .containsEntry("CallSid", action.param("CallSid")).containsEntry("RecordingSid", recording.sid())
                .containsEntry("RecordingUrl", action.param("RecordingUrl")).containsEntry("RecordingDuration", "5")
                .containsEntry("RecordingChannels", "1").containsEntry("RecordingSource", "DialVerb")
                .containsEntry("RecordingStartTime", Rfc2822.format(bridged)).containsEntry("ErrorCode", "0");
            assertThat(completed.signatureValid()).isTrue();
        }
    }

    @Test
    void dualPutsTheCallerOnTheFirstChannelAndTheCalledPartyOnTheSecond() {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"record-from-answer-dual\"");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(2)).talk(ofSeconds(2), ofSeconds(3));
            VirtualPhone caller = s.network.phone(CALLER).talk(ofMillis(3100), ofSeconds(3)).hangupAt(ofMillis(12100));

            TestApp.Request action = run(s, caller);

            Recording recording = recordingOf(s, action);
            assertThat(recording.channels()).isEqualTo(2);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("B+1 .. B+5").isEqualTo(4 * RATE);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(3), caller.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(3), ofSeconds(4))).isTrue();
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(3), callee.toneHz())).isLessThan(0.01);
            assertThat(audio.silent(1, Duration.ZERO, ofSeconds(1))).isTrue();
            assertThat(audio.level(1, ofSeconds(1), ofSeconds(4), callee.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(1, ofSeconds(1), ofSeconds(4), caller.toneHz())).isLessThan(0.01);
            assertThat(statusCallback(s, "completed").param("RecordingChannels")).isEqualTo("2");
        }
    }

    @Test
    void fromRingingKeepsWhatTheCallerSaidWhileItRangAndDoNotTrimKeepsEverySecond() {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"record-from-ringing\" trim=\"do-not-trim\"");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(3)).talk(ofSeconds(1), ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).talk(ofSeconds(1), ofSeconds(1)).hangupAt(ofMillis(6100));

            TestApp.Request action = run(s, caller);

            Instant rang = answeredAt(caller).plus(VirtualNetwork.SIGNALLING_DELAY);
            Recording recording = recordingOf(s, action);
            assertThat(recording.startTime()).isEqualTo(rang);
            assertThat(action.param("RecordingDuration")).isEqualTo("6");
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("R .. B+3 = A+6.1").isEqualTo(6 * RATE);
            assertThat(audio.silent(0, Duration.ZERO, ofMillis(900))).isTrue();
            assertThat(audio.level(0, ofMillis(900), ofMillis(1900), caller.toneHz())).as("said while it rang")
                .isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofMillis(1900), ofSeconds(4))).isTrue();
            assertThat(audio.level(0, ofSeconds(4), ofSeconds(5), callee.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(5), ofSeconds(6))).isTrue();
            assertThat(answeredAt(callee)).isEqualTo(rang.plusSeconds(3));
        }
    }

    @Test
    void fromTheAnswerLeavesOutWhatWasSaidWhileItRang() {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"true\" trim=\"do-not-trim\"");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(3)).talk(ofSeconds(1), ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).talk(ofSeconds(1), ofSeconds(1)).hangupAt(ofMillis(6100));

            TestApp.Request action = run(s, caller);

            Recording recording = recordingOf(s, action);
            assertThat(recording.startTime()).isEqualTo(answeredAt(callee));
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("B .. B+3").isEqualTo(3 * RATE);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(3), caller.toneHz())).isLessThan(0.01);
            assertThat(audio.level(0, ofSeconds(1), ofSeconds(2), callee.toneHz())).isCloseTo(0.5, offset(0.01));
        }
    }

    @Test
    void aRecordingNobodySpokeInIsAbsentAndTheActionHasNoRecording() {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"record-from-answer-dual\" recordingStatusCallbackEvent=\"in-progress completed absent\"");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(4));
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            assertThat(action.params()).containsEntry("DialCallStatus", "completed").doesNotContainKeys("RecordingUrl",
                "RecordingSid", "RecordingDuration");
            TestApp.Request inProgress = statusCallback(s, "in-progress");
            TestApp.Request absent = statusCallback(s, "absent");
            assertThat(absent.param("RecordingSid")).isEqualTo(inProgress.param("RecordingSid"));
            assertThat(inProgress.params()).containsEntry("RecordingChannels", "2").containsEntry("RecordingSource", "DialVerb")
                .containsEntry("RecordingStartTime", Rfc2822.format(answeredAt(callee)));
            assertThat(absent.params()).containsEntry("RecordingDuration", "0").containsEntry("CallSid", action.param("CallSid"));
            assertThat(s.engine.recordings().ofCall(action.param("CallSid"))).isEmpty();
        }
    }

    @Test
    void aDialThatIsNotAnsweredRecordsNothingFromTheAnswer() {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"record-from-answer\" timeout=\"5\" recordingStatusCallbackEvent=\"in-progress completed absent\"");
            s.network.phone(CALLEE).ringForever();
            VirtualPhone caller = s.network.phone(CALLER).talk(ofSeconds(1), ofSeconds(2));

            TestApp.Request action = run(s, caller);

            assertThat(action.params()).containsEntry("DialCallStatus", "no-answer").doesNotContainKey("RecordingSid");
            assertThat(s.app.requests("/recording-status")).isEmpty();
            assertThat(s.engine.recordings().ofCall(action.param("CallSid"))).isEmpty();
        }
    }

    @Test
    void withoutRecordTheActionHasNoRecordingParameters() {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"false\"");
            s.network.phone(CALLEE).answerAfter(ofSeconds(1)).talk(Duration.ZERO, ofSeconds(2)).hangupAt(ofSeconds(3));
            VirtualPhone caller = s.network.phone(CALLER).talk(Duration.ZERO, ofSeconds(5));

            TestApp.Request action = run(s, caller);

            assertThat(action.params()).containsEntry("DialCallStatus", "completed").doesNotContainKey("RecordingSid");
            assertThat(s.engine.recordings().ofCall(action.param("CallSid"))).isEmpty();
        }
    }
}
