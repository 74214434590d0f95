package dev.parley.server.v1;

import static dev.parley.server.v1.TwilioErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * twilio-java sends each product to its own host, which a test routes to Parley's port with the Host header
 * unchanged; twilio-node takes a base URL per domain, which points at Parley with the product's prefix.
 */
class HostDispatchTest {

    private final TestParley parley = new TestParley();
    private final Http http = V1Contract.checked(parley.http);
    private final HostHttp raw = new HostHttp(parley.server.port(), TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);
    private final String local = "127.0.0.1:" + parley.server.port();
    private final String user = http.post("/parley/v1/Frontline/Users", "Identity", "alice").json().get("sid").asText();

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void theConversationsHostServesConversationsWithUrlsOnThatHost() {
        HostHttp.Response created = raw.send("POST", "conversations.twilio.com", "/v1/Services", Map.of(),
            "FriendlyName=Frontline");

        assertThat(created.status()).isEqualTo(201);
        String sid = created.json().get("sid").asText();
        assertThat(created.json().get("url").asText()).isEqualTo("http://conversations.twilio.com/v1/Services/" + sid);
        HostHttp.Response listed = raw.get("conversations.twilio.com", "/v1/Services");
        assertThat(listed.json().get("meta").get("url").asText())
            .isEqualTo("http://conversations.twilio.com/v1/Services?PageSize=50&Page=0");
    }

    @Test
    void theFrontlineHostServesFrontlineUsers() {
        HostHttp.Response fetched = raw.get("frontline-api.twilio.com", "/v1/Users/alice");

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("sid").asText()).isEqualTo(user);
        assertThat(fetched.json().get("url").asText()).isEqualTo("http://frontline-api.twilio.com/v1/Users/" + user);
    }

    @Test
    void aPathThatTwoProductsHaveFollowsTheHost() {
        assertError(raw.get("conversations.twilio.com", "/v1/Users/alice"), 404, 20404,
            "The requested resource /v1/Users/alice was not found");
        assertThat(raw.get("frontline-api.twilio.com", "/v1/Users/alice").status()).isEqualTo(200);
    }

    @Test
    void aProductHostDoesNotServeAnotherProductsPaths() {
        call();
        assertThat(raw.get("monitor.twilio.com", "/v1/Alerts").json().get("alerts")).hasSize(1);
        assertThat(raw.get("monitor.twilio.com", "/v1/Alerts").json().get("alerts").get(0).get("url").asText())
            .startsWith("http://monitor.twilio.com/v1/Alerts/NO");
        assertError(raw.get("monitor.twilio.com", "/v1/Services"), 404, 20404,
            "The requested resource /v1/Services was not found");
        assertError(raw.get("conversations.twilio.com", "/v1/Alerts"), 404, 20404,
            "The requested resource /v1/Alerts was not found");
        assertError(raw.get("api.twilio.com", "/v1/Services"), 404, 20404,
            "The requested resource /v1/Services was not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"conversations.dublin.ie1.twilio.com", "conversations.twilio.com:443",
        "CONVERSATIONS.TWILIO.COM"})
    void regionEdgePortAndCaseOfTheHostDoNotMatter(String host) {
        assertThat(raw.get(host, "/v1/Services").status()).isEqualTo(200);
        assertError(raw.get(host, "/v1/Users/alice"), 404, 20404, "The requested resource /v1/Users/alice was not found");
    }

    @Test
    void onAHostThatIsNotTwiliosABarePathGoesToTheProductThatHasIt() {
        assertThat(raw.get(local, "/v1/Users/alice").json().get("url").asText())
            .isEqualTo("http://" + local + "/v1/Users/" + user);
        assertThat(raw.get(local, "/v1/Services").status()).isEqualTo(200);
        assertThat(raw.get(local, "/v1/Alerts").status()).isEqualTo(200);
    }

    @Test
    void aProductPrefixServesTheProductOnAnyHostAndItsUrlsKeepThePrefix() {
        HostHttp.Response created = raw.send("POST", "monitor.twilio.com", "/conversations/v1/Conversations", Map.of(),
            "UniqueName=c1");

        assertThat(created.status()).isEqualTo(201);
        String sid = created.json().get("sid").asText();
        assertThat(created.json().get("url").asText())
            .isEqualTo("http://monitor.twilio.com/conversations/v1/Conversations/" + sid);
        Http conversations = V1Contract.client(parley.url() + "/conversations", TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);
        JsonNode fetched = conversations.get("/v1/Conversations/c1").json();
        assertThat(fetched.get("links").get("participants").asText())
            .isEqualTo(parley.url() + "/conversations/v1/Conversations/" + sid + "/Participants");
        conversations.post("/v1/Conversations");
        assertThat(conversations.get("/v1/Conversations?PageSize=1").json().get("meta").get("next_page_url").asText())
            .startsWith(parley.url() + "/conversations/v1/Conversations?PageSize=1&Page=1&PageToken=PACH");
        assertThat(raw.get(local, "/frontline/v1/Users/alice").json().get("url").asText())
            .isEqualTo("http://" + local + "/frontline/v1/Users/" + user);
    }

    @Test
    void aPrefixOnlyServesItsProduct() {
        assertError(http.get("/monitor/v1/Services"), 404, 20404,
            "The requested resource /monitor/v1/Services was not found");
        assertError(http.get("/conversations/v1/Users/alice"), 404, 20404,
            "The requested resource /conversations/v1/Users/alice was not found");
        assertError(http.get("/frontline/v1/Alerts"), 404, 20404,
            "The requested resource /frontline/v1/Alerts was not found");
    }

    @Test
    void everyProductHostAsksForCredentials() {
        HostHttp anonymous = new HostHttp(parley.server.port(), TestParley.ACCOUNT_SID, "wrong");
        for (String host : new String[] {"conversations.twilio.com", "frontline-api.twilio.com", "monitor.twilio.com"}) {
            assertError(anonymous.get(host, "/v1/Services"), 401, 20003, "Authenticate");
        }
    }

    private void call() {
        parley.app.twiml("/voice", "<Response><Shout>Hello</Shout></Response>");
        http.post("/parley/v1/Phones", "Address", "+15557770001");
        String callSid = http.post("/parley/v1/Phones/%2B15557770001/Calls", "To", TestParley.NUMBER).json()
            .get("call_sid").asText();
        parley.awaitEnded(callSid);
    }
}
