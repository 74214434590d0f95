package dev.parley.sim.conversation;

import static dev.parley.sim.conversation.Frontdesk.ALICE;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.call.Call;
import dev.parley.engine.recording.Recording;
import dev.parley.engine.webhook.Rfc2822;
import dev.parley.sim.Heard;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.Audio;
import dev.parley.sim.scenario.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code record} (every value and alias), {@code trim}, {@code recordingStatusCallback},
 * {@code recordingStatusCallbackMethod} and {@code recordingStatusCallbackEvent}, checked on the recording's audio: the
 * customer and the worker each talk in a tone of their own, so the WAV shows who is heard in which channel and when.
 *
 * <p>Times: Parley answers the customer at A and dials Alice, who rings at R = A + 0.1 s and answers at B = R + 2 s,
 * when the two are joined. The customer talks over B+1..B+3, Alice over B+4..B+6, and the customer hangs up at B+10.
 * ({@code <Conversation trim>} defaults to {@code do-not-trim}, unlike {@code <Dial>}.)
 */
class RecordingTest {

    private static final int RATE = 8000;

    /** Runs the call described above and returns the action request. */
    private static TestApp.Request talk(Frontdesk f, String attributes) {
        f.aliceOwnsTheCustomer();
        f.connectWithAction("recordingStatusCallback=\"" + f.app.url("/recording") + "\" " + attributes);
        f.accepting("/recording");
        f.phoneOf(ALICE).answerAfter(ofSeconds(2)).talk(ofSeconds(4), ofSeconds(2));
        f.customer().talk(ofMillis(3100), ofSeconds(2)).hangupAt(ofMillis(12100));
        String callSid = f.customerCalls();
        return f.actionOf(callSid, "/action");
    }

    private static Recording recordingOf(Frontdesk f, TestApp.Request action) {
        return f.engine.recordings().recording(action.param("RecordingSid")).orElseThrow();
    }

    private static Instant bridgedAt(Frontdesk f) {
        return f.phoneOf(ALICE).lastCall().orElseThrow().answeredAt().orElseThrow();
    }

    private static TestApp.Request recordingCallback(Frontdesk f, String status) {
        f.await(() -> f.app.requests("/recording").stream().anyMatch(r -> r.param("RecordingStatus").equals(status)));
        List<TestApp.Request> matching = f.app.requests("/recording").stream()
            .filter(r -> r.param("RecordingStatus").equals(status)).toList();
        assertThat(matching).as(status + " callbacks").hasSize(1);
        return matching.get(0);
    }

