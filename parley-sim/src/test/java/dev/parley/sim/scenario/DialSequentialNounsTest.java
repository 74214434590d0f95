package dev.parley.sim.scenario;

import static dev.parley.sim.scenario.DialFixture.AFTER;
import static dev.parley.sim.scenario.DialFixture.CALLER;
import static dev.parley.sim.scenario.DialFixture.LEG_STATUS;
import static dev.parley.sim.scenario.DialFixture.afterHeardAt;
import static dev.parley.sim.scenario.DialFixture.answerOf;
import static dev.parley.sim.scenario.DialFixture.bridge;
import static dev.parley.sim.scenario.DialFixture.callOf;
import static dev.parley.sim.scenario.DialFixture.dialStart;
import static dev.parley.sim.scenario.DialFixture.dialing;
import static dev.parley.sim.scenario.DialFixture.leg;
import static dev.parley.sim.scenario.DialFixture.number;
import static dev.parley.sim.scenario.DialFixture.oneFinalCallback;
import static dev.parley.sim.scenario.DialFixture.run;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.engine.call.Alert;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code <Dial sequential="true">} beyond plain numbers: {@code <Client>} and {@code <Sip>} nouns in turn, nouns
 * skipped because Twilio would refuse their caller ID (13214), and {@code timeLimit} and {@code hangupOnStar} on the
 * noun that connects (docs/rest-api.md, "Differences from Twilio").
 */
class DialSequentialNounsTest {

    private static final String ALICE = "client:alice";
    private static final String BOB = "sip:bob@example.com";
    private static final String FIRST = "+15558887001";
    private static final String SECOND = "+15558887002";
    private static final String THIRD = "+15558887003";
    /** Not the caller's, not the number called, not the account's: refused for a {@code <Number>}, fine for others. */
    private static final String FOREIGN_CALLER_ID = "+15559990000";

    private static String client(String identity) {
        return "<Client statusCallback=\"" + LEG_STATUS + "\">" + identity + "</Client>";
    }

    private static String sip(String uri) {
        return "<Sip statusCallback=\"" + LEG_STATUS + "\">" + uri + "</Sip>";
    }

    private static void oneRefusedCallerIdAt(Scenario s, VirtualPhone caller, Instant at, String refused) {
        assertThat(s.engine.alertsOf(callOf(caller).callSid())).singleElement().satisfies(alert -> {
            assertThat(alert.errorCode()).isEqualTo(13214);
            assertThat(alert.dateCreated()).isEqualTo(at);
            assertThat(alert.alertText()).contains(refused);
        });
    }

