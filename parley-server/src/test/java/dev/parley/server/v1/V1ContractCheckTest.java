package dev.parley.server.v1;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link V1Contract}, the check every v1 test's answers pass, refuses what Twilio would not answer. */
class V1ContractCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "/conversations/v1/Services/IS0123456789abcdef0123456789abcdef";

    private static ObjectNode service() {
        ObjectNode s = JSON.createObjectNode().put("account_sid", "AC0123456789abcdef0123456789abcdef")
            .put("sid", "IS0123456789abcdef0123456789abcdef").put("friendly_name", "Frontline")
            .put("date_created", "2026-01-01T00:00:00Z").put("date_updated", "2026-01-01T00:00:00Z")
            .put("url", "http://localhost" + SERVICE);
        s.putObject("links").put("conversations", "http://localhost" + SERVICE + "/Conversations");
        return s;
    }

    private static ObjectNode error(int code, int status) {
        return JSON.createObjectNode().put("code", code).put("message", "The requested resource was not found")
            .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status);
    }

    private static void check(String path, int status, JsonNode body) {
        V1Contract.check(Optional.empty(), "GET", path, status, body);
    }

    @Test
    void aServiceWithTwiliosFieldsPasses() {
        assertThatCode(() -> check(SERVICE, 200, service())).doesNotThrowAnyException();
        assertThatCode(() -> check(SERVICE, 404, error(20404, 404))).doesNotThrowAnyException();
    }

    @Test
    void anExtraOrMissingFieldOrAWrongTypeOrAnUndocumentedStatusFails() {
        assertThatThrownBy(() -> check(SERVICE, 200, service().put("extra", 1))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> check(SERVICE, 200, service().without("url"))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> check(SERVICE, 200, service().put("date_created", "Thu, 01 Jan 2026 00:00:00 +0000")))
            .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> check(SERVICE, 202, service())).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> V1Contract.check(Optional.of("frontline-api.twilio.com"), "GET",
            "/v1/Users/US0123456789abcdef0123456789abcdef", 200, service())).isInstanceOf(AssertionError.class);
    }

    @Test
    void anErrorThatIsNotTwiliosBodyFails() {
        assertThatThrownBy(() -> check(SERVICE, 404, error(20404, 400))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> check(SERVICE, 404, error(20404, 404).put("detail", "x"))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> check(SERVICE, 404, error(20404, 404).put("more_info", "https://example.com")))
            .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> check("/parley/v1/Phones", 400, JSON.missingNode())).isInstanceOf(AssertionError.class);
    }
}
