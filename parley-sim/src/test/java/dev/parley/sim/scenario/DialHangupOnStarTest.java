package dev.parley.sim.scenario;

import static dev.parley.sim.scenario.DialFixture.AFTER;
import static dev.parley.sim.scenario.DialFixture.CALLER;
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

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code <Dial hangupOnStar="true">}: the caller pressing {@code *} hangs up on the dialled party and goes on to the
 * action ({@code DialCallStatus=completed}) instead of hanging up; the dialled party's {@code *} does nothing. Pressed
 * before the dialled party answers, {@code *} cancels the ringing leg (Twilio support, "What are the possible call
 * statuses": the child call ends {@code canceled}) and the action gets {@code DialCallStatus=canceled}.
 */
class DialHangupOnStarTest {

    private static final String CALLEE = "+15558886001";

    /** The star did nothing: the callee, answered a second after its ringing, hung up itself {@code seconds} later. */
    private static void bridgedUntilTheCalleeHungUp(Scenario s, VirtualPhone caller, VirtualPhone callee,
            TestApp.Request action, long seconds) {
        Instant answered = answerOf(dialStart(caller), ofSeconds(1));
        assertThat(callOf(callee).status()).as("it hung up itself").isEqualTo(PhoneCall.Status.HUNG_UP_BY_ME);
        assertThat(bridge(caller).to()).contains(answered.plusSeconds(seconds));
        assertThat(action.params()).containsEntry("DialCallStatus", "completed")
            .containsEntry("DialCallDuration", String.valueOf(seconds));
        oneFinalCallback(s, leg(s, callee));
    }

    @Test
    void theCallersStarEndsTheDialledLegAndTheCallGoesOnToTheAction() {
        try (Scenario s = new Scenario()) {
            dialing(s, "hangupOnStar=\"true\"", number(CALLEE));
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).pressDigitsAt(ofSeconds(5), "*");

            TestApp.Request action = run(s, caller);

            Instant star = dialStart(caller).plusSeconds(5);
            Call leg = leg(s, callee);
            assertThat(bridge(caller).from()).isEqualTo(answerOf(dialStart(caller), ofSeconds(1)));
            assertThat(bridge(caller).to()).contains(star);
            assertThat(callOf(callee).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(callOf(callee).endedAt()).contains(star);
            assertThat(leg.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(leg.duration()).contains(3L);
            assertThat(action.params()).containsEntry("DialCallStatus", "completed").containsEntry("DialCallSid", leg.sid())
                .containsEntry("DialCallDuration", "3");
            assertThat(callOf(caller).saidTexts()).as("the caller is not hung up").containsExactly(AFTER);
            assertThat(callOf(caller).status()).as("the action's <Hangup/>").isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            oneFinalCallback(s, leg);
        }
    }

    @Test
    void theDialledPartysStarDoesNothing() {
        try (Scenario s = new Scenario()) {
            dialing(s, "hangupOnStar=\"true\"", number(CALLEE));
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(1)).pressDigitsAt(ofSeconds(2), "*")
                .hangupAt(ofSeconds(6));
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            assertThat(callOf(callee).pressed()).isEqualTo("*");
            bridgedUntilTheCalleeHungUp(s, caller, callee, action, 6);
        }
    }

    @Test
    void withoutHangupOnStarTheCallersStarDoesNothing() {
        try (Scenario s = new Scenario()) {
            dialing(s, "", number(CALLEE));
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(8));
            VirtualPhone caller = s.network.phone(CALLER).pressDigitsAt(ofSeconds(3), "*");

            TestApp.Request action = run(s, caller);

            assertThat(callOf(caller).pressed()).isEqualTo("*");
            bridgedUntilTheCalleeHungUp(s, caller, callee, action, 8);
        }
    }

    @Test
    void aStarWhileTheLegRingsCancelsItAndTheCallGoesOnToTheAction() {
        try (Scenario s = new Scenario()) {
            dialing(s, "hangupOnStar=\"true\" timeout=\"20\"", number(CALLEE));
            VirtualPhone callee = s.network.phone(CALLEE).ringForever();
            VirtualPhone caller = s.network.phone(CALLER).pressDigitsAt(ofSeconds(3), "*");

            TestApp.Request action = run(s, caller);

            Instant star = dialStart(caller).plusSeconds(3);
            Call leg = leg(s, callee);
            assertThat(callOf(callee).status()).isEqualTo(PhoneCall.Status.CANCELED);
            assertThat(callOf(callee).endedAt()).contains(star);
            assertThat(leg.status()).isEqualTo(CallStatus.CANCELED);
            assertThat(callOf(caller).connections()).isEmpty();
            assertThat(action.params()).containsEntry("DialCallStatus", "canceled").containsEntry("DialCallSid", leg.sid())
                .containsEntry("DialCallDuration", "0");
            assertThat(callOf(caller).saidTexts()).containsExactly(AFTER);
            oneFinalCallback(s, leg);
        }
    }

    @Test
    void withoutHangupOnStarAStarWhileTheLegRingsDoesNothing() {
        try (Scenario s = new Scenario()) {
            dialing(s, "timeout=\"6\"", number(CALLEE));
            VirtualPhone callee = s.network.phone(CALLEE).ringForever();
            VirtualPhone caller = s.network.phone(CALLER).pressDigitsAt(ofSeconds(3), "*");

            TestApp.Request action = run(s, caller);

            Call leg = leg(s, callee);
            assertThat(callOf(callee).endedAt()).as("rang out").contains(dialStart(caller).plusSeconds(6));
            assertThat(leg.status()).isEqualTo(CallStatus.NO_ANSWER);
            assertThat(action.params()).containsEntry("DialCallStatus", "no-answer");
            oneFinalCallback(s, leg);
        }
    }
}
