package dev.parley.server.api2010;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.OpenApi;
import dev.parley.server.testing.TestParley;
import java.util.ArrayList;
import java.util.List;

/** What every 2010-04-01 test checks: successful answers meet Twilio's OpenAPI contract, failures are Twilio's error body. */
final class Contract {

    static final OpenApi API = OpenApi.api2010();

    private Contract() {
    }

    /** The path of one of the test account's resources: {@code /2010-04-01/Accounts/AC…} and {@code rest}. */
    static String account(String rest) {
        return account(TestParley.ACCOUNT_SID, rest);
    }

    static String account(String accountSid, String rest) {
        return "/2010-04-01/Accounts/" + accountSid + rest;
    }

    /** The response, after checking its status and that it meets the contract. */
    static JsonNode ok(Http.Response response, int status) {
        assertThat(response.status()).as("status of %s %s: %s", response.method(), response.path(), response.json())
            .isEqualTo(status);
        API.check(response);
        return response.json();
    }

    /** A field of each item of a list answer (checked against the contract), e.g. the {@code sid} of each of {@code calls}. */
    static List<String> listed(Http.Response response, String key, String field) {
        List<String> values = new ArrayList<>();
        ok(response, 200).get(key).forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    /** Checks Twilio's error body: exactly {@code code}, {@code message}, {@code more_info}, {@code status}. */
    static JsonNode error(Http.Response response, int status, int code) {
        JsonNode body = response.json();
        assertThat(response.status()).as("status of %s %s: %s", response.method(), response.path(), body)
            .isEqualTo(status);
        assertThat(body.properties()).extracting(e -> e.getKey()).containsExactly("code", "message", "more_info", "status");
        assertThat(body.get("code").asInt()).as("code: %s", body).isEqualTo(code);
        assertThat(body.get("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        return body;
    }
}
