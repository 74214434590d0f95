package dev.parley.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.call.CallStatus;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhonesApiTest {

    private final TestParley parley = new TestParley();
    private final Http http = parley.http;

    @AfterEach
    void close() {
        parley.close();
    }

    private static void assertError(Http.Response response, int status, int code, String messagePart) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().get("code").asInt()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("message").asText()).contains(messagePart);
        assertThat(response.json().get("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
    }

    @Test
    void aNewPhoneAnswersAfterOneSecondWithoutScript() {
        Http.Response created = http.post("/parley/v1/Phones", "Address", "+15557770001");

        assertThat(created.status()).isEqualTo(201);
        JsonNode phone = created.json();
        assertThat(phone.get("address").asText()).isEqualTo("+15557770001");
        assertThat(phone.get("incoming").asText()).isEqualTo("answer");
        assertThat(phone.get("answer_after").decimalValue()).isEqualByComparingTo("1");
        assertThat(phone.get("reject_after").isNull()).isTrue();
        assertThat(phone.get("script")).isEmpty();
        assertThat(phone.get("said_texts")).isEmpty();
        assertThat(phone.get("url").asText()).isEqualTo(parley.url() + "/parley/v1/Phones/%2B15557770001");
        assertThat(phone.get("links").get("calls").asText()).isEqualTo(phone.get("url").asText() + "/Calls");
        assertThat(phone.get("links").get("heard").asText()).isEqualTo(phone.get("url").asText() + "/Heard");
        assertThat(parley.parley.network().find("+15557770001")).isPresent();

        Http.Response fetched = http.get("/parley/v1/Phones/%2B15557770001");
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(phone);
    }

    @Test
    void creatingAPhoneThatIsThereSetsItUpAgainAndAnswers200() {
        http.post("/parley/v1/Phones", "Address", "+15557770001");

        Http.Response again = http.post("/parley/v1/Phones", "Address", "+15557770001", "Incoming", "busy");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("incoming").asText()).isEqualTo("busy");
        assertThat(again.json().get("answer_after").isNull()).isTrue();
        assertThat(http.get("/parley/v1/Phones").json().get("phones")).hasSize(1);
    }

    @Test
    void phonesAreAddressedByE164OrClientIdentityInTheirPathEncodedOrNot() {
        http.post("/parley/v1/Phones", "Address", "client:alice");
        http.post("/parley/v1/Phones", "Address", "+15557770001");

        assertThat(http.get("/parley/v1/Phones/client%3Aalice").json().get("address").asText()).isEqualTo("client:alice");
        assertThat(http.get("/parley/v1/Phones/client:alice").json().get("address").asText()).isEqualTo("client:alice");
        assertThat(http.get("/parley/v1/Phones/+15557770001").json().get("address").asText()).isEqualTo("+15557770001");
        assertThat(http.get("/parley/v1/Phones/client%3Aalice").json().get("url").asText())
            .endsWith("/parley/v1/Phones/client%3Aalice");
    }

    @Test
    void theListShowsEveryPhoneInTwiliosPageShape() {
        http.post("/parley/v1/Phones", "Address", "+15557770002");
        http.post("/parley/v1/Phones", "Address", "+15557770001");

        JsonNode page = http.get("/parley/v1/Phones").json();

        assertThat(page.get("phones")).extracting(p -> p.get("address").asText())
            .containsExactly("+15557770001", "+15557770002");
        assertThat(page.get("meta").get("key").asText()).isEqualTo("phones");
        assertThat(page.get("meta").get("url").asText()).isEqualTo(parley.url() + "/parley/v1/Phones");
        assertThat(page.get("meta").get("next_page_url").isNull()).isTrue();
    }

    @Test
    void anUnknownPhoneIsNotFound() {
        assertError(http.get("/parley/v1/Phones/%2B15559999999"), 404, 20404,
            "The requested resource /parley/v1/Phones/");
        assertError(http.post("/parley/v1/Phones/%2B15559999999", "Incoming", "busy"), 404, 20404, "was not found");
    }

    @Test
    void badInputGetsTwiliosErrorBody() {
        String phones = "/parley/v1/Phones";
        assertError(http.post(phones), 400, 20001, "Missing required parameter Address in the post body");
        assertError(http.post(phones, "Address", "5551234"), 400, 20001, "Invalid Address");
        assertError(http.post(phones, "Address", "client:"), 400, 20001, "Invalid Address");
        assertError(http.post(phones, "Address", " 15557770001"), 400, 20001, "encode it as %2B");
        assertError(http.post(phones, "Address", "+15557770001", "Incoming", "maybe"), 400, 20001, "Invalid Incoming");
        assertError(http.post(phones, "Address", "+15557770001", "Incoming", "busy", "AnswerAfter", "2"), 400, 20001,
            "AnswerAfter goes with Incoming=answer");
        assertError(http.post(phones, "Address", "+15557770001", "RejectAfter", "2"), 400, 20001,
            "RejectAfter goes with Incoming=reject");
        assertError(http.post(phones, "Address", "+15557770001", "AnswerAfter", "-1"), 400, 20001, "Invalid AnswerAfter");
        assertError(http.post(phones, "Address", "+15557770001", "AnswerAfter", "soon"), 400, 20001, "Invalid AnswerAfter");
        assertError(http.post(phones, "Address", "+15557770001", "PressDigits", "1:12x"), 400, 20001, "Invalid PressDigits");
        assertError(http.post(phones, "Address", "+15557770001", "PressDigits", "12"), 400, 20001, "SECONDS:KEYS");
        assertError(http.post(phones, "Address", "+15557770001", "Talk", "1:"), 400, 20001, "Invalid Talk");
        assertError(http.post(phones, "Address", "+15557770001", "ClearScript", "yes"), 400, 20001, "Invalid ClearScript");
        assertError(http.postJson(phones, "{\"Address\": "), 400, 20001, "not valid JSON");
        assertError(http.postJson(phones, "[1]"), 400, 20001, "a JSON object");
        assertError(http.postJson(phones, "{\"Address\": {\"a\": 1}}"), 400, 20001, "Invalid Address");
        assertThat(http.get(phones).json().get("phones")).as("nothing was created").isEmpty();
    }

    @Test
    void aJsonBodySetsAPhoneUpLikeAForm() {
        Http.Response created = http.postJson("/parley/v1/Phones", """
            {"Address": "+15557770001", "Incoming": "reject", "RejectAfter": 2.5,
             "PressDigits": ["1:12", "3.5:#"], "Talk": "2:1", "HangupAfter": 10}""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode phone = created.json();
        assertThat(phone.get("incoming").asText()).isEqualTo("reject");
        assertThat(phone.get("reject_after").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(phone.get("script")).extracting(s -> s.get("action").asText() + "@" + s.get("at").asText())
            .containsExactly("press@1", "press@3.5", "talk@2", "hangup@10");
        assertThat(phone.get("script").get(0).get("digits").asText()).isEqualTo("12");
        assertThat(phone.get("script").get(2).get("length").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void theScriptIsReplacedAsAWholeKeptWhenNotGivenAndClearedOnRequest() {
        String phone = "/parley/v1/Phones/%2B15557770001";
        http.post("/parley/v1/Phones", "Address", "+15557770001", "PressDigits", "1:1", "PressDigits", "2:2");

        assertThat(http.post(phone, "Incoming", "ring-forever").json().get("script")).hasSize(2);
        assertThat(http.post(phone, "HangupAfter", "5").json().get("script"))
            .extracting(s -> s.get("action").asText()).containsExactly("hangup");
        assertThat(http.post(phone, "ClearScript", "true").json().get("script")).isEmpty();
        assertThat(http.get(phone).json().get("incoming").asText()).isEqualTo("ring-forever");
    }

    static Stream<Arguments> behaviours() {
        return Stream.of(
            Arguments.of(new String[] {"Incoming", "busy"}, CallStatus.BUSY, PhoneCall.Status.BUSY),
            Arguments.of(new String[] {"Incoming", "unreachable"}, CallStatus.FAILED, PhoneCall.Status.FAILED),
            Arguments.of(new String[] {"Incoming", "reject"}, CallStatus.BUSY, PhoneCall.Status.REJECTED),
            Arguments.of(new String[] {"Incoming", "reject", "RejectAfter", "3"}, CallStatus.BUSY, PhoneCall.Status.REJECTED),
            Arguments.of(new String[] {"Incoming", "ring-forever"}, CallStatus.NO_ANSWER, PhoneCall.Status.CANCELED),
            Arguments.of(new String[] {"Incoming", "answer", "AnswerAfter", "3"}, CallStatus.COMPLETED,
                PhoneCall.Status.HUNG_UP_BY_OTHER),
            Arguments.of(new String[] {"Incoming", "answer", "AnswerAfter", "3", "HangupAfter", "0.5"},
                CallStatus.COMPLETED, PhoneCall.Status.HUNG_UP_BY_ME));
    }

    @ParameterizedTest
    @MethodSource("behaviours")
    void aPhoneMeetsTheCallsParleyMakesAsSetUp(String[] setup, CallStatus parleySees, PhoneCall.Status phoneSees) {
        String[] form = Stream.concat(Stream.of("Address", "+15557770001"), Stream.of(setup)).toArray(String[]::new);
        assertThat(http.post("/parley/v1/Phones", form).status()).isEqualTo(201);

        Call call = parley.parley.engine().create(CallRequest.inline(TestParley.ACCOUNT_SID, "+15557770001",
            TestParley.NUMBER, "<Response><Say>Hello there</Say><Pause length=\"2\"/></Response>").withTimeout(20));
        Call ended = parley.awaitEnded(call.sid());

        assertThat(ended.status()).isEqualTo(parleySees);
        VirtualPhone phone = parley.parley.network().find("+15557770001").orElseThrow();
        PhoneCall seen = phone.lastCall().orElseThrow();
        assertThat(seen.status()).isEqualTo(phoneSees);
        if (parleySees == CallStatus.COMPLETED) {
            assertThat(Duration.between(seen.started(), seen.answeredAt().orElseThrow())).isEqualTo(Duration.ofSeconds(3));
        }
    }
}
