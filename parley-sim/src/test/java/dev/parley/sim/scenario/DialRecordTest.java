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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code <Dial record>}: real audio from both phones (each sends a tone of its own), mixed in one channel or split in
 * two, from the answer or from the ringing, trimmed or not, of both sides of the caller's call or one
 * ({@code recordingTrack}); the action's recording parameters and the recording status callbacks.
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
            assertThat(recording.track()).as("recordingTrack defaults to both").isEqualTo("both");
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
            assertThat(audio.ringback(0, Duration.ZERO, ofSeconds(2))).as("the ringback the caller hears: on 2 s")
                .isCloseTo(0.25, offset(0.01));
            assertThat(audio.level(0, ofMillis(900), ofMillis(1900), caller.toneHz())).as("said while it rang")
                .isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(2), ofSeconds(4))).as("off 4 s, cut by the answer at R+3").isTrue();
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
            assertThat(audio.ringback(0, Duration.ZERO, ofSeconds(3))).as("no ringback after the answer").isLessThan(0.01);
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

    // ---- recordingTrack: inbound is the caller's voice, outbound what it hears (the dialled party) ----

    /**
     * The two parties talk in turn: the caller B+1 .. B+3, the dialled party B+4 .. B+6; the caller hangs up at B+10.
     * The caller, then the dialled party.
     */
    private static VirtualPhone[] talkingInTurn(Scenario s) {
        VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(2)).talk(ofSeconds(4), ofSeconds(2));
        VirtualPhone caller = s.network.phone(CALLER).talk(ofMillis(3100), ofSeconds(2)).hangupAt(ofMillis(12100));
        return new VirtualPhone[] {caller, callee};
    }

    /** The recording's callbacks say what Record=true's say: one channel for one track, no track of their own. */
    private static void assertOneChannelCallbacks(Scenario s, Recording recording) {
        for (String status : new String[] {"in-progress", "completed"}) {
            assertThat(statusCallback(s, status).params()).as(status).containsEntry("RecordingSid", recording.sid())
                .containsEntry("RecordingChannels", "1").containsEntry("RecordingSource", "DialVerb")
                .containsEntry("RecordingStartTime", Rfc2822.format(recording.startTime()))
                .containsEntry("ErrorCode", "0").doesNotContainKey("RecordingTrack");
        }
    }

    /**
     * {@code inbound}: the caller's words alone (B+1 .. B+3); {@code outbound}: what the caller hears, the dialled
     * party's words alone (B+4 .. B+6); each trimmed to its words, in one channel, dual or not.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"inbound, record-from-answer", "outbound, record-from-answer", "inbound, record-from-answer-dual",
        "outbound, record-from-answer-dual"})
    void aSingleTrackHoldsOnePartyInOneChannel(String track, String record) {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"" + record + "\" recordingTrack=\"" + track
                + "\" recordingStatusCallbackEvent=\"in-progress completed\"");
            VirtualPhone[] phones = talkingInTurn(s);
            VirtualPhone heard = track.equals("inbound") ? phones[0] : phones[1];
            VirtualPhone left = track.equals("inbound") ? phones[1] : phones[0];

            TestApp.Request action = run(s, phones[0]);

            Recording recording = recordingOf(s, action);
            assertThat(recording.track()).isEqualTo(track);
            assertThat(recording.channels()).isEqualTo(1);
            assertThat(recording.startTime()).isEqualTo(answeredAt(phones[1]));
            assertThat(action.param("RecordingDuration")).isEqualTo("2");
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("one party's words, trimmed").isEqualTo(2 * RATE);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(2), heard.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(2), left.toneHz())).isLessThan(0.01);
            assertOneChannelCallbacks(s, recording);
            assertThat(statusCallback(s, "completed").param("RecordingDuration")).isEqualTo("2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"inbound, 1, 3", "outbound, 4, 6"})
    void untrimmedASingleTrackKeepsItsPartysWordsWhereTheyWereSaid(String track, int from, int to) {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"record-from-answer-dual\" trim=\"do-not-trim\" recordingTrack=\"" + track
                + "\"");
            VirtualPhone[] phones = talkingInTurn(s);
            VirtualPhone heard = track.equals("inbound") ? phones[0] : phones[1];
            VirtualPhone left = track.equals("inbound") ? phones[1] : phones[0];

            Recording recording = recordingOf(s, run(s, phones[0]));

            assertThat(recording.channels()).isEqualTo(1);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("B .. B+10, not trimmed").isEqualTo(10 * RATE);
            assertThat(audio.silent(0, Duration.ZERO, ofSeconds(from))).isTrue();
            assertThat(audio.level(0, ofSeconds(from), ofSeconds(to), heard.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(to), ofSeconds(10))).isTrue();
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(10), left.toneHz())).isLessThan(0.01);
        }
    }

    @Test
    void bothTracksWrittenOutAreTheDefaultTwoChannels() {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"record-from-answer-dual\" recordingTrack=\"both\"");
            VirtualPhone[] phones = talkingInTurn(s);

            TestApp.Request action = run(s, phones[0]);

            Recording recording = recordingOf(s, action);
            assertThat(recording.track()).isEqualTo("both");
            assertThat(recording.channels()).isEqualTo(2);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("B+1 .. B+6").isEqualTo(5 * RATE);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(2), phones[0].toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(2), ofSeconds(5))).isTrue();
            assertThat(audio.silent(1, Duration.ZERO, ofSeconds(3))).isTrue();
            assertThat(audio.level(1, ofSeconds(3), ofSeconds(5), phones[1].toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(statusCallback(s, "completed").params()).containsEntry("RecordingChannels", "2")
                .doesNotContainKey("RecordingTrack");
        }
    }

    @Test
    void fromRingingTheOutboundTrackHoldsTheRingbackButNothingTheCallerSaid() {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"record-from-ringing-dual\" recordingTrack=\"outbound\" trim=\"do-not-trim\"");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(3)).talk(ofSeconds(1), ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).talk(ofSeconds(1), ofSeconds(1)).hangupAt(ofMillis(6100));

            TestApp.Request action = run(s, caller);

            Instant rang = answeredAt(caller).plus(VirtualNetwork.SIGNALLING_DELAY);
            Recording recording = recordingOf(s, action);
            assertThat(recording.startTime()).isEqualTo(rang);
            assertThat(recording.channels()).isEqualTo(1);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("R .. B+3 = A+6.1").isEqualTo(6 * RATE);
            assertThat(audio.ringback(0, Duration.ZERO, ofSeconds(2))).as("what the caller hears while it rings")
                .isCloseTo(0.25, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(2), ofSeconds(4))).as("the caller's words while it rang").isTrue();
            assertThat(audio.level(0, ofSeconds(4), ofSeconds(5), callee.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(5), ofSeconds(6))).isTrue();
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(6), caller.toneHz())).isLessThan(0.01);
        }
    }

    @Test
    void aTrackWhosePartySaidNothingIsAbsentThoughTheOtherSpoke() {
        try (Scenario s = new Scenario()) {
            dialRecording(s, "record=\"record-from-answer-dual\" recordingTrack=\"inbound\" "
                + "recordingStatusCallbackEvent=\"in-progress completed absent\"");
            s.network.phone(CALLEE).answerAfter(ofSeconds(1)).talk(Duration.ZERO, ofSeconds(2)).hangupAt(ofSeconds(4));
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            assertThat(action.params()).containsEntry("DialCallStatus", "completed").doesNotContainKeys("RecordingUrl",
                "RecordingSid", "RecordingDuration");
            assertThat(statusCallback(s, "in-progress").param("RecordingChannels")).isEqualTo("1");
            assertThat(statusCallback(s, "absent").params()).containsEntry("RecordingDuration", "0")
                .containsEntry("RecordingChannels", "1");
            assertThat(s.app.requests("/recording-status")).extracting(r -> r.param("RecordingStatus"))
                .containsExactlyInAnyOrder("in-progress", "absent");
            assertThat(s.engine.recordings().ofCall(action.param("CallSid"))).isEmpty();
        }
    }
}
