package dev.parley.server.v1;

import static dev.parley.server.testing.Node.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.Node;
import dev.parley.server.testing.TestParley;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official {@code twilio} npm package, with {@code client.conversations}, {@code client.frontlineApi} and
 * {@code client.monitor} given Parley's product prefixes as {@code baseUrl}, runs the v1 core flow
 * ({@code src/test/node/v1flow.js}): a service made the default, a scoped conversation with a customer and a worker,
 * updated and listed page by page, ParticipantConversations by address and identity, a conversation on the default
 * service, removals answered 404 with 20404; a Frontline user fetched by SID and updated by identity; alerts of
 * real calls listed page by page, filtered and fetched. The test checks every field the package parsed.
 */
class TwilioNodeV1Test {

    private static final String CUSTOMER = "+15557770001";

    private final TestParley parley = new TestParley();
    private final Http http = V1Contract.checked(parley.http);

    @AfterEach
    void close() {
        parley.close();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    @Test
    void theTwilioNpmPackageRunsTheV1FlowAgainstParley() {
        String userSid = http.post("/parley/v1/Frontline/Users", "Identity", "alice@example.com").json().get("sid").asText();
        List<String> calls = AlertingCalls.place(parley, http, 3);
        Node node = new Node(Map.of("PARLEY_URL", parley.url(), "TWILIO_ACCOUNT_SID", TestParley.ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN", TestParley.AUTH_TOKEN, "CUSTOMER", CUSTOMER, "NUMBER", TestParley.NUMBER,
            "USER_SID", userSid));

        List<JsonNode> printed = node.run("v1flow.js");

        JsonNode service = step(printed, "service");
        String serviceSid = service.get("sid").asText();
        assertThat(serviceSid).matches("IS[0-9a-f]{32}");
        assertThat(service.get("friendlyName").asText()).isEqualTo("Frontline");
        assertThat(service.get("dateCreated").asText()).startsWith("2026-01-01T00:0");
        assertThat(service.get("url").asText()).isEqualTo(parley.url() + "/conversations/v1/Services/" + serviceSid);
        assertThat(step(printed, "configuration").get("defaultChatServiceSid").asText()).isEqualTo(serviceSid);

        JsonNode conversation = step(printed, "conversation");
        String conversationSid = conversation.get("sid").asText();
        assertThat(conversation.get("chatServiceSid").asText()).isEqualTo(serviceSid);
        assertThat(conversation.get("state").asText()).isEqualTo("active");
        assertThat(conversation.get("timers").get("date_inactive").asText()).isNotEmpty();
        assertThat(conversation.get("dateCreated").asText()).isEqualTo("2025-12-31T12:00:00.000Z");
        JsonNode customer = step(printed, "customer");
        assertThat(customer.get("messagingBinding")).hasToString(
            "{\"type\":\"sms\",\"address\":\"" + CUSTOMER + "\",\"proxy_address\":\"" + TestParley.NUMBER + "\"}");
        JsonNode worker = step(printed, "worker");
        assertThat(worker.get("identity").asText()).isEqualTo("alice@example.com");
        assertThat(worker.get("messagingBinding").isNull()).isTrue();
        assertThat(step(printed, "updated").get("state").asText()).isEqualTo("inactive");
        assertThat(step(printed, "updated").get("attributes").asText()).isEqualTo("{\"crm\":42}");
        assertThat(texts(step(printed, "participants").get("sids")))
            .containsExactly(customer.get("sid").asText(), worker.get("sid").asText());
        JsonNode found = step(printed, "participantConversations").get("found");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("conversationSid").asText()).isEqualTo(conversationSid);
        assertThat(found.get(0).get("participantSid").asText()).isEqualTo(customer.get("sid").asText());
        assertThat(found.get(0).get("conversationState").asText()).isEqualTo("inactive");
        assertThat(found.get(0).get("address").asText()).isEqualTo(CUSTOMER);

        String second = step(printed, "defaultConversations").get("second").asText();
        assertThat(texts(step(printed, "defaultConversations").get("sids"))).containsExactly(conversationSid, second);
        assertThat(texts(step(printed, "byIdentity").get("sids"))).containsExactlyInAnyOrder(conversationSid, second);
        for (String removed : List.of("customerRemoved", "conversationRemoved", "noUser")) {
            assertThat(step(printed, removed).get("error").asInt()).as(removed).isEqualTo(20404);
            assertThat(step(printed, removed).get("status").asInt()).as(removed).isEqualTo(404);
        }

        JsonNode user = step(printed, "user");
        assertThat(user.get("sid").asText()).isEqualTo(userSid);
        assertThat(user.get("identity").asText()).isEqualTo("alice@example.com");
        assertThat(user.get("state").asText()).isEqualTo("active");
        assertThat(user.get("isAvailable").asBoolean()).isFalse();
        JsonNode userUpdated = step(printed, "userUpdated");
        assertThat(userUpdated.get("friendlyName").asText()).isEqualTo("Alice");
        assertThat(userUpdated.get("isAvailable").asBoolean()).isTrue();
        assertThat(userUpdated.get("url").asText()).isEqualTo(parley.url() + "/frontline/v1/Users/" + userSid);

        JsonNode alerts = step(printed, "alerts");
        assertThat(alerts.get("sids")).hasSize(3);
        assertThat(texts(alerts.get("errorCodes"))).containsOnly("11217");
        assertThat(alerts.get("logLevel").asText()).isEqualTo("error");
        assertThat(alerts.get("dateGenerated").asText()).startsWith("2026-01-01T00:03:");
        String newest = alerts.get("sids").get(0).asText();
        assertThat(texts(step(printed, "since").get("sids"))).containsExactly(newest);
        assertThat(step(printed, "warnings").get("sids")).isEmpty();
        JsonNode alert = step(printed, "alert");
        assertThat(alert.get("sid").asText()).isEqualTo(newest);
        assertThat(alert.get("requestMethod").asText()).isEqualTo("POST");
        assertThat(alert.get("requestUrl").asText()).isEqualTo(parley.app.url("/voice"));
        assertThat(alert.get("resourceSid").asText()).isEqualTo(calls.getLast());
        assertThat(alert.get("url").asText()).isEqualTo(parley.url() + "/monitor/v1/Alerts/" + newest);
    }
}
