package dev.parley.server.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.OpenApi;
import java.util.Locale;
import java.util.Optional;

/**
 * The contract every answer of Parley's v1 APIs meets, checked on every response the v1 tests receive (their clients
 * are {@link #checked}): a success meets Twilio's OpenAPI description of its product ({@link OpenApi}, strict: every
 * field, no other, types and formats, and a status the operation documents); a failure is Twilio's error body,
 * exactly {@code code}, {@code message}, {@code more_info} (the code's page) and {@code status} (the HTTP status),
 * since Twilio's descriptions document no error answers. Parley's own additions ({@code /parley/v1}) have no
 * description: their failures are checked, their successes are the tests' own business.
 */
final class V1Contract {

    private V1Contract() {
    }

    /** The client, checking every answer it receives. */
    static Http checked(Http http) {
        return http.checking(response -> check(Optional.empty(), response.method(), response.path(), response.status(),
            response.json()));
    }

    /** A checked client of the test account at {@code base} (Parley's URL, with a product prefix or not). */
    static Http client(String base, String accountSid, String authToken) {
        return checked(Http.to(base, accountSid, authToken));
    }

    /**
     * Checks one answer. The product is the path's prefix ({@code /conversations}, {@code /frontline},
     * {@code /monitor}), else the {@code Host} (a product host), else the product that has the path, as Parley
     * dispatches it.
     */
    static void check(Optional<String> host, String method, String path, int status, JsonNode body) {
        String what = method + " " + path + " (" + status + "): " + body;
        if (status >= 400) {
            assertTwilioError(what, status, body);
            return;
        }
        product(host, path).ifPresent(api -> {
            var problems = api.problems(method, path, status, body);
            assertThat(problems).as("%s does not meet Twilio's OpenAPI description", what).isEmpty();
        });
    }

    private static void assertTwilioError(String what, int status, JsonNode body) {
        assertThat(body.isObject()).as("%s is no error body", what).isTrue();
        assertThat(body.properties()).extracting(e -> e.getKey()).as(what)
            .containsExactlyInAnyOrder("code", "message", "more_info", "status");
        assertThat(body.get("code").isInt()).as(what).isTrue();
        assertThat(body.get("message").isTextual()).as(what).isTrue();
        assertThat(body.get("more_info").asText()).as(what)
            .isEqualTo("https://www.twilio.com/docs/errors/" + body.get("code").asInt());
        assertThat(body.get("status").isInt() && body.get("status").asInt() == status).as(what).isTrue();
    }

    private static Optional<OpenApi> product(Optional<String> host, String path) {
        if (path.startsWith("/parley/")) return Optional.empty();
        if (path.startsWith("/conversations/")) return Optional.of(OpenApi.conversationsV1());
        if (path.startsWith("/frontline/")) return Optional.of(OpenApi.frontlineV1());
        if (path.startsWith("/monitor/")) return Optional.of(OpenApi.monitorV1());
        String name = host.map(h -> h.toLowerCase(Locale.ROOT)).orElse("");
        if (name.startsWith("conversations.")) return Optional.of(OpenApi.conversationsV1());
        if (name.startsWith("frontline-api.")) return Optional.of(OpenApi.frontlineV1());
        if (name.startsWith("monitor.")) return Optional.of(OpenApi.monitorV1());
        if (path.startsWith("/v1/Users")) return Optional.of(OpenApi.frontlineV1());
        if (path.startsWith("/v1/Alerts")) return Optional.of(OpenApi.monitorV1());
        if (path.startsWith("/2010-04-01/")) return Optional.of(OpenApi.api2010());
        return Optional.of(OpenApi.conversationsV1());
    }
}
