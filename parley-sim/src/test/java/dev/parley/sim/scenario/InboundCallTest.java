package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboundCallTest {

    @Test
    void aCallerHearsTheGreetingPressesDigitsAndTheActionDecidesWhatFollows() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", """
                <Response>
                  <Gather numDigits="2" action="/menu" timeout="10">
                    <Say>Press two digits</Say>
                  </Gather>
                  <Say>No input</Say>
                </Response>""");
            s.app.route("/menu", r -> TestApp.Response.twiml(
                "<Response><Say>You pressed " + r.param("Digits") + "</Say><Hangup/></Response>"));
            VirtualPhone caller = s.network.phone("+15557770001").pressDigitsAt(Duration.ofSeconds(5), "42");
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            Call call = s.awaitEnded(callSid);

            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(caller.saidTexts()).containsExactly("Press two digits", "You pressed 42");
            TestApp.Request first = s.app.requests("/voice").get(0);
            assertThat(first.params()).containsEntry("CallSid", callSid).containsEntry("AccountSid", s.account.sid())
                .containsEntry("From", "+15557770001").containsEntry("To", Scenario.NUMBER)
                .containsEntry("CallStatus", "ringing").containsEntry("Direction", "inbound")
                .containsEntry("ApiVersion", "2010-04-01");
            TestApp.Request menu = s.app.requests("/menu").get(0);
            assertThat(menu.param("Digits")).isEqualTo("42");
            assertThat(menu.param("CallStatus")).isEqualTo("in-progress");
            assertThat(s.app.requests()).allSatisfy(r -> {
                assertThat(r.signatureValid()).as("X-Twilio-Signature of %s", r.url()).isTrue();
                assertThat(r.headers()).containsKey("i-twilio-idempotency-token");
            });
        }
    }

    @Test
    void withoutInputTheGatherFallsThroughToTheNextVerbAfterItsTimeout() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Gather timeout=\"30\"><Say>Hello</Say></Gather><Say>Goodbye</Say></Response>");
            VirtualPhone caller = s.network.phone("+15557770002");
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            assertThat(caller.saidTexts()).containsExactly("Hello", "Goodbye");
            assertThat(s.app.requests()).hasSize(1);
        }
    }

    @Test
    void anAppThatFailsWithoutFallbackGivesTheApplicationErrorPromptAndAnAlert() {
        try (Scenario s = new Scenario()) {
            s.app.route("/voice", r -> TestApp.Response.status(500));
            VirtualPhone caller = s.network.phone("+15557770003");
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            assertThat(caller.saidTexts()).containsExactly("We're sorry, an application error has occurred. Goodbye!");
            assertThat(s.engine.alertsOf(callSid)).extracting(a -> a.errorCode()).containsExactly(11217);
        }
    }

    @Test
    void aDocumentThatIsNotTwimlGoesToTheFallbackUrlWithErrorCodeAndErrorUrl() {
        try (Scenario s = new Scenario()) {
            s.directory.put(new dev.parley.engine.account.PhoneNumber(s.number.sid(), s.account.sid(), Scenario.NUMBER,
                Scenario.NUMBER, java.util.Optional.of(s.app.url("/voice")), dev.parley.twiml.HttpMethod.POST,
                java.util.Optional.of(s.app.url("/fallback")), dev.parley.twiml.HttpMethod.POST, java.util.Optional.empty(),
                dev.parley.twiml.HttpMethod.POST, s.clock.now()));
            s.app.twiml("/voice", "<Response><Say>unclosed</Response>");
            s.app.twiml("/fallback", "<Response><Say>Fallback speaking</Say></Response>");
            VirtualPhone caller = s.network.phone("+15557770004");
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            assertThat(caller.saidTexts()).containsExactly("Fallback speaking");
            TestApp.Request fallback = s.app.requests("/fallback").get(0);
            assertThat(fallback.param("ErrorCode")).isEqualTo("12100");
            assertThat(fallback.param("ErrorUrl")).isEqualTo(s.app.url("/voice"));
        }
    }
}
