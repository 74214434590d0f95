package dev.parley.server.v1;

import static dev.parley.server.v1.ServicesApiTest.fieldNames;
import static dev.parley.server.v1.TwilioErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParticipantConversationsApiTest {

    private static final String CUSTOMER = "+15557770001";
    private static final String NUMBER = "+15550001000";

    private final TestParley parley = new TestParley();
    private final Http http = V1Contract.checked(parley.http);
    private final String service = http.post("/v1/Services", "FriendlyName", "Frontline").json().get("sid").asText();
    private final String scoped = "/v1/Services/" + service;

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void byAddressListsTheCustomersConversationsWithTwilioFields() {
        JsonNode c = http.post(scoped + "/Conversations", "FriendlyName", "Call", "UniqueName", "u1",
            "Attributes", "{\"a\":1}").json();
        String conversation = c.get("sid").asText();
        String participant = http.post(scoped + "/Conversations/" + conversation + "/Participants",
            "MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress", NUMBER).json().get("sid").asText();

        Http.Response found = http.get(scoped + "/ParticipantConversations?Address=%2B15557770001");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("conversations")).hasSize(1);
        JsonNode item = found.json().get("conversations").get(0);
        assertThat(fieldNames(item)).containsExactly("account_sid", "chat_service_sid", "participant_sid",
            "participant_user_sid", "participant_identity", "participant_messaging_binding", "conversation_sid",
            "conversation_unique_name", "conversation_friendly_name", "conversation_attributes",
            "conversation_date_created", "conversation_date_updated", "conversation_created_by", "conversation_state",
            "conversation_timers", "links");
        assertThat(item.get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(item.get("chat_service_sid").asText()).isEqualTo(service);
        assertThat(item.get("participant_sid").asText()).isEqualTo(participant);
        assertThat(item.get("participant_user_sid").isNull()).isTrue();
        assertThat(item.get("participant_identity").isNull()).isTrue();
        JsonNode binding = item.get("participant_messaging_binding");
        assertThat(fieldNames(binding)).containsExactly("address", "proxy_address", "type", "level", "name",
            "projected_address");
        assertThat(binding.get("address").asText()).isEqualTo(CUSTOMER);
        assertThat(binding.get("proxy_address").asText()).isEqualTo(NUMBER);
        assertThat(binding.get("type").asText()).isEqualTo("sms");
        assertThat(binding.get("projected_address").isNull()).isTrue();
        assertThat(item.get("conversation_sid").asText()).isEqualTo(conversation);
        assertThat(item.get("conversation_unique_name").asText()).isEqualTo("u1");
        assertThat(item.get("conversation_friendly_name").asText()).isEqualTo("Call");
        assertThat(item.get("conversation_attributes").asText()).isEqualTo("{\"a\":1}");
        assertThat(item.get("conversation_date_created").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(item.get("conversation_created_by").isNull()).isTrue();
        assertThat(item.get("conversation_state").asText()).isEqualTo("active");
        assertThat(item.get("conversation_timers")).isEmpty();
        String conversationUrl = parley.url() + scoped + "/Conversations/" + conversation;
        assertThat(item.get("links").get("conversation").asText()).isEqualTo(conversationUrl);
        assertThat(item.get("links").get("participant").asText())
            .isEqualTo(conversationUrl + "/Participants/" + participant);
        JsonNode meta = found.json().get("meta");
        assertThat(meta.get("key").asText()).isEqualTo("conversations");
        assertThat(meta.get("url").asText())
            .isEqualTo(parley.url() + scoped + "/ParticipantConversations?Address=%2B15557770001&PageSize=50&Page=0");
    }

    @Test
    void byIdentityListsAWorkersConversationsWithTheirFrontlineUserSid() {
        String user = http.post("/parley/v1/Frontline/Users", "Identity", "alice@example.com").json().get("sid").asText();
        String first = conversationWith("Identity", "alice@example.com");
        String second = conversationWith("Identity", "alice@example.com");
        conversationWith("Identity", "bob@example.com");

        JsonNode items = http.get(scoped + "/ParticipantConversations?Identity=alice@example.com").json()
            .get("conversations");

        assertThat(conversationSids(items)).containsExactly(first, second);
        assertThat(items.get(0).get("participant_user_sid").asText()).isEqualTo(user);
        assertThat(items.get(0).get("participant_identity").asText()).isEqualTo("alice@example.com");
        assertThat(items.get(0).get("participant_messaging_binding").isNull()).isTrue();
    }

    @Test
    void onTheDefaultServiceAndOnlyWithinTheService() {
        String onDefault = http.post("/v1/Conversations").json().get("sid").asText();
        http.post("/v1/Conversations/" + onDefault + "/Participants", "Identity", "alice");
        String onService = conversationWith("Identity", "alice");

        JsonNode items = http.get("/v1/ParticipantConversations?Identity=alice").json().get("conversations");

        assertThat(conversationSids(items)).containsExactly(onDefault);
        assertThat(items.get(0).get("links").get("conversation").asText())
            .isEqualTo(parley.url() + "/v1/Conversations/" + onDefault);
        assertThat(conversationSids(http.get(scoped + "/ParticipantConversations?Identity=alice").json()
            .get("conversations"))).containsExactly(onService);
    }

    @Test
    void exactlyOneOfAddressAndIdentityAndAtMost50APage() {
        String message = "Either Identity or Address must be given, and not both";
        assertError(http.get(scoped + "/ParticipantConversations"), 400, 20001, message);
        assertError(http.get(scoped + "/ParticipantConversations?Identity=a&Address=%2B15557770001"), 400, 20001,
            message);
        assertError(http.get(scoped + "/ParticipantConversations?Identity=a&PageSize=51"), 400, 20001,
            "Invalid PageSize: 51 (1 to 50)");
    }

    @Test
    void aClosedConversationIsListedWithItsState() {
        String sid = conversationWith("MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress", NUMBER);
        http.post(scoped + "/Conversations/" + sid, "State", "closed");

        JsonNode items = http.get(scoped + "/ParticipantConversations?Address=%2B15557770001").json().get("conversations");

        assertThat(items.get(0).get("conversation_state").asText()).isEqualTo("closed");
    }

    @Test
    void configurationNamesTheDefaultServiceAndChangesIt() {
        JsonNode before = http.get("/v1/Configuration").json();
        assertThat(fieldNames(before)).containsExactly("account_sid", "default_chat_service_sid",
            "default_messaging_service_sid", "default_inactive_timer", "default_closed_timer", "url", "links");
        assertThat(before.get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(before.get("default_chat_service_sid").asText()).isNotEqualTo(service);
        assertThat(before.get("url").asText()).isEqualTo(parley.url() + "/v1/Configuration");
        assertThat(before.get("links").get("webhooks").asText()).isEqualTo(parley.url() + "/v1/Configuration/Webhooks");

        JsonNode after = http.post("/v1/Configuration", "DefaultChatServiceSid", service).json();

        assertThat(after.get("default_chat_service_sid").asText()).isEqualTo(service);
        assertThat(after.get("links").get("service").asText())
            .isEqualTo(parley.url() + "/v1/Services/" + service + "/Configuration");
        assertThat(http.post("/v1/Conversations").json().get("chat_service_sid").asText()).isEqualTo(service);
        assertError(http.post("/v1/Configuration", "DefaultChatServiceSid", "IS00000000000000000000000000000000"),
            404, 20404, "The requested resource /v1/Services/IS00000000000000000000000000000000 was not found");
        assertError(http.post("/v1/Configuration", "DefaultInactiveTimer", "PT1M"), 400, 20001,
            "Parley does not support DefaultInactiveTimer");
    }

    private String conversationWith(String... participant) {
        String sid = http.post(scoped + "/Conversations").json().get("sid").asText();
        assertThat(http.post(scoped + "/Conversations/" + sid + "/Participants", participant).status()).isEqualTo(201);
        return sid;
    }

    private static List<String> conversationSids(JsonNode items) {
        List<String> sids = new ArrayList<>();
        items.forEach(item -> sids.add(item.get("conversation_sid").asText()));
        return sids;
    }
}
