package dev.parley.server.control;

import static dev.parley.server.testing.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.call.CallStatus;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PhoneCallsApiTest {

    private static final String CALLER = "+15557770001";
    private static final String PHONE = "/parley/v1/Phones/" + encode(CALLER);

    private final TestParley parley = new TestParley();
    private final Http http = parley.http;

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void aPhoneCallsAParleyNumberAndHearsTheApp() {
        parley.app.twiml("/voice", "<Response><Say voice=\"alice\" language=\"en-GB\">Hello caller</Say></Response>");
        http.post("/parley/v1/Phones", "Address", CALLER);

        Http.Response placed = http.post(PHONE + "/Calls", "To", TestParley.NUMBER);

        assertThat(placed.status()).isEqualTo(201);
        String callSid = placed.json().get("call_sid").asText();
        assertThat(callSid).startsWith("CA");
        assertThat(placed.json().get("direction").asText()).isEqualTo("outgoing");
        assertThat(placed.json().get("peer").asText()).isEqualTo(TestParley.NUMBER);
        assertThat(parley.awaitEnded(callSid).status()).isEqualTo(CallStatus.COMPLETED);

        JsonNode calls = http.get(PHONE + "/Calls").json().get("calls");
        assertThat(calls).hasSize(1);
        JsonNode call = calls.get(0);
        assertThat(call.get("call_sid").asText()).isEqualTo(callSid);
        assertThat(call.get("status").asText()).isEqualTo("hung-up-by-other");
        assertThat(call.get("answered_at").asText()).isNotEmpty();
        assertThat(call.get("ended_at").asText()).isNotEmpty();
        JsonNode said = call.get("heard").get(0);
        assertThat(said.get("kind").asText()).isEqualTo("say");
        assertThat(said.get("text").asText()).isEqualTo("Hello caller");
        assertThat(said.get("voice").asText()).isEqualTo("alice");
        assertThat(said.get("language").asText()).isEqualTo("en-GB");
        assertThat(http.get(PHONE + "/Calls/" + callSid).json()).isEqualTo(call);
        assertThat(http.get(PHONE).json().get("said_texts")).extracting(JsonNode::asText).containsExactly("Hello caller");
        assertThat(parley.app.requests("/voice")).singleElement()
            .satisfies(r -> assertThat(r.signatureValid()).isTrue())
            .satisfies(r -> assertThat(r.param("From")).isEqualTo(CALLER));
    }

    @Test
    void whatAPhoneHeardIsReadAcrossCallsOrForOne() {
        parley.app.twiml("/voice", "<Response><Say>One</Say><Play digits=\"12\"/><Say>Two</Say></Response>");
        http.post("/parley/v1/Phones", "Address", CALLER);
        String first = http.post(PHONE + "/Calls", "To", TestParley.NUMBER).json().get("call_sid").asText();
        parley.awaitEnded(first);
        String second = http.post(PHONE + "/Calls", "To", TestParley.NUMBER).json().get("call_sid").asText();
        parley.awaitEnded(second);

        JsonNode heard = http.get(PHONE + "/Heard").json().get("heard");
        JsonNode ofSecond = http.get(PHONE + "/Heard?CallSid=" + second).json().get("heard");

        assertThat(heard).extracting(h -> h.get("kind").asText() + " " + h.get("text").asText())
            .containsExactly("say One", "digits 12", "say Two", "say One", "digits 12", "say Two");
        assertThat(ofSecond).hasSize(3).allSatisfy(h -> assertThat(h.get("call_sid").asText()).isEqualTo(second));
        assertThat(ofSecond.get(0).get("offset").decimalValue()).isNotNegative();
        assertThat(ofSecond.get(0).get("voice").asText()).as("Twilio's default voice").isEqualTo("man");
    }

    @Test
    void keysTheScriptPressesReachTheApp() {
        parley.app.twiml("/voice", """
            <Response><Gather numDigits="2" action="/gathered" timeout="10"><Say>Enter two digits</Say></Gather></Response>""");
        parley.app.route("/gathered", r -> "<Response><Say>You entered " + r.param("Digits") + "</Say></Response>");
        http.post("/parley/v1/Phones", "Address", CALLER, "PressDigits", "2:42");

        String callSid = http.post(PHONE + "/Calls", "To", TestParley.NUMBER).json().get("call_sid").asText();
        parley.awaitEnded(callSid);

        assertThat(http.get(PHONE).json().get("said_texts")).extracting(JsonNode::asText)
            .containsExactly("Enter two digits", "You entered 42");
        assertThat(http.get(PHONE + "/Calls/" + callSid).json().get("pressed").asText()).isEqualTo("42");
        assertThat(parley.app.requests()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    void aCallToANumberNothingAnswersFailsWithoutACallSid() {
        http.post("/parley/v1/Phones", "Address", CALLER);

        Http.Response placed = http.post(PHONE + "/Calls", "To", "+15550009999");

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.json().get("call_sid").isNull()).isTrue();
        assertThat(placed.json().get("status").asText()).isEqualTo("failed");
        assertThat(parley.app.requests()).isEmpty();
    }

    @Test
    void badOrMissingInputIsRefused() {
        http.post("/parley/v1/Phones", "Address", CALLER);

        Http.Response invalid = http.post(PHONE + "/Calls", "To", "0800 FLOWERS");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asInt()).isEqualTo(21211);
        assertThat(http.post(PHONE + "/Calls").json().get("message").asText())
            .isEqualTo("Missing required parameter To in the post body");
        assertThat(http.post("/parley/v1/Phones/%2B15550000000/Calls", "To", TestParley.NUMBER).status()).isEqualTo(404);
        assertThat(http.get(PHONE + "/Calls/CA00000000000000000000000000000000").json().get("code").asInt())
            .isEqualTo(20404);
        assertThat(http.get(PHONE + "/Calls").json().get("calls")).isEmpty();
    }
}
