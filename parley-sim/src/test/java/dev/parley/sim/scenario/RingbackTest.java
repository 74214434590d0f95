package dev.parley.sim.scenario;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallRecordingOptions;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.recording.Recording;
import dev.parley.sim.Heard;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ringback a caller hears while its {@code <Dial>} rings: from the first dialled party's ringing until one is
 * connected (after its whisper) or the Dial ends, 2 s on and 4 s off ({@link VirtualNetwork#RINGBACK_HZ}), in what the
 * caller's phone heard and in the recordings of what it hears.
 *
 * <p>Times: the caller's leg is answered when the Dial starts (A); a dialled party rings
 * {@link VirtualNetwork#SIGNALLING_DELAY} later (R = A + 0.1 s). A recording from the ringing starts at R.
 */
class RingbackTest {

    private static final int RATE = 8000;
    private static final String CALLER = "+15557774000";
    private static final String CALLEE = "+15558884000";
    private static final String OTHER = "+15558884001";
    private static final double RINGBACK_LEVEL = 0.25;

    /** The caller's document is {@code twiml}; it calls and the call runs to its end. */
    private static String run(Scenario s, VirtualPhone caller, String twiml) {
        s.app.twiml("/voice", twiml);
        String callSid = caller.call(Scenario.NUMBER).orElseThrow();
        s.awaitEnded(callSid);
        return callSid;
    }

    /** What the phone heard of a kind. */
    private static List<Heard> heard(VirtualPhone phone, Heard.Kind kind) {
        return phone.heard().stream().filter(h -> h.kind() == kind).toList();
    }

    /** The one recording of a call, once its callbacks are out. */
    private static Recording recordingOf(Scenario s, String callSid) {
        s.await(() -> s.engine.recordings().ofCall(callSid).size() == 1);
        return s.engine.recordings().ofCall(callSid).get(0);
    }

    private static Instant answeredAt(VirtualPhone phone) {
        return phone.lastCall().orElseThrow().answeredAt().orElseThrow();
    }

    @Test
    void theCallerHearsRingbackWhileTheDialledPartyRingsAndNotAfterItAnswers() {
        try (Scenario s = new Scenario()) {
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(7)).talk(ofSeconds(1), ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofMillis(10100));

            String callSid = run(s, caller, "<Response><Dial record=\"record-from-ringing-dual\" trim=\"do-not-trim\">"
                + CALLEE + "</Dial></Response>");

            Instant rang = answeredAt(caller).plus(VirtualNetwork.SIGNALLING_DELAY);
            assertThat(answeredAt(callee)).isEqualTo(rang.plusSeconds(7));
            List<Heard> ringback = heard(caller, Heard.Kind.RINGBACK);
            assertThat(ringback).hasSize(1);
            assertThat(ringback.get(0).at()).isEqualTo(rang);
            assertThat(ringback.get(0).text()).as("ringTone defaults to us").isEqualTo("us");
            assertThat(heard(callee, Heard.Kind.RINGBACK)).as("the dialled party hears none").isEmpty();

            Recording recording = recordingOf(s, callSid);
            assertThat(recording.startTime()).isEqualTo(rang);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("R .. B+3 = A+10.1").isEqualTo(10 * RATE);
            assertThat(audio.ringback(1, Duration.ZERO, ofSeconds(2))).as("on").isCloseTo(RINGBACK_LEVEL, offset(0.01));
            assertThat(audio.silent(1, ofSeconds(2), ofSeconds(6))).as("off").isTrue();
            assertThat(audio.ringback(1, ofSeconds(6), ofSeconds(7))).as("on again").isCloseTo(RINGBACK_LEVEL, offset(0.01));
            assertThat(audio.silent(1, ofSeconds(7), ofSeconds(8))).as("answered mid-ring: it stops").isTrue();
            assertThat(audio.level(1, ofSeconds(8), ofSeconds(9), callee.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.ringback(1, ofSeconds(7), ofSeconds(10))).isLessThan(0.01);
            assertThat(audio.ringback(0, Duration.ZERO, ofSeconds(10))).as("not what the caller says").isLessThan(0.01);
        }
    }

    @Test
    void aRecordingFromTheRingingInWhichNobodySpokeHoldsTheRingbackAndIsNotAbsent() {
        try (Scenario s = new Scenario()) {
            s.app.route("/recording-status", r -> TestApp.Response.status(204));
            s.network.phone(CALLEE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            VirtualPhone caller = s.network.phone(CALLER);

            String callSid = run(s, caller, "<Response><Dial record=\"record-from-ringing\" "
                + "recordingStatusCallback=\"/recording-status\" recordingStatusCallbackEvent=\"completed absent\">"
                + CALLEE + "</Dial></Response>");

            Recording recording = recordingOf(s, callSid);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("trimmed to the ringback: R .. R+1").isEqualTo(RATE);
            assertThat(audio.ringback(0, Duration.ZERO, ofSeconds(1))).isCloseTo(RINGBACK_LEVEL, offset(0.01));
            s.await(() -> s.app.requests("/recording-status").size() == 1);
            assertThat(s.app.requests("/recording-status").get(0).param("RecordingStatus")).isEqualTo("completed");
        }
    }

    @Test
    void ringToneNamesTheCountryWhoseRingbackThePhoneHears() {
        try (Scenario s = new Scenario()) {
            s.network.phone(CALLEE).answerAfter(ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(3));

            run(s, caller, "<Response><Dial ringTone=\"uk\">" + CALLEE + "</Dial></Response>");

            assertThat(heard(caller, Heard.Kind.RINGBACK)).extracting(Heard::text).containsExactly("uk");
        }
    }

    @Test
    void severalPartiesRingingMakeOneRingback() {
        try (Scenario s = new Scenario()) {
            s.network.phone(CALLEE).answerAfter(ofSeconds(2));
            s.network.phone(OTHER).answerAfter(ofSeconds(3));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(4));

            run(s, caller, "<Response><Dial><Number>" + CALLEE + "</Number><Number>" + OTHER + "</Number></Dial>"
                + "</Response>");

            assertThat(heard(caller, Heard.Kind.RINGBACK)).hasSize(1);
        }
    }

    @Test
    void aPartyThatNeverRingsGivesNoRingback() {
        try (Scenario s = new Scenario()) {
            s.network.phone(CALLEE).busy();
            VirtualPhone caller = s.network.phone(CALLER);

            run(s, caller, "<Response><Dial>" + CALLEE + "</Dial><Say>Busy</Say></Response>");

            assertThat(heard(caller, Heard.Kind.RINGBACK)).isEmpty();
            assertThat(caller.saidTexts()).containsExactly("Busy");
        }
    }

    @Test
    void aWhisperKeepsTheRingbackGoingUntilTheBridge() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/whisper", "<Response><Say>Call from a customer</Say></Response>");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(5));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(10));

            String callSid = run(s, caller, "<Response><Dial record=\"record-from-ringing-dual\" trim=\"do-not-trim\">"
                + "<Number url=\"/whisper\">" + CALLEE + "</Number></Dial></Response>");

            Instant rang = answeredAt(caller).plus(VirtualNetwork.SIGNALLING_DELAY);
            assertThat(answeredAt(callee)).as("answers in the ringback's pause").isEqualTo(rang.plusSeconds(5));
            Audio audio = Audio.of(recordingOf(s, callSid));
            assertThat(audio.ringback(1, Duration.ZERO, ofSeconds(2))).isCloseTo(RINGBACK_LEVEL, offset(0.01));
            assertThat(audio.silent(1, ofSeconds(2), ofSeconds(6))).isTrue();
            assertThat(audio.ringback(1, ofSeconds(6), ofMillis(6600)))
                .as("on again while the callee hears the whisper (R+5 .. R+6.6)").isCloseTo(RINGBACK_LEVEL, offset(0.01));
            assertThat(audio.silent(1, ofMillis(6600), ofMillis(9900))).as("bridged: no more ringback").isTrue();
            assertThat(audio.level(1, Duration.ZERO, ofMillis(9900), VirtualNetwork.PARLEY_HZ))
                .as("the whisper is not heard").isLessThan(0.01);
        }
    }

    @Test
    void aWholeCallRecordingHoldsTheRingbackOfAnUnansweredDialUntilTheDialEnds() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/outbound", "<Response><Dial timeout=\"7\">" + CALLEE + "</Dial><Say>Nobody</Say></Response>");
            s.app.route("/recording-status", r -> TestApp.Response.status(204));
            s.network.phone(CALLEE).ringForever();
            VirtualPhone called = s.network.phone(CALLER);

            Call call = s.engine.create(CallRequest.of(s.account.sid(), CALLER, Scenario.NUMBER, s.app.url("/outbound"))
                .withRecording(CallRecordingOptions.defaults().withChannels(true).withTrim(false)));
            s.awaitEnded(call.sid());

            Audio audio = Audio.of(recordingOf(s, call.sid()));
            assertThat(audio.frames()).as("T .. T+8: the Dial's 7 s (from T), then the Say").isEqualTo(8 * RATE);
            assertThat(audio.silent(1, Duration.ZERO, ofMillis(100))).isTrue();
            assertThat(audio.ringback(1, ofMillis(100), ofMillis(2100))).isCloseTo(RINGBACK_LEVEL, offset(0.01));
            assertThat(audio.silent(1, ofMillis(2100), ofMillis(6100))).isTrue();
            assertThat(audio.ringback(1, ofMillis(6100), ofSeconds(7))).isCloseTo(RINGBACK_LEVEL, offset(0.01));
            assertThat(audio.ringback(1, ofSeconds(7), ofSeconds(8))).as("the Dial is over").isLessThan(0.01);
            assertThat(audio.level(1, ofSeconds(7), ofSeconds(8), VirtualNetwork.PARLEY_HZ)).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, Duration.ZERO, ofSeconds(8))).as("the called party said nothing").isTrue();
            assertThat(heard(called, Heard.Kind.RINGBACK)).hasSize(1);
        }
    }
}