    @ParameterizedTest(name = "record=\"{0}\"")
    @CsvSource({"record-from-answer", "true"})
    void recordFromAnswerMixesBothPartiesInOneChannelFromTheAnswer(String record) {
        try (Frontdesk f = new Frontdesk()) {
            TestApp.Request action = talk(f, "record=\"" + record + "\"");

            Recording recording = recordingOf(f, action);
            VirtualPhone alice = f.phoneOf(ALICE);
            VirtualPhone customer = f.customer();
            assertThat(action.params()).containsEntry("RecordingDuration", "10")
                .containsEntry("RecordingUrl", "http://127.0.0.1:8080" + recording.path());
            assertThat(recording.sid()).startsWith("RE").hasSize(34);
            assertThat(recording.channels()).isEqualTo(1);
            assertThat(recording.source()).isEqualTo("DialVerb");
            assertThat(recording.callSid()).isEqualTo(action.param("CallSid"));
            assertThat(recording.startTime()).isEqualTo(bridgedAt(f));
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("B .. B+10, untrimmed").isEqualTo(10 * RATE);
            assertThat(audio.silent(0, Duration.ZERO, ofSeconds(1))).isTrue();
            assertThat(audio.level(0, ofSeconds(1), ofSeconds(3), customer.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, ofSeconds(1), ofSeconds(3), alice.toneHz())).isLessThan(0.01);
            assertThat(audio.silent(0, ofSeconds(3), ofSeconds(4))).isTrue();
            assertThat(audio.level(0, ofSeconds(4), ofSeconds(6), alice.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.level(0, ofSeconds(4), ofSeconds(6), customer.toneHz())).isLessThan(0.01);
            assertThat(audio.silent(0, ofSeconds(6), ofSeconds(10))).isTrue();
        }
    }

    @Test
    void recordFromAnswerDualPutsTheCallerInTheFirstChannelAndTheWorkerInTheSecond() {
        try (Frontdesk f = new Frontdesk()) {
            TestApp.Request action = talk(f, "record=\"record-from-answer-dual\"");

            Recording recording = recordingOf(f, action);
            assertThat(recording.channels()).isEqualTo(2);
            Audio audio = Audio.of(recording);
            double customerHz = f.customer().toneHz();
            double aliceHz = f.phoneOf(ALICE).toneHz();
            assertThat(audio.frames()).isEqualTo(10 * RATE);
            assertThat(audio.level(0, ofSeconds(1), ofSeconds(3), customerHz)).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(3), ofSeconds(10))).as("the worker is not in the caller's channel").isTrue();
            assertThat(audio.silent(1, Duration.ZERO, ofSeconds(4))).as("the caller is not in the worker's channel").isTrue();
            assertThat(audio.level(1, ofSeconds(4), ofSeconds(6), aliceHz)).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(1, ofSeconds(6), ofSeconds(10))).isTrue();
        }
    }

    @Test
    void recordFromRingingKeepsWhatTheCustomerSaidWhileTheWorkerRang() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction("record=\"record-from-ringing\"");
            f.phoneOf(ALICE).answerAfter(ofSeconds(3)).talk(ofSeconds(1), ofSeconds(1));
            f.customer().talk(ofSeconds(1), ofSeconds(1)).hangupAt(ofMillis(6100));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            Recording recording = recordingOf(f, action);
            Instant rang = f.customer().lastCall().orElseThrow().answeredAt().orElseThrow().plus(VirtualNetwork.SIGNALLING_DELAY);
            assertThat(recording.startTime()).isEqualTo(rang);
            assertThat(recording.channels()).isEqualTo(1);
            assertThat(action.param("RecordingDuration")).isEqualTo("6");
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("R .. R+6").isEqualTo(6 * RATE);
            assertThat(audio.ringback(0, Duration.ZERO, ofSeconds(2))).as("the ringback: on 2 s").isCloseTo(0.25, offset(0.01));
            assertThat(audio.level(0, ofMillis(900), ofMillis(1900), f.customer().toneHz())).as("said while Alice rang")
                .isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(2), ofSeconds(4))).as("off until Alice answers, then nothing said")
                .isTrue();
            assertThat(audio.level(0, ofSeconds(4), ofSeconds(5), f.phoneOf(ALICE).toneHz())).isCloseTo(0.5, offset(0.01));
        }
    }

    @Test
    void recordFromRingingDualHasTheWordsSaidWhileItRangInTheCallersChannelAndTheRingbackInTheSecond() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction("record=\"record-from-ringing-dual\"");
            f.phoneOf(ALICE).answerAfter(ofSeconds(3)).talk(ofSeconds(1), ofSeconds(1));
            f.customer().talk(ofSeconds(1), ofSeconds(1)).hangupAt(ofMillis(6100));
            String callSid = f.customerCalls();

            Recording recording = recordingOf(f, f.actionOf(callSid, "/action"));

            assertThat(recording.channels()).isEqualTo(2);
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).isEqualTo(6 * RATE);
            assertThat(audio.level(0, ofMillis(900), ofMillis(1900), f.customer().toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.ringback(0, Duration.ZERO, ofSeconds(4))).isLessThan(0.01);
            assertThat(audio.ringback(1, Duration.ZERO, ofSeconds(2))).as("what the customer hears while Alice rings")
                .isCloseTo(0.25, offset(0.01));
            assertThat(audio.level(1, Duration.ZERO, ofSeconds(2), f.customer().toneHz())).isLessThan(0.01);
            assertThat(audio.silent(1, ofSeconds(2), ofSeconds(4))).isTrue();
            assertThat(audio.level(1, ofSeconds(4), ofSeconds(5), f.phoneOf(ALICE).toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(2), ofSeconds(6))).isTrue();
        }
    }

    @Test
    void theCustomerHearsRingbackWhileAliceRingsAndNotOnceSheAnswers() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction("record=\"record-from-ringing-dual\"");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1));
            f.customer().hangupAt(ofMillis(3100));
            String callSid = f.customerCalls();

            Recording recording = recordingOf(f, f.actionOf(callSid, "/action"));

            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("R .. R+3").isEqualTo(3 * RATE);
            assertThat(audio.ringback(1, Duration.ZERO, ofSeconds(1))).as("while Alice rings")
                .isCloseTo(0.25, offset(0.01));
            assertThat(audio.silent(1, ofSeconds(1), ofSeconds(3))).as("Alice answered mid-ring: it stops").isTrue();
            assertThat(f.customer().heard()).filteredOn(h -> h.kind() == Heard.Kind.RINGBACK).extracting(Heard::text)
                .as("<Conversation> has no ringTone").containsExactly("us");
        }
    }

    @Test
    void trimSilenceCutsTheSilenceBeforeTheFirstWordAndAfterTheLast() {
        try (Frontdesk f = new Frontdesk()) {
            TestApp.Request action = talk(f, "record=\"record-from-answer\" trim=\"trim-silence\"");

            Recording recording = recordingOf(f, action);
            assertThat(action.param("RecordingDuration")).isEqualTo("5");
            Audio audio = Audio.of(recording);
            assertThat(audio.frames()).as("B+1 .. B+6").isEqualTo(5 * RATE);
            assertThat(audio.level(0, Duration.ZERO, ofSeconds(2), f.customer().toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(0, ofSeconds(2), ofSeconds(3))).isTrue();
            assertThat(audio.level(0, ofSeconds(3), ofSeconds(5), f.phoneOf(ALICE).toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.endOfSound(0)).isEqualTo(audio.frames());
        }
    }

    @Test
    void doNotTrimIsTheDefaultAndKeepsEverySecond() {
        try (Frontdesk f = new Frontdesk()) {
            TestApp.Request action = talk(f, "record=\"record-from-answer\" trim=\"do-not-trim\"");

            assertThat(action.param("RecordingDuration")).isEqualTo("10");
            Audio audio = Audio.of(recordingOf(f, action));
            assertThat(audio.frames()).isEqualTo(10 * RATE);
            assertThat(audio.silent(0, Duration.ZERO, ofSeconds(1))).as("the silence before the first word is kept").isTrue();
        }
    }

    @ParameterizedTest(name = "record=\"{0}\"")
    @CsvSource({"do-not-record", "false"})
    void doNotRecordAndItsAliasFalseRecordNothing(String record) {
        try (Frontdesk f = new Frontdesk()) {
            TestApp.Request action = talk(f, "record=\"" + record + "\"");

            assertThat(action.params()).containsEntry("Result", "session-success")
                .doesNotContainKeys("RecordingSid", "RecordingUrl", "RecordingDuration");
            assertThat(f.engine.recordings().ofCall(action.param("CallSid"))).isEmpty();
            assertThat(f.app.requests("/recording")).isEmpty();
        }
    }

    @Test
    void withoutRecordTheActionHasNoRecordingParameters() {
        try (Frontdesk f = new Frontdesk()) {
            TestApp.Request action = talk(f, "");

            assertThat(action.params()).doesNotContainKeys("RecordingSid", "RecordingUrl", "RecordingDuration");
        }
    }

    @Test
    void theRecordingStatusCallbackCarriesTheSeedsParametersWhenTheRecordingIsComplete() {
        try (Frontdesk f = new Frontdesk()) {
            TestApp.Request action = talk(f, "record=\"record-from-answer-dual\"");

            TestApp.Request completed = recordingCallback(f, "completed");
            Recording recording = recordingOf(f, action);
            assertThat(f.app.requests("/recording")).as("default events: completed absent").hasSize(1);
            assertThat(completed.params()).containsEntry("AccountSid", f.account.sid())
                .containsEntry("CallSid", action.param("CallSid")).containsEntry("RecordingSid", recording.sid())
                .containsEntry("RecordingUrl", action.param("RecordingUrl")).containsEntry("RecordingStatus", "completed")
                .containsEntry("RecordingDuration", "10").containsEntry("RecordingChannels", "2")
                .containsEntry("RecordingSource", "DialVerb")
                .containsEntry("RecordingStartTime", Rfc2822.format(recording.startTime()));
            assertThat(completed.method()).isEqualTo("POST");
            assertThat(completed.signatureValid()).isTrue();
        }
    }

    @Test
    void recordingStatusCallbackMethodGet() {
        try (Frontdesk f = new Frontdesk()) {
            talk(f, "record=\"true\" recordingStatusCallbackMethod=\"GET\"");

            TestApp.Request completed = recordingCallback(f, "completed");
            assertThat(completed.method()).isEqualTo("GET");
            assertThat(completed.url()).contains("RecordingStatus=completed");
            assertThat(completed.signatureValid()).isTrue();
        }
    }

    @Test
    void recordingStatusCallbackEventInProgressReportsTheStartWithTheSameSid() {
        try (Frontdesk f = new Frontdesk()) {
            TestApp.Request action = talk(f, "record=\"record-from-answer\" recordingStatusCallbackEvent=\"in-progress completed\"");

            TestApp.Request inProgress = recordingCallback(f, "in-progress");
            TestApp.Request completed = recordingCallback(f, "completed");
            assertThat(inProgress.param("RecordingSid")).isEqualTo(completed.param("RecordingSid"))
                .isEqualTo(action.param("RecordingSid"));
            assertThat(inProgress.params()).containsEntry("RecordingChannels", "1").containsEntry("RecordingSource", "DialVerb")
                .containsEntry("RecordingStartTime", Rfc2822.format(bridgedAt(f))).doesNotContainKey("RecordingDuration");
        }
    }

    @Test
    void recordingStatusCallbackEventAbsentIsSubscribedByDefaultAndSentWhenNobodySpoke() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction("record=\"record-from-answer\" recordingStatusCallback=\"" + f.app.url("/recording") + "\"");
            f.accepting("/recording");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(5));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            TestApp.Request absent = recordingCallback(f, "absent");
            assertThat(absent.params()).containsEntry("RecordingDuration", "0").containsEntry("CallSid", callSid)
                .containsEntry("RecordingChannels", "1");
            assertThat(action.params()).doesNotContainKeys("RecordingSid", "RecordingUrl", "RecordingDuration");
            assertThat(f.engine.recordings().ofCall(callSid)).isEmpty();
        }
    }

    @Test
    void aWorkerWhoNeverAnswersLeavesNoRecordingFromTheAnswer() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction("record=\"record-from-answer\" inboundTimeout=\"5\" recordingStatusCallback=\""
                + f.app.url("/recording") + "\" recordingStatusCallbackEvent=\"in-progress completed absent\"");
            f.phoneOf(ALICE).ringForever();
            f.customer().talk(ofSeconds(1), ofSeconds(2));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsEntry("DialCallStatus", "no-answer").doesNotContainKey("RecordingSid");
            assertThat(f.app.requests("/recording")).isEmpty();
            Call call = f.engine.call(callSid).orElseThrow();
            assertThat(f.engine.recordings().ofCall(call.sid())).isEmpty();
        }
    }
}
