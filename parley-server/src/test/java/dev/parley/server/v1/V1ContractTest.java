package dev.parley.server.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.OpenApi;
import dev.parley.server.testing.TestParley;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every v1 answer Parley gives meets Twilio's OpenAPI descriptions (Conversations, Frontline, Monitor), checked by
 * {@link OpenApi} as strictly as the 2010-04-01 API: every field there, none other, the right types and formats. The
 * requests come under each product's prefix, as a client with a base URL per domain sends them.
 */
class V1ContractTest {

    private static final String CUSTOMER = "+15557770001";

    private final TestParley parley = new TestParley();
    private final Http conversations = V1Contract.client(parley.url() + "/conversations", TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);
    private final Http frontline = V1Contract.client(parley.url() + "/frontline", TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);
    private final Http monitor = V1Contract.client(parley.url() + "/monitor", TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);

    @AfterEach
    void close() {
        parley.close();
    }

    private static JsonNode ok(OpenApi api, Http.Response response, int status) {
        assertThat(response.status()).as("%s %s: %s", response.method(), response.path(), response.json()).isEqualTo(status);
        api.check(response);
        return response.json();
    }

    @Test
    void servicesConversationsParticipantsAndParticipantConversations() {
        OpenApi api = OpenApi.conversationsV1();
        String service = ok(api, conversations.post("/v1/Services", "FriendlyName", "Frontline"), 201).get("sid").asText();
        ok(api, conversations.get("/v1/Services/" + service), 200);
        ok(api, conversations.get("/v1/Services?PageSize=1"), 200);
        String scoped = "/v1/Services/" + service + "/Conversations";
        String conversation = ok(api, conversations.post(scoped, "UniqueName", "c1", "FriendlyName", "Case 1"), 201)
            .get("sid").asText();
        ok(api, conversations.get(scoped + "/" + conversation), 200);
        ok(api, conversations.get(scoped), 200);
        ok(api, conversations.post(scoped + "/" + conversation, "State", "inactive"), 200);
        String participants = scoped + "/" + conversation + "/Participants";
        String customer = ok(api, conversations.post(participants, "MessagingBinding.Address", CUSTOMER,
            "MessagingBinding.ProxyAddress", TestParley.NUMBER), 201).get("sid").asText();
        ok(api, conversations.post(participants, "Identity", "alice@example.com"), 201);
        ok(api, conversations.get(participants + "/" + customer), 200);
        ok(api, conversations.get(participants), 200);
        ok(api, conversations.post(participants + "/" + customer, "Attributes", "{\"vip\":true}"), 200);
        ok(api, conversations.get("/v1/Services/" + service + "/ParticipantConversations?Address=%2B15557770001"), 200);
        ok(api, conversations.get("/v1/Configuration"), 200);

        String onDefault = ok(api, conversations.post("/v1/Conversations", "FriendlyName", "Default"), 201)
            .get("sid").asText();
        ok(api, conversations.get("/v1/Conversations/" + onDefault), 200);
        ok(api, conversations.get("/v1/Conversations"), 200);
        ok(api, conversations.post("/v1/Conversations/" + onDefault + "/Participants", "Identity", "bob"), 201);
        ok(api, conversations.get("/v1/Conversations/" + onDefault + "/Participants"), 200);
        ok(api, conversations.get("/v1/ParticipantConversations?Identity=bob"), 200);
        ok(api, conversations.delete(participants + "/" + customer), 204);
        ok(api, conversations.delete("/v1/Conversations/" + onDefault), 204);
        ok(api, conversations.delete("/v1/Services/" + service), 204);
    }

    @Test
    void frontlineUsers() {
        OpenApi api = OpenApi.frontlineV1();
        String sid = V1Contract.checked(parley.http).post("/parley/v1/Frontline/Users", "Identity", "alice@example.com").json()
            .get("sid").asText();

        ok(api, frontline.get("/v1/Users/" + sid), 200);
        ok(api, frontline.get("/v1/Users/alice@example.com"), 200);
        ok(api, frontline.post("/v1/Users/" + sid, "FriendlyName", "Alice", "State", "active", "IsAvailable", "true"), 200);
    }

    @Test
    void monitorAlerts() {
        OpenApi api = OpenApi.monitorV1();
        parley.app.route("/voice", r -> { throw new IllegalStateException("no TwiML: the app answers 404"); });
        parley.parley.network().phone(CUSTOMER).call(TestParley.NUMBER);
        parley.await(() -> !parley.parley.engine().alerts(TestParley.ACCOUNT_SID).isEmpty());

        JsonNode listed = ok(api, monitor.get("/v1/Alerts"), 200);
        ok(api, monitor.get("/v1/Alerts/" + listed.get("alerts").get(0).get("sid").asText()), 200);
        ok(api, monitor.get("/v1/Alerts?LogLevel=error&PageSize=1"), 200);
    }
}
