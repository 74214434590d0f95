package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.sim.Connection;
import dev.parley.sim.Heard;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;

/**
 * What the focused {@code <Dial>} tests share: a caller's document that dials, an action that says {@link #AFTER}
 * and hangs up, and the checks every Dial must pass: exactly one action request, exactly one final status callback
 * for the caller's call and for each dialled leg.
 *
 * <p>Times: the caller's leg is answered when the Dial starts (A); a dialled phone rings
 * {@link VirtualNetwork#SIGNALLING_DELAY} after it is dialled; phones' scripts count from their own answer.
 */
final class DialFixture {

    static final String CALLER = "+15557775000";
    /** What the action's document says to the caller: hearing it proves the call went on after the Dial. */
    static final String AFTER = "After the dial";
    static final String LEG_STATUS = "/status";
    private static final String CALL_STATUS = "/parent-status";

    private DialFixture() {
    }

    /**
     * The caller's document dials {@code nouns} with the Dial's {@code attributes} (the verb after the Dial is never
     * reached: the action answers); the caller's call reports its status to {@link #CALL_STATUS}.
     */
    static void dialing(Scenario s, String attributes, String nouns) {
        s.app.twiml("/voice", "<Response><Dial action=\"/dialed\" " + attributes + ">" + nouns
            + "</Dial><Say>Not reached</Say></Response>");
        s.app.twiml("/dialed", "<Response><Say>" + AFTER + "</Say><Hangup/></Response>");
        s.app.route(LEG_STATUS, r -> TestApp.Response.status(204));
        s.app.route(CALL_STATUS, r -> TestApp.Response.status(204));
        s.numberStatusCallback(CALL_STATUS);
    }

    /** A {@code <Number>} that reports its final status to {@link #LEG_STATUS}. */
    static String number(String number) {
        return "<Number statusCallback=\"" + LEG_STATUS + "\">" + number + "</Number>";
    }

    /**
     * Runs the caller's call to its end and returns the Dial's action request, after checking it was the only one and
     * that the caller's call sent exactly one final status callback.
     */
    static TestApp.Request run(Scenario s, VirtualPhone caller) {
        String callSid = caller.call(Scenario.NUMBER).orElseThrow();
        Call call = s.awaitEnded(callSid);
        s.await(() -> !s.app.requests("/dialed").isEmpty() && !s.app.requests(CALL_STATUS).isEmpty());
        assertThat(s.app.requests("/dialed")).as("one action request").hasSize(1);
        assertThat(s.app.requests(CALL_STATUS)).as("one final status callback of the caller's call").singleElement()
            .satisfies(r -> assertThat(r.param("CallStatus")).isEqualTo(call.status().value()));
        return s.app.requests("/dialed").get(0);
    }

    /** Checks that the dialled leg sent exactly one final status callback, with its final status. */
    static void oneFinalCallback(Scenario s, Call leg) {
        s.await(() -> s.app.requests(LEG_STATUS).stream().anyMatch(r -> r.param("CallSid").equals(leg.sid())));
        assertThat(s.app.requests(LEG_STATUS)).filteredOn(r -> r.param("CallSid").equals(leg.sid()))
            .as("one final status callback of %s", leg.sid()).singleElement()
            .satisfies(r -> assertThat(r.param("CallStatus")).isEqualTo(leg.status().value()));
    }

    static PhoneCall callOf(VirtualPhone phone) {
        return phone.lastCall().orElseThrow();
    }

    /** When the Dial started: the caller's call was answered. */
    static Instant dialStart(VirtualPhone caller) {
        return callOf(caller).answeredAt().orElseThrow();
    }

    /** The leg the phone's last call is, as the engine sees it. */
    static Call leg(Scenario s, VirtualPhone phone) {
        return s.engine.call(callOf(phone).callSid()).orElseThrow();
    }

    /** When the caller started hearing the action's {@link #AFTER}: the Dial had ended. */
    static Instant afterHeardAt(VirtualPhone caller) {
        return callOf(caller).heard().stream().filter(h -> h.kind() == Heard.Kind.SAY && h.text().equals(AFTER))
            .findFirst().orElseThrow().at();
    }

    /** The caller's only bridge. */
    static Connection bridge(VirtualPhone caller) {
        assertThat(callOf(caller).connections()).hasSize(1);
        return callOf(caller).connections().get(0);
    }

    /** A phone dialled at {@code dialled} that answers {@code answerAfter} its ringing is bridged then. */
    static Instant answerOf(Instant dialled, Duration answerAfter) {
        return dialled.plus(VirtualNetwork.SIGNALLING_DELAY).plus(answerAfter);
    }
}
