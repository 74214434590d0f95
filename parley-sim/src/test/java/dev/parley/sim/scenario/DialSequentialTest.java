package dev.parley.sim.scenario;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.recording.Recording;
import dev.parley.sim.Connection;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code <Dial sequential="true">}: the nouns are dialled one after another in document order, each with the whole
 * {@code timeout}; the first to connect wins and the nouns after it are never dialled. When none connects, the
 * action reports the last attempt (Parley's decision, docs/rest-api.md).
 *
 * <p>Times: the caller's leg is answered when the Dial starts (A); a dialled phone rings
 * {@link VirtualNetwork#SIGNALLING_DELAY} after it is dialled; phones' scripts count from their own answer.
 */
class DialSequentialTest {

    private static final String CALLER = "+15557774000";
    private static final String FIRST = "+15558884001";
    private static final String SECOND = "+15558884002";
    private static final String THIRD = "+15558884003";

    /** The caller's document dials {@code nouns} with the Dial's {@code attributes}; the action hangs up. */
    private static void dialing(Scenario s, String attributes, String nouns) {
        s.app.twiml("/voice", "<Response><Dial action=\"/dialed\" " + attributes + ">" + nouns + "</Dial></Response>");
        s.app.twiml("/dialed", "<Response><Hangup/></Response>");
        s.app.route("/status", r -> TestApp.Response.status(204));
    }

    private static String numbers(String... numbers) {
        StringBuilder nouns = new StringBuilder();
        for (String number : numbers) {
            nouns.append("<Number statusCallback=\"/status\" statusCallbackEvent=\"initiated ringing answered completed\">")
                .append(number).append("</Number>");
        }
        return nouns.toString();
    }

    /** Runs the caller's call to its end and returns the Dial's action request. */
    private static TestApp.Request run(Scenario s, VirtualPhone caller) {
        String callSid = caller.call(Scenario.NUMBER).orElseThrow();
        s.awaitEnded(callSid);
        s.await(() -> s.app.requests("/dialed").size() == 1);
        return s.app.requests("/dialed").get(0);
    }

    private static PhoneCall callOf(VirtualPhone phone) {
        return phone.lastCall().orElseThrow();
    }

    private static Instant dialStart(VirtualPhone caller) {
        return callOf(caller).answeredAt().orElseThrow();
    }

    private static Call child(Scenario s, VirtualPhone phone) {
        return s.engine.call(callOf(phone).callSid()).orElseThrow();
    }

    @Test
    void theSecondNounIsDialledOnlyWhenTheFirstHasRungOutItsTimeout() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"5\"", numbers(FIRST, SECOND));
            VirtualPhone first = s.network.phone(FIRST).ringForever();
            VirtualPhone second = s.network.phone(SECOND).answerAfter(ofSeconds(2));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(20));

            TestApp.Request action = run(s, caller);

            Instant start = dialStart(caller);
            assertThat(callOf(first).status()).isEqualTo(PhoneCall.Status.CANCELED);
            assertThat(callOf(first).endedAt()).contains(start.plusSeconds(5));
            assertThat(child(s, first).status()).isEqualTo(CallStatus.NO_ANSWER);
            assertThat(child(s, second).dateCreated()).as("dialled when the first rang out").isEqualTo(start.plusSeconds(5));
            assertThat(callOf(second).started()).isAfterOrEqualTo(start.plusSeconds(5));
            assertThat(callOf(caller).connections()).extracting(Connection::peer).containsExactly(SECOND);
            assertThat(action.params()).containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", callOf(second).callSid());
        }
    }

    @Test
    void aBusyNounPassesTheCallToTheNextAtOnce() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"5\"", numbers(FIRST, SECOND));
            VirtualPhone first = s.network.phone(FIRST).busy();
            VirtualPhone second = s.network.phone(SECOND).answerAfter(ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(10));

            TestApp.Request action = run(s, caller);

            assertThat(child(s, first).status()).isEqualTo(CallStatus.BUSY);
            assertThat(child(s, second).dateCreated()).as("dialled as soon as the first was busy")
                .isEqualTo(child(s, first).endTime().orElseThrow());
            assertThat(child(s, second).dateCreated()).isBefore(dialStart(caller).plusSeconds(1));
            assertThat(action.params()).containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", callOf(second).callSid());
        }
    }

    @Test
    void theFirstToAnswerWinsAndTheNounsAfterItAreNeverDialled() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\"", numbers(FIRST, SECOND, THIRD));
            VirtualPhone first = s.network.phone(FIRST).answerAfter(ofSeconds(1));
            VirtualPhone second = s.network.phone(SECOND).answerAfter(ofSeconds(1));
            VirtualPhone third = s.network.phone(THIRD).answerAfter(ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(10));

            TestApp.Request action = run(s, caller);
            s.await(() -> s.app.requests("/status").size() == 4);

            String firstSid = callOf(first).callSid();
            assertThat(action.params()).containsEntry("DialCallStatus", "completed").containsEntry("DialCallSid", firstSid);
            assertThat(second.calls()).isEmpty();
            assertThat(third.calls()).isEmpty();
            assertThat(s.engine.calls(s.account.sid())).extracting(Call::to).containsExactlyInAnyOrder(Scenario.NUMBER, FIRST);
            assertThat(s.app.requests("/status")).extracting(r -> r.param("CallSid")).containsOnly(firstSid);
            assertThat(s.app.requests("/status")).extracting(r -> r.param("CallStatus"))
                .containsExactlyInAnyOrder("initiated", "ringing", "in-progress", "completed");
        }
    }

    @Test
    void whenNoneAnswersTheActionReportsTheLastAttemptAfterEveryTimeout() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"4\"", numbers(FIRST, SECOND, THIRD));
            VirtualPhone first = s.network.phone(FIRST).ringForever();
            VirtualPhone second = s.network.phone(SECOND).ringForever();
            VirtualPhone third = s.network.phone(THIRD).ringForever();
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            Instant start = dialStart(caller);
            assertThat(callOf(first).endedAt()).contains(start.plusSeconds(4));
            assertThat(callOf(second).endedAt()).contains(start.plusSeconds(8));
            assertThat(callOf(third).endedAt()).as("the sum of the timeouts").contains(start.plusSeconds(12));
            assertThat(callOf(caller).endedAt()).contains(start.plusSeconds(12));
            assertThat(action.params()).containsEntry("DialCallStatus", "no-answer")
                .containsEntry("DialCallSid", callOf(third).callSid()).containsEntry("DialCallDuration", "0");
            assertThat(child(s, third).status()).isEqualTo(CallStatus.NO_ANSWER);
        }
    }

    @Test
    void theStatusReportedIsTheLastAttemptsNotTheWorstOfAll() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"4\"", numbers(FIRST, SECOND));
            s.network.phone(FIRST).ringForever();
            VirtualPhone second = s.network.phone(SECOND).busy();
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            assertThat(action.params()).containsEntry("DialCallStatus", "busy")
                .containsEntry("DialCallSid", callOf(second).callSid());
        }
    }

    @Test
    void aCallerWhoHangsUpDuringTheSecondAttemptCancelsItAndTheRestAreNeverDialled() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"5\"", numbers(FIRST, SECOND, THIRD));
            s.network.phone(FIRST).ringForever();
            VirtualPhone second = s.network.phone(SECOND).ringForever();
            VirtualPhone third = s.network.phone(THIRD).answerAfter(ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(7));

            TestApp.Request action = run(s, caller);

            Instant start = dialStart(caller);
            assertThat(callOf(second).status()).isEqualTo(PhoneCall.Status.CANCELED);
            assertThat(callOf(second).endedAt()).contains(start.plusSeconds(7));
            assertThat(child(s, second).status()).isEqualTo(CallStatus.CANCELED);
            assertThat(third.calls()).isEmpty();
            assertThat(action.params()).containsEntry("DialCallStatus", "canceled")
                .containsEntry("DialCallSid", callOf(second).callSid());
        }
    }

    @Test
    void aRingingLegCanceledByTheApiPassesTheCallToTheNextNoun() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"10\"", numbers(FIRST, SECOND));
            VirtualPhone first = s.network.phone(FIRST).ringForever();
            VirtualPhone second = s.network.phone(SECOND).answerAfter(ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(20));
            String callSid = s.callThen(caller, ofSeconds(3), sid -> s.engine.calls(s.account.sid()).stream()
                .filter(c -> c.to().equals(FIRST)).forEach(c -> s.engine.end(c.sid(), CallStatus.CANCELED)));

            s.awaitEnded(callSid);
            s.await(() -> s.app.requests("/dialed").size() == 1);

            assertThat(child(s, first).status()).isEqualTo(CallStatus.CANCELED);
            assertThat(child(s, second).dateCreated()).isEqualTo(child(s, first).endTime().orElseThrow());
            assertThat(callOf(caller).connections()).extracting(Connection::peer).containsExactly(SECOND);
            assertThat(s.app.requests("/dialed").get(0).params()).containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", callOf(second).callSid());
        }
    }

    @Test
    void aWhisperThatHangsUpPassesTheCallToTheNextNoun() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\"", "<Number url=\"/screen\">" + FIRST + "</Number><Number>" + SECOND + "</Number>");
            s.app.twiml("/screen", "<Response><Gather numDigits=\"1\" timeout=\"3\"><Say>Press 1</Say></Gather><Hangup/></Response>");
            VirtualPhone first = s.network.phone(FIRST).answerAfter(ofSeconds(1));
            VirtualPhone second = s.network.phone(SECOND).answerAfter(ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(30));

            TestApp.Request action = run(s, caller);

            assertThat(callOf(first).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(callOf(first).connections()).isEmpty();
            assertThat(child(s, second).dateCreated()).isEqualTo(callOf(first).endedAt().orElseThrow());
            assertThat(callOf(caller).connections()).extracting(Connection::peer).containsExactly(SECOND);
            assertThat(action.params()).containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", callOf(second).callSid());
        }
    }

    @Test
    void recordFromRingingStartsAtTheFirstNounsRingingAndRunsAcrossTheAttempts() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"3\" record=\"record-from-ringing\" trim=\"do-not-trim\"",
                numbers(FIRST, SECOND));
            s.network.phone(FIRST).ringForever();
            VirtualPhone second = s.network.phone(SECOND).answerAfter(ofSeconds(2)).talk(ofSeconds(1), ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(10));

            TestApp.Request action = run(s, caller);

            Instant start = dialStart(caller);
            Recording recording = s.engine.recordings().recording(action.param("RecordingSid")).orElseThrow();
            assertThat(recording.startTime()).isEqualTo(start.plus(VirtualNetwork.SIGNALLING_DELAY));
            assertThat(Audio.of(recording).level(0, ofSeconds(6), ofSeconds(7), second.toneHz())).as("B = A+5.1, talks 1 s later")
                .isGreaterThan(0.4);
        }
    }

    @Test
    void withoutSequentialEveryNounRingsAtOnce() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"false\" timeout=\"5\"", numbers(FIRST, SECOND));
            VirtualPhone first = s.network.phone(FIRST).ringForever();
            VirtualPhone second = s.network.phone(SECOND).answerAfter(ofSeconds(2));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(10));

            TestApp.Request action = run(s, caller);

            Instant start = dialStart(caller);
            assertThat(child(s, first).dateCreated()).isEqualTo(start);
            assertThat(child(s, second).dateCreated()).isEqualTo(start);
            assertThat(callOf(first).status()).isEqualTo(PhoneCall.Status.CANCELED);
            assertThat(child(s, first).status()).isEqualTo(CallStatus.CANCELED);
            assertThat(action.params()).containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", callOf(second).callSid());
        }
    }
}