    @Test
    void aClientThenASipUriAreDialledOneAfterTheOther() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"5\"", client("alice") + sip(BOB));
            VirtualPhone alice = s.network.phone(ALICE).ringForever();
            VirtualPhone bob = s.network.phone(BOB).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(3));
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            Instant start = dialStart(caller);
            Call aliceLeg = leg(s, alice);
            Call bobLeg = leg(s, bob);
            assertThat(aliceLeg.to()).isEqualTo(ALICE);
            assertThat(aliceLeg.status()).isEqualTo(CallStatus.NO_ANSWER);
            assertThat(callOf(alice).endedAt()).contains(start.plusSeconds(5));
            assertThat(bobLeg.to()).isEqualTo(BOB);
            assertThat(bobLeg.dateCreated()).as("dialled when alice rang out").isEqualTo(start.plusSeconds(5));
            assertThat(bridge(caller).peer()).isEqualTo(BOB);
            assertThat(bridge(caller).from()).isEqualTo(answerOf(start.plusSeconds(5), ofSeconds(1)));
            assertThat(action.params()).containsEntry("DialCallStatus", "completed").containsEntry("DialCallSid", bobLeg.sid())
                .containsEntry("DialCallDuration", "3");
            oneFinalCallback(s, aliceLeg);
            oneFinalCallback(s, bobLeg);
        }
    }

    @Test
    void aNounWhoseCallerIdIsRefusedIsSkippedWhenItsTurnComesAndTheNextIsDialledAtOnce() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"5\" callerId=\"" + FOREIGN_CALLER_ID + "\"",
                client("alice") + number(FIRST) + sip(BOB));
            VirtualPhone alice = s.network.phone(ALICE).ringForever();
            VirtualPhone first = s.network.phone(FIRST);
            VirtualPhone bob = s.network.phone(BOB).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            Instant turn = dialStart(caller).plusSeconds(5);
            assertThat(first.calls()).isEmpty();
            assertThat(s.engine.calls(s.account.sid())).extracting(Call::to)
                .containsExactlyInAnyOrder(Scenario.NUMBER, ALICE, BOB);
            assertThat(leg(s, alice).endTime()).contains(turn);
            assertThat(leg(s, bob).dateCreated()).as("at once after alice rang out").isEqualTo(turn);
            assertThat(callOf(bob).peer()).isEqualTo(FOREIGN_CALLER_ID);
            oneRefusedCallerIdAt(s, caller, turn, FIRST);
            assertThat(action.params()).containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", leg(s, bob).sid());
        }
    }

    @Test
    void nounsSkippedAfterAnAttemptLeaveTheLastAttemptReported() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"4\" callerId=\"" + FOREIGN_CALLER_ID + "\"",
                client("alice") + number(FIRST));
            VirtualPhone alice = s.network.phone(ALICE).ringForever();
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            Instant rangOut = dialStart(caller).plusSeconds(4);
            oneRefusedCallerIdAt(s, caller, rangOut, FIRST);
            assertThat(action.params()).containsEntry("DialCallStatus", "no-answer")
                .containsEntry("DialCallSid", leg(s, alice).sid()).containsEntry("DialCallDuration", "0");
            assertThat(afterHeardAt(caller)).as("the action runs at once").isEqualTo(rangOut);
        }
    }

    @Test
    void whenEveryNounIsSkippedTheDialEndsAtOnceFailedWithoutADialCallSid() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" callerId=\"" + FOREIGN_CALLER_ID + "\"", number(FIRST) + number(SECOND));
            VirtualPhone first = s.network.phone(FIRST);
            VirtualPhone second = s.network.phone(SECOND);
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            Instant start = dialStart(caller);
            assertThat(first.calls()).isEmpty();
            assertThat(second.calls()).isEmpty();
            assertThat(s.engine.calls(s.account.sid())).hasSize(1);
            assertThat(s.engine.alertsOf(callOf(caller).callSid())).as("one per noun, each at its turn")
                .extracting(Alert::errorCode, Alert::dateCreated).containsExactly(
                    tuple(13214, start), tuple(13214, start));
            assertThat(action.params()).containsEntry("DialCallStatus", "failed")
                .doesNotContainKeys("DialCallSid", "DialCallDuration");
            assertThat(callOf(caller).saidTexts()).containsExactly(AFTER);
            assertThat(afterHeardAt(caller)).as("the Dial ended at once").isEqualTo(start);
        }
    }

    @Test
    void theTimeLimitCountsFromTheBridgeOfTheNounThatConnects() {
        try (Scenario s = new Scenario()) {
            dialing(s, "sequential=\"true\" timeout=\"5\" timeLimit=\"10\"", number(FIRST) + number(SECOND));
            s.network.phone(FIRST).ringForever();
            VirtualPhone second = s.network.phone(SECOND).answerAfter(ofSeconds(2));
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            Instant answered = answerOf(dialStart(caller).plusSeconds(5), ofSeconds(2));
            Call secondLeg = leg(s, second);
            assertThat(bridge(caller).from()).isEqualTo(answered);
            assertThat(bridge(caller).to()).contains(answered.plusSeconds(10));
            assertThat(callOf(second).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(callOf(second).endedAt()).contains(answered.plusSeconds(10));
            assertThat(secondLeg.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(secondLeg.duration()).contains(10L);
            assertThat(action.params()).containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", secondLeg.sid()).containsEntry("DialCallDuration", "10");
            assertThat(callOf(caller).saidTexts()).containsExactly(AFTER);
            oneFinalCallback(s, leg(s, s.network.phone(FIRST)));
            oneFinalCallback(s, secondLeg);
        }
    }

    /**
     * Three numbers in sequence with {@code hangupOnStar}: the first is busy, the second meets the call as the test set
     * it up, the third would answer. Runs the caller's call and checks what the caller's {@code *} always leaves: the
     * third never dialled, the caller gone on with the action, one final callback from each leg. Returns the action.
     */
    private static TestApp.Request starInSequence(Scenario s, VirtualPhone caller) {
        dialing(s, "sequential=\"true\" hangupOnStar=\"true\"", number(FIRST) + number(SECOND) + number(THIRD));
        VirtualPhone first = s.network.phone(FIRST).busy();
        VirtualPhone third = s.network.phone(THIRD).answerAfter(ofSeconds(1));

        TestApp.Request action = run(s, caller);

        assertThat(leg(s, first).status()).isEqualTo(CallStatus.BUSY);
        assertThat(third.calls()).isEmpty();
        assertThat(callOf(caller).saidTexts()).containsExactly(AFTER);
        oneFinalCallback(s, leg(s, first));
        oneFinalCallback(s, leg(s, s.network.phone(SECOND)));
        return action;
    }

    @Test
    void theCallersStarEndsTheBridgeOfTheNounThatConnectedAndTheRestAreNeverDialled() {
        try (Scenario s = new Scenario()) {
            VirtualPhone second = s.network.phone(SECOND).answerAfter(ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).pressDigitsAt(ofSeconds(6), "*");

            TestApp.Request action = starInSequence(s, caller);

            Instant star = dialStart(caller).plusSeconds(6);
            Call secondLeg = leg(s, second);
            assertThat(bridge(caller).peer()).isEqualTo(SECOND);
            assertThat(bridge(caller).to()).contains(star);
            assertThat(callOf(second).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(callOf(second).endedAt()).contains(star);
            assertThat(secondLeg.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(action.params()).containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", secondLeg.sid());
        }
    }

    @Test
    void theCallersStarWhileTheSecondNounRingsCancelsItAndTheRestAreNeverDialled() {
        try (Scenario s = new Scenario()) {
            VirtualPhone second = s.network.phone(SECOND).ringForever();
            VirtualPhone caller = s.network.phone(CALLER).pressDigitsAt(ofSeconds(3), "*");

            TestApp.Request action = starInSequence(s, caller);

            Call secondLeg = leg(s, second);
            assertThat(callOf(second).status()).isEqualTo(PhoneCall.Status.CANCELED);
            assertThat(callOf(second).endedAt()).contains(dialStart(caller).plusSeconds(3));
            assertThat(secondLeg.status()).isEqualTo(CallStatus.CANCELED);
            assertThat(callOf(caller).connections()).isEmpty();
            assertThat(action.params()).containsEntry("DialCallStatus", "canceled")
                .containsEntry("DialCallSid", secondLeg.sid()).containsEntry("DialCallDuration", "0");
        }
    }
}
