package dev.parley.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PhoneNumbersApiTest {

    private static final String NUMBERS = "/parley/v1/PhoneNumbers";

    private final TestParley parley = new TestParley();
    private final Http http = parley.http;

    @AfterEach
    void close() {
        parley.close();
    }

    private static void assertError(Http.Response response, int status, int code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().get("code").asInt()).isEqualTo(code);
    }

    @Test
    void aNumberAddedWithAVoiceUrlAnswersCallsWithThatApp() {
        parley.app.twiml("/support", "<Response><Say>Support line</Say></Response>");

        Http.Response created = http.post(NUMBERS, "PhoneNumber", "+15550003000", "VoiceUrl", parley.app.url("/support"),
            "VoiceMethod", "GET", "FriendlyName", "Support");

        assertThat(created.status()).isEqualTo(201);
        JsonNode number = created.json();
        assertThat(number.get("sid").asText()).startsWith("PN").hasSize(34);
        assertThat(number.get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(number.get("phone_number").asText()).isEqualTo("+15550003000");
        assertThat(number.get("friendly_name").asText()).isEqualTo("Support");
        assertThat(number.get("voice_url").asText()).isEqualTo(parley.app.url("/support"));
        assertThat(number.get("voice_method").asText()).isEqualTo("GET");
        assertThat(number.get("voice_fallback_url").isNull()).isTrue();
        assertThat(number.get("voice_fallback_method").asText()).isEqualTo("POST");
        assertThat(number.get("status_callback").isNull()).isTrue();
        assertThat(number.get("url").asText()).isEqualTo(parley.url() + NUMBERS + "/" + number.get("sid").asText());

        http.post("/parley/v1/Phones", "Address", "+15557770001");
        String callSid = http.post("/parley/v1/Phones/%2B15557770001/Calls", "To", "+15550003000")
            .json().get("call_sid").asText();
        parley.awaitEnded(callSid);
        assertThat(parley.app.requests("/support")).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.signatureValid()).isTrue();
        });
    }

    @Test
    void numbersAreListedFetchedAndReleased() {
        String sid = http.post(NUMBERS, "PhoneNumber", "+15550003000", "VoiceUrl", parley.app.url("/voice"))
            .json().get("sid").asText();

        assertThat(http.get(NUMBERS).json().get("phone_numbers")).extracting(n -> n.get("phone_number").asText())
            .containsExactly(TestParley.NUMBER, "+15550003000");
        assertThat(http.get(NUMBERS + "/" + sid).json().get("phone_number").asText()).isEqualTo("+15550003000");

        assertThat(http.delete(NUMBERS + "/" + sid).status()).isEqualTo(204);
        assertError(http.get(NUMBERS + "/" + sid), 404, 20404);
        assertError(http.delete(NUMBERS + "/" + sid), 404, 20404);
        assertThat(parley.parley.directory().numberByAddress("+15550003000")).isEmpty();
    }

    @Test
    void badInputIsRefusedWithTwiliosCodes() {
        assertError(http.post(NUMBERS, "VoiceUrl", parley.app.url("/voice")), 400, 20001);
        assertError(http.post(NUMBERS, "PhoneNumber", "5550003000"), 400, 21421);
        assertError(http.post(NUMBERS, "PhoneNumber", "+15550003000", "VoiceUrl", "ftp://example.com/voice"), 400, 21402);
        assertError(http.post(NUMBERS, "PhoneNumber", "+15550003000", "StatusCallback", "/relative"), 400, 21402);
        assertError(http.post(NUMBERS, "PhoneNumber", "+15550003000", "VoiceMethod", "PUT"), 400, 20001);
        assertError(http.post(NUMBERS, "PhoneNumber", TestParley.NUMBER), 400, 21422);
        assertThat(http.get(NUMBERS).json().get("phone_numbers")).hasSize(1);
    }

    @Test
    void aMainAccountManagesItsSubaccountsNumbersAndASubaccountOnlyItsOwn() {
        Account sub = parley.parley.directory().createSubaccount(TestParley.ACCOUNT_SID, Optional.empty(),
            parley.clock.now());
        Http asSub = http.as(sub.sid(), sub.authToken());

        Http.Response forSub = http.post(NUMBERS, "PhoneNumber", "+15550004000", "AccountSid", sub.sid());
        assertThat(forSub.status()).isEqualTo(201);
        assertThat(forSub.json().get("account_sid").asText()).isEqualTo(sub.sid());
        String subNumber = forSub.json().get("sid").asText();
        String mainNumber = parley.parley.directory().numberByAddress(TestParley.NUMBER).orElseThrow().sid();

        assertThat(asSub.get(NUMBERS).json().get("phone_numbers")).extracting(n -> n.get("sid").asText())
            .containsExactly(subNumber);
        assertThat(http.get(NUMBERS + "?AccountSid=" + sub.sid()).json().get("phone_numbers")).hasSize(1);
        assertThat(asSub.get(NUMBERS + "/" + subNumber).status()).isEqualTo(200);
        assertThat(http.get(NUMBERS + "/" + subNumber).status()).isEqualTo(200);
        assertError(asSub.get(NUMBERS + "/" + mainNumber), 404, 20404);
        assertError(asSub.get(NUMBERS + "?AccountSid=" + TestParley.ACCOUNT_SID), 403, 20403);
        assertError(asSub.post(NUMBERS, "PhoneNumber", "+15550005000", "AccountSid", TestParley.ACCOUNT_SID), 403, 20403);
        assertError(asSub.delete(NUMBERS + "/" + mainNumber), 404, 20404);
    }
}
