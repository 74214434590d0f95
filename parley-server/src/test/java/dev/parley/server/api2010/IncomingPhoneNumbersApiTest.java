package dev.parley.server.api2010;

import static dev.parley.server.api2010.Contract.account;
import static dev.parley.server.api2010.Contract.error;
import static dev.parley.server.api2010.Contract.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IncomingPhoneNumbersApiTest {

    private static final String NUMBERS = account("/IncomingPhoneNumbers.json");
    private static final String NEW_NUMBER = "+14155550100";

    private final TestParley parley = new TestParley();
    private final Http http = parley.http;

    @AfterEach
    void close() {
        parley.close();
    }

    private static String number(String sid) {
        return account("/IncomingPhoneNumbers/" + sid + ".json");
    }

    @Test
    void aCreatedNumberRingsItsVoiceUrlWithItsMethod() {
        JsonNode created = ok(http.post(NUMBERS, "PhoneNumber", NEW_NUMBER, "VoiceUrl", parley.app.url("/sales"),
            "VoiceMethod", "GET", "StatusCallback", parley.app.url("/status")), 201);

        String sid = created.get("sid").asText();
        assertThat(sid).startsWith("PN");
        assertThat(created.get("phone_number").asText()).isEqualTo(NEW_NUMBER);
        assertThat(created.get("friendly_name").asText()).isEqualTo("(415) 555-0100");
        assertThat(created.get("voice_url").asText()).isEqualTo(parley.app.url("/sales"));
        assertThat(created.get("voice_method").asText()).isEqualTo("GET");
        assertThat(created.get("voice_fallback_url").isNull()).isTrue();
        assertThat(created.get("voice_fallback_method").asText()).isEqualTo("POST");
        assertThat(created.get("status_callback").asText()).isEqualTo(parley.app.url("/status"));
        assertThat(created.get("status_callback_method").asText()).isEqualTo("POST");
        assertThat(created.get("capabilities").get("voice").asBoolean()).isTrue();
        assertThat(created.get("uri").asText()).isEqualTo(number(sid));
        assertThat(ok(http.get(number(sid)), 200)).isEqualTo(created);

        parley.app.twiml("/sales", "<Response><Say>Sales</Say></Response>");
        parley.parley.network().phone("+15557770001").call(NEW_NUMBER);
        parley.await(() -> parley.app.requests("/status").size() == 1);
        assertThat(parley.app.requests("/sales")).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.param("To")).isEqualTo(NEW_NUMBER);
        });
    }

    @Test
    void updateChangesWhatItGivesAndAnEmptyUrlClears() {
        String sid = ok(http.post(NUMBERS, "PhoneNumber", NEW_NUMBER, "VoiceUrl", parley.app.url("/a"),
            "VoiceFallbackUrl", parley.app.url("/b")), 201).get("sid").asText();

        JsonNode updated = ok(http.post(number(sid), "FriendlyName", "Sales line", "VoiceMethod", "GET",
            "VoiceFallbackUrl", "", "StatusCallback", parley.app.url("/s"), "StatusCallbackMethod", "GET"), 200);

        assertThat(updated.get("friendly_name").asText()).isEqualTo("Sales line");
        assertThat(updated.get("voice_url").asText()).isEqualTo(parley.app.url("/a"));
        assertThat(updated.get("voice_method").asText()).isEqualTo("GET");
        assertThat(updated.get("voice_fallback_url").isNull()).isTrue();
        assertThat(updated.get("status_callback").asText()).isEqualTo(parley.app.url("/s"));
        assertThat(updated.get("status_callback_method").asText()).isEqualTo("GET");
        assertThat(ok(http.get(number(sid)), 200).get("friendly_name").asText()).isEqualTo("Sales line");
    }

    @Test
    void aNumberMovesToASubaccountAndIsThenListedThere() {
        Account sub = parley.parley.directory().createSubaccount(TestParley.ACCOUNT_SID, Optional.of("branch"),
            parley.clock.now());
        String sid = ok(http.post(NUMBERS, "PhoneNumber", NEW_NUMBER), 201).get("sid").asText();

        JsonNode moved = ok(http.post(number(sid), "AccountSid", sub.sid()), 200);

        assertThat(moved.get("account_sid").asText()).isEqualTo(sub.sid());
        error(http.get(number(sid)), 404, 20404);
        assertThat(numbers(account(sub.sid(), "/IncomingPhoneNumbers.json"))).containsExactly(NEW_NUMBER);
        Http asSub = http.as(sub.sid(), sub.authToken());
        error(asSub.post(account(sub.sid(), "/IncomingPhoneNumbers/" + sid + ".json"), "AccountSid",
            TestParley.ACCOUNT_SID), 404, 20404);
    }

    @Test
    void listsFilterByPartOfTheNumberAndByFriendlyName() {
        ok(http.post(NUMBERS, "PhoneNumber", NEW_NUMBER, "FriendlyName", "Sales"), 201);
        ok(http.post(NUMBERS, "PhoneNumber", "+14155550199", "FriendlyName", "Support"), 201);

        List<String> all = numbers(NUMBERS);
        assertThat(all).containsExactlyInAnyOrder("+14155550199", NEW_NUMBER, TestParley.NUMBER);
        assertThat(numbers(NUMBERS + "?PhoneNumber=415")).containsExactlyInAnyOrder("+14155550199", NEW_NUMBER);
        assertThat(numbers(NUMBERS + "?PhoneNumber=%2B1415555**99")).containsExactly("+14155550199");
        assertThat(numbers(NUMBERS + "?FriendlyName=Sales")).containsExactly(NEW_NUMBER);
        List<String> firstPage = numbers(NUMBERS + "?PageSize=2");
        String next = ok(http.get(NUMBERS + "?PageSize=2"), 200).get("next_page_uri").asText();
        assertThat(firstPage).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(numbers(next)).containsExactly(all.get(2));
    }

    private List<String> numbers(String path) {
        return Contract.listed(http.get(path), "incoming_phone_numbers", "phone_number");
    }

    @Test
    void deleteReleasesTheNumber() {
        String sid = ok(http.post(NUMBERS, "PhoneNumber", NEW_NUMBER, "VoiceUrl", parley.app.url("/a")), 201)
            .get("sid").asText();

        assertThat(http.delete(number(sid)).status()).isEqualTo(204);

        error(http.get(number(sid)), 404, 20404);
        error(http.delete(number(sid)), 404, 20404);
        assertThat(parley.parley.directory().numberByAddress(NEW_NUMBER)).isEmpty();
    }

    @Test
    void badRequestsGetTwiliosCodes() {
        error(http.post(NUMBERS), 400, 20001);
        error(http.post(NUMBERS, "PhoneNumber", "4155550100"), 400, 21421);
        error(http.post(NUMBERS, "PhoneNumber", TestParley.NUMBER), 400, 21422);
        error(http.post(NUMBERS, "PhoneNumber", NEW_NUMBER, "VoiceUrl", "ftp://x"), 400, 21402);
        error(http.post(NUMBERS, "PhoneNumber", NEW_NUMBER, "VoiceMethod", "PATCH"), 400, 21403);
        error(http.post(NUMBERS, "AreaCode", "415"), 400, 20001);
        error(http.post(NUMBERS, "PhoneNumber", NEW_NUMBER, "SmsUrl", "http://a.test/"), 400, 20001);
        error(http.get(number("PN00000000000000000000000000000000")), 404, 20404);
        assertThat(parley.parley.directory().numberByAddress(NEW_NUMBER)).isEmpty();
    }
}
