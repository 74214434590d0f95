package dev.parley.sim.scenario;

import static dev.parley.sim.scenario.LiveEndTest.childOf;
import static dev.parley.sim.scenario.LiveRedirectTest.heard;
import static dev.parley.sim.scenario.LiveRedirectTest.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.TwimlSource;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Calls API update with {@code Url} or {@code Twiml} of a dialled leg (the warm transfer): the answered leg leaves
 * the caller's {@code <Dial>} and runs the new TwiML as a call of its own; the caller's Dial ends
 * {@code completed} and its action decides what the caller hears next.
 */
class LiveLegRedirectTest {

    static final String CALLER = "+15557770201";
    static final String AGENT = "+15558880201";
    static final String CALLER_TWIML = "<Response><Dial action=\"/dialed\"><Number statusCallback=\"/agent-status\">"
        + AGENT + "</Number></Dial></Response>";

    @Test
    void aRedirectedLegLeavesTheBridgeRunsTheNewTwimlAndTheCallerGoesOnWithTheAction() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", CALLER_TWIML);
            s.app.route("/dialed", r -> TestApp.Response.twiml("<Response><Say>Dial " + r.param("DialCallStatus")
                + "</Say></Response>"));
            s.app.twiml("/agent", "<Response><Say>Transferred</Say><Pause length=\"20\"/></Response>");
            s.app.route("/agent-status", r -> TestApp.Response.status(204));
            VirtualPhone agent = s.network.phone(AGENT).answerAfter(Duration.ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER);
            Instant start = s.clock.now();

            String sid = s.callThen(caller, Duration.ofSeconds(10),
                callSid -> assertThat(s.engine.redirect(childOf(s, callSid).sid(), url(s, "/agent"))).isTrue());
            Call call = s.awaitEnded(sid);
            Call leg = s.awaitEnded(childOf(s, sid).sid());
            s.await(() -> s.app.requests("/agent-status").size() == 1);

