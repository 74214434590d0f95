package dev.parley.server.control;

import static dev.parley.server.testing.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.call.CallStatus;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.TimeHold;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Actions a phone takes now, over HTTP, while virtual time is held at a known moment of the call. */
class PhoneActionsApiTest {

    private static final String ALICE = "+15557770001";
    private static final String BOB = "+15557770002";

    private final TestParley parley = new TestParley();
    private final Http http = parley.http;

    @AfterEach
    void close() {
        parley.close();
    }

    private static String phone(String address) {
        return "/parley/v1/Phones/" + encode(address);
    }

    private Call parleyCalls(String address) {
        return parley.parley.engine().create(CallRequest.inline(TestParley.ACCOUNT_SID, address, TestParley.NUMBER,
            "<Response><Say>Hello from Parley</Say></Response>").withTimeout(30));
    }

    private JsonNode lastCall(String address) {
        JsonNode calls = http.get(phone(address) + "/Calls").json().get("calls");
        return calls.get(calls.size() - 1);
    }

    /** Parley calls a phone that rings until the action, taken over HTTP 10 s into the ringing; the call's end. */
    private Call whileItRings(String action) {
        http.post("/parley/v1/Phones", "Address", ALICE, "Incoming", "ring-forever");
        Call call;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            call = parleyCalls(ALICE);
            hold.until(Duration.ofSeconds(10));
            assertThat(lastCall(ALICE).get("status").asText()).isEqualTo("ringing");

            assertThat(http.post(phone(ALICE) + action).status()).isEqualTo(200);
        }
        return parley.awaitEnded(call.sid());
    }

    @Test
    void aRingingPhoneIsAnsweredOverHttp() {
        assertThat(whileItRings("/Answer").status()).isEqualTo(CallStatus.COMPLETED);

        assertThat(lastCall(ALICE).get("heard").get(0).get("text").asText()).isEqualTo("Hello from Parley");
    }

    @Test
    void aRingingPhoneDeclinesOverHttp() {
        assertThat(whileItRings("/Decline").status()).isEqualTo(CallStatus.BUSY);

        assertThat(lastCall(ALICE).get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void keysPressedOverHttpDuringAGatherReachTheApp() {
        parley.app.twiml("/voice", "<Response><Gather action=\"/gathered\" timeout=\"30\"><Say>Enter your PIN</Say></Gather></Response>");
        parley.app.route("/gathered", r -> "<Response><Say>Got " + r.param("Digits") + "</Say></Response>");
        http.post("/parley/v1/Phones", "Address", ALICE);
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            String callSid = http.post(phone(ALICE) + "/Calls", "To", TestParley.NUMBER).json().get("call_sid").asText();
            hold.until(Duration.ofSeconds(5));

            assertThat(http.post(phone(ALICE) + "/Digits", "Digits", "1234#").status()).isEqualTo(200);
            hold.close();

            parley.awaitEnded(callSid);
        }
        assertThat(parley.app.requests("/gathered")).singleElement()
            .satisfies(r -> assertThat(r.param("Digits")).isEqualTo("1234"));
        assertThat(http.get(phone(ALICE)).json().get("said_texts")).extracting(JsonNode::asText)
            .containsExactly("Enter your PIN", "Got 1234");
    }

    @Test
    void aBridgedPartyHearsTheTalkingAndAHangupEndsTheCall() {
        parley.app.twiml("/voice", "<Response><Dial>" + BOB + "</Dial></Response>");
        http.post("/parley/v1/Phones", "Address", ALICE);
        http.post("/parley/v1/Phones", "Address", BOB);
        String callSid;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            callSid = http.post(phone(ALICE) + "/Calls", "To", TestParley.NUMBER).json().get("call_sid").asText();
            hold.until(Duration.ofSeconds(10));
            assertThat(lastCall(BOB).get("status").asText()).isEqualTo("in-progress");

            assertThat(http.post(phone(ALICE) + "/Talk", "Seconds", "2").status()).isEqualTo(200);
            assertThat(http.post(phone(ALICE) + "/Hangup").status()).isEqualTo(200);
            hold.close();

            assertThat(parley.awaitEnded(callSid).status()).isEqualTo(CallStatus.COMPLETED);
        }
        JsonNode heardByBob = http.get(phone(BOB) + "/Heard").json().get("heard");
        assertThat(heardByBob).singleElement().satisfies(h -> {
            assertThat(h.get("kind").asText()).isEqualTo("audio");
            assertThat(h.get("text").asText()).isEqualTo(ALICE);
        });
        assertThat(lastCall(ALICE).get("status").asText()).isEqualTo("hung-up-by-me");
        assertThat(lastCall(ALICE).get("connections").get(0).get("peer").asText()).isEqualTo(BOB);
    }

    @Test
    void anActionWithoutACallInTheStateItNeedsIs21220() {
        http.post("/parley/v1/Phones", "Address", ALICE);

        for (String action : new String[] {"/Answer", "/Decline", "/Hangup"}) {
            Http.Response refused = http.post(phone(ALICE) + action);
            assertThat(refused.status()).as(action).isEqualTo(400);
            assertThat(refused.json().get("code").asInt()).as(action).isEqualTo(21220);
        }
        assertThat(http.post(phone(ALICE) + "/Digits", "Digits", "1").json().get("code").asInt()).isEqualTo(21220);
        assertThat(http.post(phone(ALICE) + "/Talk", "Seconds", "1").json().get("message").asText())
            .startsWith("Invalid call state: ").contains("no answered call");
    }

    @Test
    void actionsCheckTheirParameters() {
        http.post("/parley/v1/Phones", "Address", ALICE);

        assertThat(http.post(phone(ALICE) + "/Digits").json().get("message").asText())
            .isEqualTo("Missing required parameter Digits in the post body");
        assertThat(http.post(phone(ALICE) + "/Digits", "Digits", "12e").json().get("message").asText())
            .startsWith("Invalid Digits");
        assertThat(http.post(phone(ALICE) + "/Talk").json().get("message").asText())
            .isEqualTo("Missing required parameter Seconds in the post body");
        assertThat(http.post(phone(ALICE) + "/Talk", "Seconds", "-2").json().get("code").asInt()).isEqualTo(20001);
        assertThat(http.post(phone(BOB) + "/Answer").status()).isEqualTo(404);
    }
}
