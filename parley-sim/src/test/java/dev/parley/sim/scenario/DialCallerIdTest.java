package dev.parley.sim.scenario;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.account.Account;
import dev.parley.engine.call.Alert;
import dev.parley.sim.VirtualPhone;
import org.junit.jupiter.api.Test;

/**
 * {@code <Dial callerId>} as Twilio checks it (warning 13214): a phone number may show the caller's number, the
 * number called, or a number of the account; a client may be shown any caller ID; a client calling out needs one.
 */
class DialCallerIdTest {

    private static final String CALLER = "+15557774000";
    private static final String CALLEE = "+15558884000";

    @Test
    void aCallerIdThatIsNotTheCallersTheCalledOrTheAccountsFailsTheDialWith13214AndTheNextVerbRuns() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial callerId=\"+15559990000\"><Number>" + CALLEE + "</Number></Dial>"
                + "<Say>Not dialled</Say></Response>");
            VirtualPhone callee = s.network.phone(CALLEE);
            VirtualPhone caller = s.network.phone(CALLER);
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            assertThat(caller.saidTexts()).containsExactly("Not dialled");
            assertThat(callee.calls()).isEmpty();
            assertThat(s.engine.calls(s.account.sid())).hasSize(1);
            assertThat(s.engine.alertsOf(callSid)).singleElement().satisfies(alert -> {
                assertThat(alert.errorCode()).isEqualTo(13214);
                assertThat(alert.logLevel()).isEqualTo("warning");
            });
        }
    }

    @Test
    void theActionOfADialWithNoAcceptableCallerIdGetsFailedAndNoDialCallSid() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial callerId=\"+15559990000\" action=\"/dialed\"><Number>" + CALLEE
                + "</Number></Dial></Response>");
            s.app.twiml("/dialed", "<Response><Hangup/></Response>");
            String callSid = s.network.phone(CALLER).call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            assertThat(s.app.requests("/dialed").get(0).params()).containsEntry("DialCallStatus", "failed")
                .doesNotContainKeys("DialCallSid", "DialCallDuration");
        }
    }

    /** Dials the callee showing {@code callerId}; the callee answers and hangs up. Returns the caller's CallSid. */
    private static String dialShowing(Scenario s, String callerId) {
        s.app.twiml("/voice", "<Response><Dial callerId=\"" + callerId + "\" action=\"/dialed\"><Number>"
            + CALLEE + "</Number></Dial></Response>");
        s.app.twiml("/dialed", "<Response><Hangup/></Response>");
        s.network.phone(CALLEE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
        String callSid = s.network.phone(CALLER).call(Scenario.NUMBER).orElseThrow();
        s.awaitEnded(callSid);
        return callSid;
    }

    @Test
    void theNumberCalledIsAnAcceptedCallerId() {
        try (Scenario s = new Scenario()) {
            String callSid = dialShowing(s, Scenario.NUMBER);

            assertThat(s.network.phone(CALLEE).lastCall().orElseThrow().peer()).isEqualTo(Scenario.NUMBER);
            assertThat(s.app.requests("/dialed").get(0).param("DialCallStatus")).isEqualTo("completed");
            assertThat(s.engine.alertsOf(callSid)).isEmpty();
        }
    }

    @Test
    void anotherNumberOfTheAccountIsAnAcceptedCallerId() {
        try (Scenario s = new Scenario()) {
            s.directory.addNumber(s.account.sid(), "+15550002000", s.app.url("/other"), s.clock.now());

            String callSid = dialShowing(s, "+15550002000");

            assertThat(s.network.phone(CALLEE).lastCall().orElseThrow().peer()).isEqualTo("+15550002000");
            assertThat(s.engine.alertsOf(callSid)).isEmpty();
        }
    }

    @Test
    void aNumberOfAnotherAccountIsNotAnAcceptedCallerId() {
        try (Scenario s = new Scenario()) {
            Account other = s.directory.createAccount("other", s.clock.now());
            s.directory.addNumber(other.sid(), "+15550003000", s.app.url("/other"), s.clock.now());

            String callSid = dialShowing(s, "+15550003000");

            assertThat(s.network.phone(CALLEE).calls()).isEmpty();
            assertThat(s.app.requests("/dialed").get(0).param("DialCallStatus")).isEqualTo("failed");
            assertThat(s.engine.alertsOf(callSid)).extracting(Alert::errorCode).containsExactly(13214);
        }
    }

    @Test
    void aClientMayBeShownAnyCallerIdWhileANumberInTheSameDialIsNotDialled() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial callerId=\"support-desk\" action=\"/dialed\"><Number>" + CALLEE
                + "</Number><Client>alice</Client></Dial></Response>");
            s.app.twiml("/dialed", "<Response><Hangup/></Response>");
            VirtualPhone callee = s.network.phone(CALLEE);
            VirtualPhone alice = s.network.phone("client:alice").answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            String callSid = s.network.phone(CALLER).call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            assertThat(alice.lastCall().orElseThrow().peer()).isEqualTo("support-desk");
            assertThat(callee.calls()).isEmpty();
            TestApp.Request action = s.app.requests("/dialed").get(0);
            assertThat(action.param("DialCallStatus")).isEqualTo("completed");
            assertThat(s.engine.call(action.param("DialCallSid")).orElseThrow().from()).isEqualTo("support-desk");
            assertThat(s.engine.alertsOf(callSid)).extracting(Alert::errorCode).containsExactly(13214);
        }
    }

    @Test
    void aClientCallingANumberNeedsACallerId() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial action=\"/dialed\"><Number>" + CALLEE + "</Number></Dial></Response>");
            s.app.twiml("/dialed", "<Response><Hangup/></Response>");
            VirtualPhone callee = s.network.phone(CALLEE);
            String callSid = s.network.phone("client:bob").call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            assertThat(callee.calls()).isEmpty();
            assertThat(s.app.requests("/dialed").get(0).param("DialCallStatus")).isEqualTo("failed");
            assertThat(s.engine.alertsOf(callSid)).extracting(Alert::errorCode).containsExactly(13214);
        }
    }

    @Test
    void withoutCallerIdTheDialledPartySeesTheCallersNumber() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial><Number>" + CALLEE + "</Number></Dial></Response>");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(1));
            String callSid = s.network.phone(CALLER).call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            assertThat(callee.lastCall().orElseThrow().peer()).isEqualTo(CALLER);
            assertThat(s.engine.alertsOf(callSid)).isEmpty();
        }
    }
}