            TestApp.Request action = s.app.requests("/dialed").get(0);
            assertThat(s.app.requests("/dialed")).hasSize(1);
            assertThat(action.param("DialCallStatus")).isEqualTo("completed");
            assertThat(action.param("DialCallSid")).isEqualTo(leg.sid());
            assertThat(action.param("DialCallDuration")).as("the time bridged").isEqualTo("8");
            assertThat(caller.saidTexts()).containsExactly("Dial completed");
            assertThat(heard(caller, "Dial completed").at()).isEqualTo(start.plusSeconds(10));
            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);

            assertThat(s.app.requests("/agent")).singleElement().satisfies(r -> {
                assertThat(r.param("CallSid")).isEqualTo(leg.sid());
                assertThat(r.param("ParentCallSid")).isEqualTo(sid);
                assertThat(r.param("Direction")).isEqualTo("outbound-dial");
                assertThat(r.param("CallStatus")).isEqualTo("in-progress");
                assertThat(r.signatureValid()).isTrue();
            });
            assertThat(agent.saidTexts()).containsExactly("Transferred");
            assertThat(heard(agent, "Transferred").at()).isEqualTo(start.plusSeconds(10));
            assertThat(leg.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(leg.endTime().orElseThrow()).as("the leg outlives the caller's call")
                .isAfter(call.endTime().orElseThrow());
            assertThat(agent.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(s.app.requests("/agent-status")).singleElement().satisfies(r -> {
                assertThat(r.param("CallStatus")).isEqualTo("completed");
                assertThat(r.param("CallSid")).isEqualTo(leg.sid());
            });
        }
    }

    @Test
    void withoutActionTheCallerGoesOnWithTheVerbsAfterDial() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial><Number>" + AGENT + "</Number></Dial><Say>After the dial</Say></Response>");
            VirtualPhone agent = s.network.phone(AGENT).answerAfter(Duration.ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER);

            String sid = s.callThen(caller, Duration.ofSeconds(5), callSid -> s.engine.redirect(childOf(s, callSid).sid(),
                new TwimlSource.Inline("<Response><Say>Inline for the agent</Say></Response>")));
            s.awaitEnded(sid);
            s.awaitEnded(childOf(s, sid).sid());

            assertThat(caller.saidTexts()).containsExactly("After the dial");
            assertThat(agent.saidTexts()).containsExactly("Inline for the agent");
        }
    }

    @Test
    void aLegRedirectedTwiceRunsTheLastTwimlAndEndsOnce() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", CALLER_TWIML);
            s.app.twiml("/dialed", "<Response><Pause length=\"30\"/></Response>");
            s.app.twiml("/hold", "<Response><Play>http://media.example.com/hold.mp3</Play></Response>");
            s.app.twiml("/agent", "<Response><Say>Second</Say></Response>");
            s.app.route("/agent-status", r -> TestApp.Response.status(204));
            s.network.playLength("http://media.example.com/hold.mp3", Duration.ofSeconds(60));
            VirtualPhone agent = s.network.phone(AGENT).answerAfter(Duration.ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER);
            Instant start = s.clock.now();

            String sid = s.frozen(() -> {
                String callSid = caller.call(Scenario.NUMBER).orElseThrow();
                s.after(Duration.ofSeconds(5), () -> s.engine.redirect(childOf(s, callSid).sid(), url(s, "/hold")));
                s.after(Duration.ofSeconds(8), () -> s.engine.redirect(childOf(s, callSid).sid(), url(s, "/agent")));
                return callSid;
            });
            s.awaitEnded(sid);
            Call leg = s.awaitEnded(childOf(s, sid).sid());
            s.await(() -> s.app.requests("/agent-status").size() == 1);

            assertThat(s.app.requests("/dialed")).hasSize(1);
            assertThat(s.app.requests("/hold")).hasSize(1);
            assertThat(s.app.requests("/agent")).singleElement()
                .satisfies(r -> assertThat(r.param("CallSid")).isEqualTo(leg.sid()));
            assertThat(agent.saidTexts()).containsExactly("Second");
            assertThat(heard(agent, "Second").at()).isEqualTo(start.plusSeconds(8));
            assertThat(s.app.requests("/agent-status")).singleElement()
                .satisfies(r -> assertThat(r.param("CallStatus")).isEqualTo("completed"));
        }
    }

    @Test
    void aRingingLegCannotBeRedirectedAndTheDialGoesOn() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", CALLER_TWIML);
            s.app.route("/dialed", r -> TestApp.Response.twiml("<Response><Say>Dial " + r.param("DialCallStatus")
                + "</Say></Response>"));
            s.app.twiml("/agent", "<Response><Say>Never run</Say></Response>");
            s.app.route("/agent-status", r -> TestApp.Response.status(204));
            VirtualPhone agent = s.network.phone(AGENT).answerAfter(Duration.ofSeconds(5)).hangupAt(Duration.ofSeconds(3));
            VirtualPhone caller = s.network.phone(CALLER);
            AtomicBoolean redirected = new AtomicBoolean(true);

            String sid = s.callThen(caller, Duration.ofSeconds(2),
                callSid -> redirected.set(s.engine.redirect(childOf(s, callSid).sid(), url(s, "/agent"))));
            s.awaitEnded(sid);

            assertThat(redirected).as("redirecting a ringing leg").isFalse();
            assertThat(s.app.requests("/agent")).isEmpty();
            assertThat(caller.saidTexts()).containsExactly("Dial completed");
            assertThat(agent.saidTexts()).isEmpty();
        }
    }

    @Test
    void anEndedLegCannotBeRedirected() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", CALLER_TWIML);
            s.app.twiml("/dialed", "<Response><Pause length=\"10\"/></Response>");
            s.network.phone(AGENT).answerAfter(Duration.ofSeconds(1)).hangupAt(Duration.ofSeconds(2));
            VirtualPhone caller = s.network.phone(CALLER);
            AtomicBoolean redirected = new AtomicBoolean(true);

            String sid = s.callThen(caller, Duration.ofSeconds(6),
                callSid -> redirected.set(s.engine.redirect(childOf(s, callSid).sid(), url(s, "/agent"))));
            s.awaitEnded(sid);

            assertThat(redirected).as("redirecting an ended leg").isFalse();
            assertThat(s.app.requests("/agent")).isEmpty();
        }
    }
}
