package dev.parley.sim.scenario;

import static dev.parley.sim.scenario.DialFixture.AFTER;
import static dev.parley.sim.scenario.DialFixture.CALLER;
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
import static java.time.Duration.ofHours;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code <Dial timeLimit>}: the bridge ends {@code timeLimit} seconds after the parties are connected (not after the
 * dial); the dialled leg is {@code completed}, the action gets {@code DialCallStatus=completed} and the caller goes on
 * with its TwiML. The default is 14400 s (4 h).
 */
class DialLimitsTest {

    private static final String CALLEE = "+15558885001";

    /**
     * The callee answers {@code answerAfter} its ringing and nobody hangs up: the time limit cuts the bridge
     * {@code seconds} after the answer, both phones see it, the leg and the action say so, and the caller goes on with
     * the action's TwiML. Returns the caller.
     */
    private static VirtualPhone cutByTheLimit(Scenario s, String attributes, Duration answerAfter, long seconds) {
        dialing(s, attributes, number(CALLEE));
        VirtualPhone callee = s.network.phone(CALLEE).answerAfter(answerAfter);
        VirtualPhone caller = s.network.phone(CALLER);

        TestApp.Request action = run(s, caller);

        Instant answered = answerOf(dialStart(caller), answerAfter);
        Instant end = answered.plusSeconds(seconds);
        assertThat(bridge(caller).from()).isEqualTo(answered);
        assertThat(bridge(caller).to()).as("the caller's bridge ends").contains(end);
        assertThat(callOf(callee).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
        assertThat(callOf(callee).endedAt()).contains(end);
        Call leg = leg(s, callee);
        assertThat(leg.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(leg.duration()).contains(seconds);
        assertThat(action.params()).containsEntry("DialCallStatus", "completed").containsEntry("DialCallSid", leg.sid())
            .containsEntry("DialCallDuration", String.valueOf(seconds));
        assertThat(callOf(caller).saidTexts()).as("the caller goes on with the action's TwiML").containsExactly(AFTER);
        oneFinalCallback(s, leg);
        return caller;
    }

    @Test
    void theBridgeEndsExactlyTimeLimitSecondsAfterThePartiesAreConnected() {
        try (Scenario s = new Scenario()) {
            cutByTheLimit(s, "timeLimit=\"10\"", ofSeconds(1), 10);
        }
    }

    @Test
    void theTimeLimitCountsFromTheBridgeNotFromTheDial() {
        try (Scenario s = new Scenario()) {
            VirtualPhone caller = cutByTheLimit(s, "timeLimit=\"10\"", ofSeconds(4), 10);

            assertThat(afterHeardAt(caller)).as("not dial + 10").isEqualTo(dialStart(caller).plusMillis(14_100));
        }
    }

    @Test
    void byDefaultACallThatTalksPastAnHourIsNotCut() {
        try (Scenario s = new Scenario()) {
            dialing(s, "", number(CALLEE));
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(1)).hangupAt(ofHours(2));
            VirtualPhone caller = s.network.phone(CALLER);

            TestApp.Request action = run(s, caller);

            Instant answered = answerOf(dialStart(caller), ofSeconds(1));
            assertThat(callOf(callee).status()).as("the callee hung up").isEqualTo(PhoneCall.Status.HUNG_UP_BY_ME);
            assertThat(bridge(caller).to()).contains(answered.plus(ofHours(2)));
            assertThat(action.params()).containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallDuration", "7200");
            assertThat(callOf(caller).saidTexts()).containsExactly(AFTER);
            oneFinalCallback(s, leg(s, callee));
        }
    }

    @Test
    void byDefaultTheBridgeIsCutAfterFourHours() {
        try (Scenario s = new Scenario()) {
            cutByTheLimit(s, "", ofSeconds(1), 14_400);
        }
    }
}
