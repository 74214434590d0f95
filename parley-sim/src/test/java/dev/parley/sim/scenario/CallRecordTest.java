package dev.parley.sim.scenario;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallRecordingOptions;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.recording.Recording;
import dev.parley.engine.webhook.Rfc2822;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Record=true} on Calls create: the whole call recorded from the answer to its end, whatever ends it. Real
 * audio: the called party's phone and the party a {@code <Dial>} bridges it to each send a tone of their own, and
 * Parley's media sounds at {@link VirtualNetwork#PARLEY_HZ} in what the called party hears, and so does the ringback
 * ({@link VirtualNetwork#RINGBACK_HZ}) while B rings.
 *
 * <p>Times: the called party (A) answers at T; the app's TwiML comes at once (virtual time stands still during
 * webhooks); a dialled party (B) rings {@link dev.parley.sim.VirtualNetwork#SIGNALLING_DELAY} later (T + 0.1 s)
 * and is bridged when it answers. Phones' scripts count from their own answer.
 */
class CallRecordTest {

    private static final int RATE = 8000;
    private static final String CALLED = "+15558884001";
    private static final String DIALLED = "+15558884002";
    private static final List<String> ALL_EVENTS = List.of("in-progress", "completed", "absent");

    /** The app: {@code /outbound} dials B; recording and call status callbacks answered 204. */
    private static Scenario dialling() {
        Scenario s = new Scenario();
        s.app.twiml("/outbound", "<Response><Dial><Number>" + DIALLED + "</Number></Dial></Response>");
        s.app.route("/recording-status", r -> TestApp.Response.status(204));
        s.app.route("/status", r -> TestApp.Response.status(204));
        return s;
    }

    private static CallRecordingOptions options(Scenario s) {
        return CallRecordingOptions.defaults().withStatusCallback(s.app.url("/recording-status"), HttpMethod.POST,
            ALL_EVENTS);
    }

    private static Call create(Scenario s, CallRecordingOptions options) {
        return s.engine.create(CallRequest.of(s.account.sid(), CALLED, Scenario.NUMBER, s.app.url("/outbound"))
            .withStatusCallback(s.app.url("/status"), List.of("completed")).withRecording(options));
    }

    /** Runs the call to its end; its one recording. */
    private static Recording recorded(Scenario s, Call call) {
        s.awaitEnded(call.sid());
        s.await(() -> recordingCallbacks(s, "completed").size() == 1 && s.app.requests("/status").size() == 1);
        List<Recording> recordings = s.engine.recordings().ofCall(call.sid());
        assertThat(recordings).hasSize(1);
        return recordings.get(0);
    }

    private static List<TestApp.Request> recordingCallbacks(Scenario s, String status) {
        return s.app.requests("/recording-status").stream().filter(r -> r.param("RecordingStatus").equals(status))
            .toList();
    }

    private static Instant answeredAt(VirtualPhone phone) {
        return phone.lastCall().orElseThrow().answeredAt().orElseThrow();
    }

    @Test
    void dualPutsTheCalledPartyOnTheFirstChannelAndTheDialledPartyOnTheSecondFromAnswerToEnd() {
        try (Scenario s = dialling()) {
            VirtualPhone called = s.network.phone(CALLED).talk(ofSeconds(1), ofSeconds(2)).hangupAt(ofMillis(8100));
            VirtualPhone dialled = s.network.phone(DIALLED).answerAfter(ofSeconds(2)).talk(ofSeconds(2), ofSeconds(2));

            Call call = create(s, options(s).withChannels(true).withTrim(false));
            Recording recording = recorded(s, call);

            Instant answered = answeredAt(called);
            assertThat(answeredAt(dialled)).isEqualTo(answered.plusMillis(2100));
            assertThat(recording.source()).isEqualTo("OutboundAPI");
            assertThat(recording.callSid()).isEqualTo(call.sid());
            assertThat(recording.startTime()).isEqualTo(answered);
            assertThat(recording.channels()).isEqualTo(2);
            assertThat(recording.durationSeconds()).isEqualTo(8);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("T .. T+8.1, the called party's hang-up").isEqualTo(8 * RATE + RATE / 10);
            assertThat(audio.silent(0, Duration.ZERO, ofSeconds(1))).isTrue();
            assertThat(audio.level(0, ofSeconds(1), ofSeconds(3), called.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(3), ofMillis(8100))).as("B is never on the first channel").isTrue();
            assertThat(audio.level(1, Duration.ZERO, ofMillis(8100), called.toneHz())).as("A is never on the second")
                .isLessThan(0.01);
            assertThat(audio.silent(1, Duration.ZERO, ofMillis(100))).isTrue();
            assertThat(audio.ringback(1, ofMillis(100), ofMillis(2100))).as("ringback while B rings")
                .isCloseTo(0.25, offset(0.01));
            assertThat(audio.ringback(0, Duration.ZERO, ofMillis(8100))).isLessThan(0.01);
            assertThat(audio.silent(1, ofMillis(2100), ofMillis(4100))).as("B connected, silent").isTrue();
            assertThat(audio.level(1, ofMillis(4100), ofMillis(6100), dialled.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(1, ofMillis(6100), ofMillis(8100))).isTrue();

            TestApp.Request inProgress = recordingCallbacks(s, "in-progress").get(0);
            TestApp.Request completed = recordingCallbacks(s, "completed").get(0);
            String url = "http://127.0.0.1:8080" + recording.path();
            assertThat(inProgress.params()).containsEntry("RecordingSid", recording.sid())
                .containsEntry("RecordingChannels", "2").containsEntry("RecordingSource", "OutboundAPI")
                .containsEntry("RecordingStartTime", Rfc2822.format(answered)).containsEntry("CallSid", call.sid());
            assertThat(completed.params()).containsEntry("AccountSid", s.account.sid())
                .containsEntry("CallSid", call.sid()).containsEntry("RecordingSid", recording.sid())
                .containsEntry("RecordingUrl", url).containsEntry("RecordingDuration", "8")
                .containsEntry("RecordingChannels", "2").containsEntry("RecordingSource", "OutboundAPI")
                .containsEntry("RecordingStartTime", Rfc2822.format(answered)).containsEntry("ErrorCode", "0");
            assertThat(completed.signatureValid()).isTrue();
            assertThat(s.app.requests("/status").get(0).params()).containsEntry("CallStatus", "completed")
                .containsEntry("RecordingSid", recording.sid()).containsEntry("RecordingUrl", url)
                .containsEntry("RecordingDuration", "8");
        }
    }

    @Test
    void monoMixesBothPartiesAndTrimsTheSilenceAroundThemByDefault() {
        try (Scenario s = dialling()) {
            VirtualPhone called = s.network.phone(CALLED).talk(ofSeconds(1), ofSeconds(2)).hangupAt(ofMillis(8100));
            VirtualPhone dialled = s.network.phone(DIALLED).answerAfter(ofSeconds(2)).talk(ofSeconds(2), ofSeconds(2));

            Recording recording = recorded(s, create(s, options(s)));

            assertThat(recording.channels()).isEqualTo(1);
            assertThat(recording.startTime()).as("when it started, though trimmed").isEqualTo(answeredAt(called));
            assertThat(recording.durationSeconds()).isEqualTo(6);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("T+0.1 (the ringback) .. T+6.1").isEqualTo(6 * RATE);
            assertThat(audio.ringback(0, Duration.ZERO, ofSeconds(2))).isCloseTo(0.25, offset(0.01));
            assertThat(audio.level(0, ofMillis(900), ofMillis(2900), called.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, ofMillis(900), ofMillis(2900), dialled.toneHz())).isLessThan(0.01);
            assertThat(audio.level(0, ofSeconds(4), ofSeconds(6), dialled.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.ringback(0, ofSeconds(2), ofSeconds(6))).isLessThan(0.01);
            assertThat(audio.endOfSound(0)).isEqualTo(audio.frames());
            assertThat(recordingCallbacks(s, "completed").get(0).param("RecordingChannels")).isEqualTo("1");
        }
    }

    @Test
    void theInboundTrackIsTheCalledPartyAloneInOneChannelEvenWhenDual() {
        try (Scenario s = dialling()) {
            VirtualPhone called = s.network.phone(CALLED).talk(ofSeconds(1), ofSeconds(2)).hangupAt(ofMillis(8100));
            VirtualPhone dialled = s.network.phone(DIALLED).answerAfter(ofSeconds(2)).talk(ofSeconds(2), ofSeconds(2));

            Recording recording = recorded(s, create(s, options(s).withChannels(true)
                .withTrack(CallRecordingOptions.Track.INBOUND)));

            assertThat(recording.channels()).isEqualTo(1);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("T+1 .. T+3").isEqualTo(2 * RATE);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(2), called.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(2), dialled.toneHz())).isLessThan(0.01);
        }
    }

    @Test
    void theOutboundTrackIsTheRingbackThenTheDialledPartyAlone() {
        try (Scenario s = dialling()) {
            VirtualPhone called = s.network.phone(CALLED).talk(ofSeconds(1), ofSeconds(2)).hangupAt(ofMillis(8100));
            VirtualPhone dialled = s.network.phone(DIALLED).answerAfter(ofSeconds(2)).talk(ofSeconds(2), ofSeconds(2));

            Recording recording = recorded(s, create(s, options(s).withTrack(CallRecordingOptions.Track.OUTBOUND)));

            assertThat(recording.channels()).isEqualTo(1);
            assertThat(recording.startTime()).isEqualTo(answeredAt(called));
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("T+0.1 (B rings) .. T+6.1").isEqualTo(6 * RATE);
            assertThat(audio.ringback(0, Duration.ZERO, ofSeconds(2))).as("until B answers").isCloseTo(0.25, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(2), ofSeconds(4))).isTrue();
            assertThat(audio.level(0, ofSeconds(4), ofSeconds(6), dialled.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(6), called.toneHz())).isLessThan(0.01);
        }
    }

    // ---- the outbound track is what the called party hears: Parley's media, then the dialled party ----

    /** The app greets the called party (6 words: T .. T+2.4), then dials B (ringing T+2.5, answered T+3.5). */
    private static Scenario greetingThenDialling() {
        Scenario s = dialling();
        s.app.twiml("/outbound", "<Response><Say>Please hold while we connect you</Say><Dial><Number>" + DIALLED
            + "</Number></Dial></Response>");
        return s;
    }

    /** A talks in its first second (over the greeting) and hangs up at T+7; B talks T+4.5 .. T+5.5. */
    private static VirtualPhone[] phones(Scenario s) {
        return new VirtualPhone[] {
            s.network.phone(CALLED).talk(Duration.ZERO, ofSeconds(1)).hangupAt(ofSeconds(7)),
            s.network.phone(DIALLED).answerAfter(ofSeconds(1)).talk(ofSeconds(1), ofSeconds(1))};
    }

    @Test
    void dualPutsParleysSayBeforeTheDialAndThenTheDialledPartyOnTheSecondChannel() {
        try (Scenario s = greetingThenDialling()) {
            VirtualPhone[] phones = phones(s);
            VirtualPhone called = phones[0];
            VirtualPhone dialled = phones[1];

            Recording recording = recorded(s, create(s, options(s).withChannels(true).withTrim(false)));

            assertThat(answeredAt(dialled)).isEqualTo(answeredAt(called).plusMillis(3500));
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).isEqualTo(7 * RATE);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(1), called.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, Duration.ZERO, ofMillis(2400), VirtualNetwork.PARLEY_HZ))
                .as("what the called party hears is not on its own channel").isLessThan(0.01);
            assertThat(audio.silent(0, ofSeconds(1), ofSeconds(7))).isTrue();

            assertThat(audio.level(1, Duration.ZERO, ofMillis(2400), VirtualNetwork.PARLEY_HZ))
                .as("the greeting").isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(1, Duration.ZERO, ofMillis(2400), called.toneHz())).isLessThan(0.01);
            assertThat(audio.silent(1, ofMillis(2400), ofMillis(2500))).isTrue();
            assertThat(audio.ringback(1, ofMillis(2500), ofMillis(3500))).as("ringback while B rings")
                .isCloseTo(0.25, offset(0.01));
            assertThat(audio.silent(1, ofMillis(3500), ofMillis(4500))).as("then B says nothing").isTrue();
            assertThat(audio.level(1, ofMillis(4500), ofMillis(5500), dialled.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(1, ofMillis(4500), ofMillis(5500), VirtualNetwork.PARLEY_HZ)).isLessThan(0.01);
            assertThat(audio.silent(1, ofMillis(5500), ofSeconds(7))).isTrue();
        }
    }

    @Test
    void monoMixesWhatTheCalledPartySaysWithWhatItHears() {
        try (Scenario s = greetingThenDialling()) {
            VirtualPhone[] phones = phones(s);

            Recording recording = recorded(s, create(s, options(s)));

            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("T .. T+5.5, trimmed").isEqualTo(5 * RATE + RATE / 2);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(1), phones[0].toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(1), VirtualNetwork.PARLEY_HZ))
                .isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, ofSeconds(1), ofMillis(2400), VirtualNetwork.PARLEY_HZ))
                .isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, ofMillis(4500), ofMillis(5500), phones[1].toneHz())).isCloseTo(0.5, offset(0.01));
        }
    }

    @Test
    void theInboundTrackHasNoneOfParleysMedia() {
        try (Scenario s = greetingThenDialling()) {
            VirtualPhone[] phones = phones(s);

            Recording recording = recorded(s, create(s, options(s).withTrack(CallRecordingOptions.Track.INBOUND)
                .withTrim(false)));

            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).isEqualTo(7 * RATE);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(1), phones[0].toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, Duration.ZERO, ofMillis(2400), VirtualNetwork.PARLEY_HZ)).isLessThan(0.01);
            assertThat(audio.silent(0, ofSeconds(1), ofSeconds(7))).isTrue();
        }
    }

    @Test
    void anOutboundTrackOfOnlyParleysMediaIsARecording() {
        try (Scenario s = greetingThenDialling()) {
            s.app.twiml("/outbound", "<Response><Play>http://media.test/welcome.mp3</Play></Response>");
            s.network.playLength("http://media.test/welcome.mp3", ofSeconds(3));
            s.network.phone(CALLED);

            Recording recording = recorded(s, create(s, options(s).withTrack(CallRecordingOptions.Track.OUTBOUND)));

            Audio audio = Audio.of(recording);
            assertThat(recording.durationSeconds()).isEqualTo(3);
            assertThat(audio.frames()).isEqualTo(3 * RATE);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(3), VirtualNetwork.PARLEY_HZ))
                .isCloseTo(0.5, offset(0.01));
        }
    }

    @Test
    void aCallInWhichNobodySpokeHasAnAbsentRecordingAndNoRecordingInItsFinalStatus() {
        try (Scenario s = dialling()) {
            s.network.phone(CALLED).hangupAt(ofSeconds(5));
            s.network.phone(DIALLED).answerAfter(Duration.ZERO);

            Call call = create(s, options(s));
            s.awaitEnded(call.sid());
            s.await(() -> recordingCallbacks(s, "absent").size() == 1 && s.app.requests("/status").size() == 1);

            assertThat(recordingCallbacks(s, "absent").get(0).params()).containsEntry("RecordingDuration", "0")
                .containsEntry("RecordingSource", "OutboundAPI").containsEntry("CallSid", call.sid());
            assertThat(recordingCallbacks(s, "completed")).isEmpty();
            assertThat(s.engine.recordings().ofCall(call.sid())).isEmpty();
            assertThat(s.app.requests("/status").get(0).params()).doesNotContainKeys("RecordingSid", "RecordingUrl");
        }
    }

    @Test
    void aCallNeverAnsweredRecordsNothing() {
        try (Scenario s = dialling()) {
            s.network.phone(CALLED).ringForever();

            Call call = create(s, options(s));
            Call ended = s.awaitEnded(call.sid());
            s.await(() -> s.app.requests("/status").size() == 1);

            assertThat(ended.status()).isEqualTo(CallStatus.NO_ANSWER);
            assertThat(s.app.requests("/recording-status")).isEmpty();
            assertThat(s.engine.recordings().ofCall(call.sid())).isEmpty();
        }
    }

    // ---- every way a recorded call ends gives one recording and one completed callback ----

    /**
     * Ends with one recording, announced once, also in the final status callback; what the called party said in its
     * first second (not trimmed) is in it. Its audio.
     */
    private static Audio oneRecording(Scenario s, Call call, VirtualPhone called) {
        Recording recording = recorded(s, call);
        assertThat(recordingCallbacks(s, "completed")).hasSize(1);
        assertThat(recordingCallbacks(s, "in-progress")).hasSize(1);
        assertThat(recordingCallbacks(s, "absent")).isEmpty();
        assertThat(s.app.requests("/status")).hasSize(1);
        assertThat(s.app.requests("/status").get(0).param("RecordingSid")).isEqualTo(recording.sid());
        Audio audio = Audio.of(recording);
        assertThat(audio.level(0, Duration.ZERO, ofSeconds(1), called.toneHz())).isCloseTo(0.5, offset(0.01));
        return audio;
    }

    @Test
    void theDialledPartyHangingUpLetsTheCallGoOnAndItsEndEndsTheRecording() {
        try (Scenario s = dialling()) {
            s.app.twiml("/outbound", "<Response><Dial><Number>" + DIALLED + "</Number></Dial><Pause length=\"3\"/>"
                + "</Response>");
            VirtualPhone called = s.network.phone(CALLED).talk(Duration.ZERO, ofSeconds(1));
            VirtualPhone dialled = s.network.phone(DIALLED).answerAfter(ofSeconds(1)).talk(ofSeconds(1), ofSeconds(1))
                .hangupAt(ofSeconds(3));

            Call call = create(s, options(s).withTrim(false));
            Audio audio = oneRecording(s, call, called);
            assertThat(audio.ringback(0, ofMillis(1000), ofMillis(1100))).isCloseTo(0.25, offset(0.01));
            assertThat(audio.silent(0, ofMillis(1100), ofMillis(2100))).as("B answered, silent").isTrue();

            Recording recording = s.engine.recordings().ofCall(call.sid()).get(0);
            assertThat(Audio.of(recording).frames()).as("T .. T+1.1+3 (B hangs up) +3 (the pause)")
                .isEqualTo(7 * RATE + RATE / 10);
            assertThat(s.engine.call(call.sid()).orElseThrow().status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(answeredAt(dialled)).isEqualTo(answeredAt(called).plusMillis(1100));
        }
    }

    @Test
    void aStatusCompletedUpdateEndsTheRecording() {
        try (Scenario s = dialling()) {
            VirtualPhone called = s.network.phone(CALLED).talk(Duration.ZERO, ofSeconds(1));
            s.network.phone(DIALLED).answerAfter(ofSeconds(1));

            Call call = s.frozen(() -> {
                Call created = create(s, options(s).withTrim(false));
                s.after(ofSeconds(6), () -> s.engine.end(created.sid(), CallStatus.COMPLETED));
                return created;
            });
            Audio audio = oneRecording(s, call, called);
            assertThat(audio.ringback(0, ofMillis(1000), ofMillis(1100))).isCloseTo(0.25, offset(0.01));
            assertThat(audio.silent(0, ofMillis(1100), ofSeconds(2))).isTrue();

            Recording recording = s.engine.recordings().ofCall(call.sid()).get(0);
            Instant ended = s.engine.call(call.sid()).orElseThrow().endTime().orElseThrow();
            assertThat(Audio.of(recording).frames()).as("from the answer to the update")
                .isEqualTo(RATE * (int) Duration.between(answeredAt(called), ended).toMillis() / 1000);
        }
    }

    @Test
    void anAppThatFailsEndsTheCallAndTheRecording() {
        try (Scenario s = dialling()) {
            s.app.route("/outbound", r -> TestApp.Response.status(500));
            VirtualPhone called = s.network.phone(CALLED).talk(Duration.ZERO, ofSeconds(1));

            Call call = create(s, options(s).withTrim(false));
            Audio audio = oneRecording(s, call, called);

            assertThat(called.saidTexts()).containsExactly("We're sorry, an application error has occurred. Goodbye!");
            assertThat(audio.frames()).as("8 words said, then the call ends").isEqualTo(8 * 400 * RATE / 1000);
            assertThat(audio.level(0, Duration.ZERO, ofMillis(3200), VirtualNetwork.PARLEY_HZ))
                .as("the called party heard the message").isCloseTo(0.5, offset(0.01));
        }
    }
}
