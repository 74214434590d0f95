package dev.parley.server.control;

import static dev.parley.server.testing.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.call.CallStatus;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.VoiceApp;
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
    void aCallerHearsRingbackWhileItsDialRingsWithTheRingToneAskedFor() {
        String callee = "+15557770002";
        parley.app.twiml("/voice", "<Response><Dial ringTone=\"uk\">" + callee + "</Dial></Response>");
        http.post("/parley/v1/Phones", "Address", CALLER, "HangupAfter", "3");
        http.post("/parley/v1/Phones", "Address", callee);

        String callSid = http.post(PHONE + "/Calls", "To", TestParley.NUMBER).json().get("call_sid").asText();
        parley.awaitEnded(callSid);

        JsonNode heard = http.get(PHONE + "/Heard?CallSid=" + callSid).json().get("heard");
        assertThat(heard).extracting(h -> h.get("kind").asText() + " " + h.get("text").asText())
            .startsWith("ringback uk");
        assertThat(heard.get(0).get("offset").decimalValue()).as("the callee rings 0.1 s after the answer")
            .isEqualByComparingTo("0.1");
        assertThat(http.get("/parley/v1/Phones/" + encode(callee) + "/Heard").json().get("heard"))
            .extracting(h -> h.get("kind").asText()).doesNotContain("ringback");
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

    private static final String WORKER = "client:alice";
    private static final String WORKER_PHONE = "/parley/v1/Phones/" + encode(WORKER);
    private static final String CONVERSATION = "CH0123456789abcdef0123456789abcdef";

    /** The app's first webhook of the worker's call, once the call has ended. */
    private VoiceApp.Request firstWebhook(Http.Response placed) {
        assertThat(placed.status()).as("%s", placed.json()).isEqualTo(201);
        parley.awaitEnded(placed.json().get("call_sid").asText());
        return parley.app.requests("/voice").getFirst();
    }

    @Test
    void paramsInAFormReachTheAppAsAVoiceSdkClientsConnectParametersDo() {
        parley.app.twiml("/voice", "<Response><Say>Hello worker</Say></Response>");
        http.post("/parley/v1/Phones", "Address", WORKER);

        VoiceApp.Request voice = firstWebhook(http.post(WORKER_PHONE + "/Calls", "To", TestParley.NUMBER,
            "Params.ConversationSid", CONVERSATION, "Params.Team", "blue sky", "Params.Empty", ""));

        assertThat(voice.signatureValid()).isTrue();
        assertThat(voice.params()).containsEntry("ConversationSid", CONVERSATION).containsEntry("Team", "blue sky")
            .containsEntry("Empty", "").containsEntry("From", WORKER).containsEntry("Caller", WORKER)
            .containsEntry("To", TestParley.NUMBER).containsEntry("Direction", "inbound")
            .doesNotContainKeys("Params.ConversationSid", "Params.Team");
        assertThat(parley.app.requests()).hasSize(1);
    }

    @Test
    void paramsInJsonHaveTheSameDottedNames() {
        parley.app.twiml("/voice", "<Response><Say>Hello worker</Say></Response>");
        http.post("/parley/v1/Phones", "Address", WORKER);

        VoiceApp.Request voice = firstWebhook(http.postJson(WORKER_PHONE + "/Calls", """
            {"To": "%s", "Params.ConversationSid": "%s", "Params.Priority": 2, "Params.Urgent": true}"""
            .formatted(TestParley.NUMBER, CONVERSATION)));

        assertThat(voice.params()).containsEntry("ConversationSid", CONVERSATION).containsEntry("Priority", "2")
            .containsEntry("Urgent", "true").containsEntry("From", WORKER);
    }

    @Test
    void twiliosStandardParametersRepeatedAndNamelessParamsAreRefused() {
        http.post("/parley/v1/Phones", "Address", WORKER);

        Http.Response from = http.post(WORKER_PHONE + "/Calls", "To", TestParley.NUMBER, "Params.From", "+15550000000");
        assertThat(from.status()).isEqualTo(400);
        assertThat(from.json().get("code").asInt()).isEqualTo(20001);
        assertThat(from.json().get("message").asText()).isEqualTo("Invalid Params.From: From is one of Twilio's "
            + "standard request parameters, which Parley sets itself; give the parameter another name");
        Http.Response callSid = http.postJson(WORKER_PHONE + "/Calls",
            "{\"To\": \"" + TestParley.NUMBER + "\", \"Params.CallSid\": \"CA0\"}");
        assertThat(callSid.json().get("message").asText()).startsWith("Invalid Params.CallSid: CallSid is one of");
        Http.Response twice = http.post(WORKER_PHONE + "/Calls", "To", TestParley.NUMBER, "Params.Team", "blue",
            "Params.Team", "red");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("message").asText())
            .isEqualTo("Invalid Params.Team: given 2 times; a call parameter has one value");
        Http.Response nameless = http.post(WORKER_PHONE + "/Calls", "To", TestParley.NUMBER, "Params.", "x");
        assertThat(nameless.json().get("message").asText()).isEqualTo("Invalid Params.: a parameter needs a name");
        assertThat(http.postJson(WORKER_PHONE + "/Calls", "{\"To\": \"" + TestParley.NUMBER
            + "\", \"Params.Team\": [\"blue\", \"red\"]}").json().get("message").asText())
            .isEqualTo("Invalid Params.Team: given 2 times; a call parameter has one value");

        assertThat(http.get(WORKER_PHONE + "/Calls").json().get("calls")).as("no call was placed").isEmpty();
        assertThat(parley.app.requests()).isEmpty();
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
