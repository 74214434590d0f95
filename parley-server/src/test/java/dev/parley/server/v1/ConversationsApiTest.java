package dev.parley.server.v1;

import static dev.parley.server.v1.ServicesApiTest.fieldNames;
import static dev.parley.server.v1.ServicesApiTest.sidsOf;
import static dev.parley.server.v1.TwilioErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversationsApiTest {

    private final TestParley parley = new TestParley();
    private final Http http = V1Contract.checked(parley.http);
    private final String service = http.post("/v1/Services", "FriendlyName", "Frontline").json().get("sid").asText();
    private final String conversations = "/v1/Services/" + service + "/Conversations";

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void createOnAServiceTakesEveryTwilioParameterAndAnswersTwilioJson() {
        Http.Response created = http.post(conversations, "FriendlyName", "Customer +15557770001",
            "UniqueName", "customer-1", "Attributes", "{\"topic\":\"voice\"}",
            "MessagingServiceSid", "MG0123456789abcdef0123456789abcdef", "State", "active",
            "Timers.Inactive", "PT5M", "Timers.Closed", "PT1H", "Bindings.Email.Address", "desk@example.com",
            "Bindings.Email.Name", "Desk");

        assertThat(created.status()).isEqualTo(201);
        JsonNode c = created.json();
        String sid = c.get("sid").asText();
        assertThat(sid).matches("CH[0-9a-f]{32}");
        assertThat(fieldNames(c)).containsExactly("sid", "account_sid", "chat_service_sid", "messaging_service_sid",
            "friendly_name", "unique_name", "attributes", "date_created", "date_updated", "state", "timers", "bindings",
            "url", "links");
        assertThat(c.get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(c.get("chat_service_sid").asText()).isEqualTo(service);
        assertThat(c.get("messaging_service_sid").asText()).isEqualTo("MG0123456789abcdef0123456789abcdef");
        assertThat(c.get("friendly_name").asText()).isEqualTo("Customer +15557770001");
        assertThat(c.get("unique_name").asText()).isEqualTo("customer-1");
        assertThat(c.get("attributes").asText()).isEqualTo("{\"topic\":\"voice\"}");
        assertThat(c.get("date_created").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(c.get("date_updated").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(c.get("state").asText()).isEqualTo("active");
        assertThat(c.get("timers")).isEqualTo(json(Map.of("date_inactive", "2026-01-01T00:05:00Z",
            "date_closed", "2026-01-01T01:00:00Z")));
        assertThat(c.get("bindings").get("email")).isEqualTo(json(Map.of("address", "desk@example.com", "name", "Desk")));
        String url = parley.url() + conversations + "/" + sid;
        assertThat(c.get("url").asText()).isEqualTo(url);
        assertThat(c.get("links")).isEqualTo(json(Map.of("participants", url + "/Participants",
            "messages", url + "/Messages", "webhooks", url + "/Webhooks", "export", url + "/Export")));
    }

    @Test
    void aConversationWithoutParametersHasTwilioDefaults() {
        JsonNode c = http.post(conversations).json();

        assertThat(c.get("state").asText()).isEqualTo("active");
        assertThat(c.get("attributes").asText()).isEqualTo("{}");
        assertThat(c.get("timers")).isEmpty();
        assertThat(c.get("bindings")).isEmpty();
        for (String field : new String[] {"messaging_service_sid", "friendly_name", "unique_name"}) {
            assertThat(c.get(field).isNull()).as(field).isTrue();
        }
    }

    @Test
    void createTakesDateCreatedAndDateUpdated() {
        JsonNode c = http.post(conversations, "DateCreated", "2025-06-01T10:00:00Z",
            "DateUpdated", "2025-06-02T10:00:00+02:00").json();

        assertThat(c.get("date_created").asText()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(c.get("date_updated").asText()).isEqualTo("2025-06-02T08:00:00Z");
        assertThat(http.post(conversations, "DateCreated", "2025-06-03T10:00:00").json().get("date_created").asText())
            .as("no offset, as twilio-java writes date-times: UTC").isEqualTo("2025-06-03T10:00:00Z");
        assertError(http.post(conversations, "DateCreated", "yesterday"), 400, 20001,
            "Invalid DateCreated: 'yesterday' is not an ISO 8601 date-time (e.g. 2026-01-01T10:00:00Z)");
    }

    @Test
    void theDefaultServicesPathsActOnTheAccountsDefaultService() {
        JsonNode c = http.post("/v1/Conversations", "UniqueName", "on-default").json();

        String defaultService = http.get("/v1/Configuration").json().get("default_chat_service_sid").asText();
        assertThat(defaultService).matches("IS[0-9a-f]{32}").isNotEqualTo(service);
        assertThat(c.get("chat_service_sid").asText()).isEqualTo(defaultService);
        assertThat(c.get("url").asText()).isEqualTo(parley.url() + "/v1/Conversations/" + c.get("sid").asText());
        assertThat(http.get("/v1/Conversations/on-default").json()).isEqualTo(c);
        JsonNode viaService = http.get("/v1/Services/" + defaultService + "/Conversations/on-default").json();
        assertThat(viaService.get("sid")).isEqualTo(c.get("sid"));
        assertThat(viaService.get("url").asText()).startsWith(parley.url() + "/v1/Services/" + defaultService);
        assertThat(sidsOf(http.get("/v1/Conversations").json().get("conversations"))).containsExactly(c.get("sid").asText());
        assertThat(http.get(conversations).json().get("conversations")).isEmpty();
        assertThat(http.get("/v1/Services").json().get("services")).hasSize(2);
    }

    @Test
    void fetchByUniqueNameOrSidAndOnlyInItsService() {
        String sid = http.post(conversations, "UniqueName", "the customer").json().get("sid").asText();
        String other = http.post("/v1/Services", "FriendlyName", "Other").json().get("sid").asText();

        assertThat(http.get(conversations + "/" + sid).json().get("unique_name").asText()).isEqualTo("the customer");
        assertThat(http.get(conversations + "/the%20customer").json().get("sid").asText()).isEqualTo(sid);
        assertError(http.get("/v1/Services/" + other + "/Conversations/" + sid), 404, 20404,
            "The requested resource /v1/Services/" + other + "/Conversations/" + sid + " was not found");
        assertError(http.get("/v1/Conversations/" + sid), 404, 20404,
            "The requested resource /v1/Conversations/" + sid + " was not found");
    }

    @Test
    void updateChangesNameAttributesStateAndTimers() {
        String sid = http.post(conversations, "FriendlyName", "before").json().get("sid").asText();
        parley.clock.advance(Duration.ofMinutes(1));

        Http.Response updated = http.post(conversations + "/" + sid, "FriendlyName", "after",
            "Attributes", "{\"a\":1}", "State", "inactive", "Timers.Closed", "PT10M");

        assertThat(updated.status()).isEqualTo(200);
        JsonNode c = updated.json();
        assertThat(c.get("friendly_name").asText()).isEqualTo("after");
        assertThat(c.get("attributes").asText()).isEqualTo("{\"a\":1}");
        assertThat(c.get("state").asText()).isEqualTo("inactive");
        assertThat(c.get("timers")).isEqualTo(json(Map.of("date_closed", "2026-01-01T00:11:00Z")));
        assertThat(c.get("date_created").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(c.get("date_updated").asText()).isEqualTo("2026-01-01T00:01:00Z");
        assertThat(http.get(conversations + "/" + sid).json()).isEqualTo(c);
    }

    @Test
    void timersFallDueOnTheClock() {
        String sid = http.post(conversations, "State", "active", "Timers.Inactive", "PT5M", "Timers.Closed", "PT10M")
            .json().get("sid").asText();

        parley.clock.advance(Duration.ofMinutes(5));
        JsonNode inactive = http.get(conversations + "/" + sid).json();
        assertThat(inactive.get("state").asText()).isEqualTo("inactive");
        assertThat(inactive.get("timers")).isEqualTo(json(Map.of("date_closed", "2026-01-01T00:10:00Z")));

        parley.clock.advance(Duration.ofMinutes(5));
        JsonNode closed = http.get(conversations + "/" + sid).json();
        assertThat(closed.get("state").asText()).isEqualTo("closed");
        assertThat(closed.get("timers")).isEmpty();
        assertError(http.post(conversations + "/" + sid, "FriendlyName", "late"), 400, 50377,
            "Can't update conversation " + sid + " as it's in final closed state");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        State           | closed | 400 | 50384 | Initial state can't be 'closed'
        Timers.Inactive | PT5M   | 400 | 50382 | Timer can't be set without state
        State           | frozen | 400 | 20001 | Invalid State: 'frozen' (active, inactive or closed)
        UniqueName      | CH0123456789abcdef0123456789abcdef | 400 | 50390 | Unique name should not match conversation sid pattern
        """)
    void createRefusesWithTwilioCodes(String name, String value, int status, int code, String message) {
        assertError(http.post(conversations, name, value), status, code, message);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        Timers.Inactive | PT30S     | 50375 | 'TimeToInactive' duration should be greater or equal to 1 minute
        Timers.Closed   | PT9M      | 50376 | 'TimeToClosed' duration should be greater or equal to 10 minutes
        Timers.Inactive | 5 minutes | 50379 | 'TimeToInactive' parameter supports values which are ISO8601 durations
        Timers.Closed   | 1h        | 50380 | 'TimeToClosed' parameter supports values which are ISO8601 durations
        """)
    void timersAreCheckedWithTwilioCodes(String name, String value, int code, String message) {
        assertError(http.post(conversations, "State", "active", name, value), 400, code, message);
    }

    @Test
    void aTakenUniqueNameIs409With50353() {
        http.post(conversations, "UniqueName", "taken");
        String sid = http.post(conversations).json().get("sid").asText();

        assertError(http.post(conversations, "UniqueName", "taken"), 409, 50353,
            "Conversation with provided unique name already exists");
        assertError(http.post(conversations + "/" + sid, "UniqueName", "taken"), 409, 50353,
            "Conversation with provided unique name already exists");
    }

    @Test
    void listFiltersByStateAndCreationDate() {
        String first = http.post(conversations).json().get("sid").asText();
        parley.clock.advance(Duration.ofDays(1));
        String second = http.post(conversations, "State", "inactive").json().get("sid").asText();
        parley.clock.advance(Duration.ofDays(1));
        String third = http.post(conversations).json().get("sid").asText();

        assertThat(sidsOf(list(""))).containsExactly(first, second, third);
        assertThat(sidsOf(list("?State=active"))).containsExactly(first, third);
        assertThat(sidsOf(list("?State=inactive"))).containsExactly(second);
        assertThat(sidsOf(list("?State=closed"))).isEmpty();
        assertThat(sidsOf(list("?StartDate=2026-01-02"))).containsExactly(third, second);
        assertThat(sidsOf(list("?EndDate=2026-01-02"))).containsExactly(second, first);
        assertThat(sidsOf(list("?StartDate=2026-01-02T00:00:00Z&EndDate=2026-01-02T00:00:00Z"))).containsExactly(second);
        assertThat(sidsOf(list("?StartDate=2026-01-01&EndDate=2026-01-03&State=active"))).containsExactly(third, first);
        assertError(http.get(conversations + "?State=initializing"), 400, 20001,
            "Invalid State: 'initializing' (active, inactive or closed)");
        assertError(http.get(conversations + "?StartDate=01/02/2026"), 400, 20001,
            "Invalid StartDate: '01/02/2026' is not an ISO 8601 date-time (e.g. 2026-01-01T10:00:00Z)");
    }

    @Test
    void listPageUrlsKeepTheFilters() {
        for (int i = 0; i < 3; i++) http.post(conversations);

        JsonNode meta = http.get(conversations + "?State=active&PageSize=2").json().get("meta");

        String base = parley.url() + conversations + "?State=active&PageSize=2&Page=";
        assertThat(meta.get("first_page_url").asText()).isEqualTo(base + "0");
        assertThat(meta.get("next_page_url").asText()).startsWith(base + "1&PageToken=PACH");
        assertThat(meta.get("key").asText()).isEqualTo("conversations");
        assertError(http.get(conversations + "?PageSize=101"), 400, 20001, "Invalid PageSize: 101 (1 to 100)");
    }

    @Test
    void deleteBySidOrUniqueName() {
        String sid = http.post(conversations).json().get("sid").asText();
        http.post(conversations, "UniqueName", "named");

        assertThat(http.delete(conversations + "/" + sid).status()).isEqualTo(204);
        assertThat(http.delete(conversations + "/named").status()).isEqualTo(204);
        assertThat(http.get(conversations).json().get("conversations")).isEmpty();
        assertError(http.delete(conversations + "/" + sid), 404, 20404,
            "The requested resource " + conversations + "/" + sid + " was not found");
    }

    @Test
    void theWebhookEnabledHeaderIsAcceptedAndChecked() {
        HostHttp raw = new HostHttp(parley.server.port(), TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);
        String host = "127.0.0.1:" + parley.server.port();

        HostHttp.Response created = raw.send("POST", host, conversations, Map.of("X-Twilio-Webhook-Enabled", "true"),
            "FriendlyName=hooked");
        assertThat(created.status()).isEqualTo(201);
        String one = conversations + "/" + created.json().get("sid").asText();
        assertThat(raw.send("POST", host, one, Map.of("X-Twilio-Webhook-Enabled", "false"), "FriendlyName=x").status())
            .isEqualTo(200);
        assertError(raw.send("DELETE", host, one, Map.of("X-Twilio-Webhook-Enabled", "maybe"), ""), 400, 20001,
            "Invalid X-Twilio-Webhook-Enabled header: 'maybe' (true or false)");
        assertThat(raw.send("DELETE", host, one, Map.of("X-Twilio-Webhook-Enabled", "true"), "").status()).isEqualTo(204);
    }

    @Test
    void anotherAccountNeitherSeesNorChangesTheServicesConversations() {
        String sid = http.post(conversations).json().get("sid").asText();
        Account other = parley.parley.directory().createAccount("Other", parley.clock.now());
        Http otherHttp = http.as(other.sid(), other.authToken());
        String notFound = "The requested resource " + conversations + " was not found";

        assertError(otherHttp.get(conversations), 404, 20404, notFound);
        assertError(otherHttp.post(conversations), 404, 20404, notFound);
        assertError(otherHttp.post(conversations + "/" + sid, "FriendlyName", "mine"), 404, 20404,
            "The requested resource " + conversations + "/" + sid + " was not found");
        assertError(otherHttp.get("/v1/Conversations/" + sid), 404, 20404,
            "The requested resource /v1/Conversations/" + sid + " was not found");
        assertThat(otherHttp.get("/v1/Conversations").json().get("conversations")).isEmpty();
    }

    private JsonNode list(String query) {
        Http.Response response = http.get(conversations + query);
        assertThat(response.status()).as(query).isEqualTo(200);
        return response.json().get("conversations");
    }

    private static JsonNode json(Map<String, String> fields) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(fields);
    }
}
