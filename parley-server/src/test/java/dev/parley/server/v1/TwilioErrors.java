package dev.parley.server.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.server.testing.Http;

/** Asserts Twilio's error body field for field: {@code {"code", "message", "more_info", "status"}} and the status. */
final class TwilioErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TwilioErrors() {
    }

    static void assertError(Http.Response response, int status, int code, String message) {
        assertThat(response.status()).as("HTTP status").isEqualTo(status);
        assertBody(response.json(), status, code, message);
    }

    static void assertError(HostHttp.Response response, int status, int code, String message) {
        assertThat(response.status()).as("HTTP status").isEqualTo(status);
        assertBody(response.json(), status, code, message);
    }

    private static void assertBody(JsonNode body, int status, int code, String message) {
        JsonNode expected = JSON.createObjectNode().put("code", code).put("message", message)
            .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status);
        assertThat(body).isEqualTo(expected);
    }
}
