package dev.parley.server.v1;

import static dev.parley.server.v1.ServicesApiTest.fieldNames;
import static dev.parley.server.v1.ServicesApiTest.sidsOf;
import static dev.parley.server.v1.TwilioErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.engine.account.Account;
import dev.parley.engine.conversation.Participant;
import dev.parley.engine.conversation.Subscription;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParticipantsApiTest {

    private static final String CUSTOMER = "+15557770001";
    private static final String NUMBER = "+15550001000";

    private final TestParley parley = new TestParley();
    private final Http http = V1Contract.checked(parley.http);
    private final String service = http.post("/v1/Services", "FriendlyName", "Frontline").json().get("sid").asText();
    private final String conversation = http.post("/v1/Services/" + service + "/Conversations", "UniqueName", "c1")
        .json().get("sid").asText();
    private final String participants = "/v1/Services/" + service + "/Conversations/" + conversation + "/Participants";

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void aCustomerHasAMessagingBindingWithAddressAndProxyAddress() {
        Http.Response created = http.post(participants, "MessagingBinding.Address", CUSTOMER,
            "MessagingBinding.ProxyAddress", NUMBER, "Attributes", "{\"customer_id\":\"42\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode p = created.json();
        String sid = p.get("sid").asText();
        assertThat(sid).matches("MB[0-9a-f]{32}");
        assertThat(fieldNames(p)).containsExactly("account_sid", "chat_service_sid", "conversation_sid", "sid",
            "identity", "attributes", "messaging_binding", "role_sid", "date_created", "date_updated", "url",
            "last_read_message_index", "last_read_timestamp");
        assertThat(p.get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(p.get("chat_service_sid").asText()).isEqualTo(service);
        assertThat(p.get("conversation_sid").asText()).isEqualTo(conversation);
        assertThat(p.get("identity").isNull()).isTrue();
        assertThat(p.get("attributes").asText()).isEqualTo("{\"customer_id\":\"42\"}");
        assertThat(p.get("messaging_binding")).isEqualTo(json(Map.of("type", "sms", "address", CUSTOMER,
            "proxy_address", NUMBER)));
        assertThat(fieldNames(p.get("messaging_binding"))).containsExactly("type", "address", "proxy_address");
        assertThat(p.get("role_sid").isNull()).isTrue();
        assertThat(p.get("date_created").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(p.get("url").asText()).isEqualTo(parley.url() + participants + "/" + sid);
        assertThat(p.get("last_read_message_index").isNull()).isTrue();
        assertThat(p.get("last_read_timestamp").isNull()).isTrue();
        assertThat(http.get(participants + "/" + sid).json()).isEqualTo(p);
    }

    @Test
    void aWorkerIsAChatParticipantWithAnIdentityAndNoBinding() {
        JsonNode p = http.post(participants, "Identity", "alice@example.com").json();

        assertThat(p.get("identity").asText()).isEqualTo("alice@example.com");
        assertThat(p.get("messaging_binding").isNull()).isTrue();
        assertThat(p.get("attributes").asText()).isEqualTo("{}");
        assertThat(http.get(participants + "/alice@example.com").json()).isEqualTo(p);
    }

    @Test
    void aGroupMmsChatParticipantHasOnlyAProjectedAddress() {
        JsonNode p = http.post(participants, "Identity", "bob", "MessagingBinding.ProjectedAddress", NUMBER,
            "RoleSid", "RL0123456789abcdef0123456789abcdef").json();

        assertThat(p.get("messaging_binding")).isEqualTo(json(Map.of("type", "sms", "projected_address", NUMBER)));
        assertThat(p.get("role_sid").asText()).isEqualTo("RL0123456789abcdef0123456789abcdef");
    }

    @Test
    void onTheDefaultServicesPathAParticipantHasNoChatServiceSid() {
        String onDefault = http.post("/v1/Conversations").json().get("sid").asText();
        String path = "/v1/Conversations/" + onDefault + "/Participants";

        JsonNode p = http.post(path, "Identity", "alice").json();

        assertThat(fieldNames(p)).containsExactly("account_sid", "conversation_sid", "sid", "identity", "attributes",
            "messaging_binding", "role_sid", "date_created", "date_updated", "url", "last_read_message_index",
            "last_read_timestamp");
        assertThat(p.get("url").asText()).isEqualTo(parley.url() + path + "/" + p.get("sid").asText());
        assertThat(http.get(path + "/alice").json()).isEqualTo(p);
        assertThat(http.get(path).json().get("participants").get(0)).isEqualTo(p);
    }

    @Test
    void participantsOfAConversationNamedByUniqueName() {
        String byName = "/v1/Services/" + service + "/Conversations/c1/Participants";

        JsonNode p = http.post(byName, "Identity", "alice").json();

        assertThat(p.get("conversation_sid").asText()).isEqualTo(conversation);
        assertThat(http.get(byName + "/" + p.get("sid").asText()).status()).isEqualTo(200);
    }

    @Test
    void listInTheOrderAddedWithPaging() {
        String a = http.post(participants, "Identity", "a").json().get("sid").asText();
        String b = http.post(participants, "Identity", "b").json().get("sid").asText();
        String c = http.post(participants, "MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress", NUMBER)
            .json().get("sid").asText();

        JsonNode all = http.get(participants).json();
        assertThat(sidsOf(all.get("participants"))).containsExactly(a, b, c);
        assertThat(all.get("meta").get("key").asText()).isEqualTo("participants");
        JsonNode first = http.get(participants + "?PageSize=2").json();
        assertThat(sidsOf(first.get("participants"))).containsExactly(a, b);
        String next = first.get("meta").get("next_page_url").asText();
        assertThat(sidsOf(http.get(next.substring(parley.url().length())).json().get("participants"))).containsExactly(c);
    }

    @Test
    void updateChangesAttributesRoleAndLastRead() {
        String sid = http.post(participants, "Identity", "alice").json().get("sid").asText();
        parley.clock.advance(Duration.ofSeconds(30));

        Http.Response updated = http.post(participants + "/alice", "Attributes", "{\"x\":true}",
            "RoleSid", "RL0123456789abcdef0123456789abcdef", "LastReadMessageIndex", "7",
            "LastReadTimestamp", "2026-01-01T00:00:10Z");

        assertThat(updated.status()).isEqualTo(200);
        JsonNode p = updated.json();
        assertThat(p.get("sid").asText()).isEqualTo(sid);
        assertThat(p.get("attributes").asText()).isEqualTo("{\"x\":true}");
        assertThat(p.get("role_sid").asText()).isEqualTo("RL0123456789abcdef0123456789abcdef");
        assertThat(p.get("last_read_message_index").asInt()).isEqualTo(7);
        assertThat(p.get("last_read_timestamp").asText()).isEqualTo("2026-01-01T00:00:10Z");
        assertThat(p.get("date_updated").asText()).isEqualTo("2026-01-01T00:00:30Z");
        assertError(http.post(participants + "/" + sid, "Identity", "bob"), 400, 20001,
            "Parley does not change a participant's Identity: remove the participant and add it again");
        assertError(http.post(participants + "/" + sid, "LastReadMessageIndex", "-1"), 400, 20001,
            "Invalid LastReadMessageIndex: '-1' (0 or more)");
    }

    @Test
    void removeFreesTheAddressPairForAnotherConversation() {
        String sid = http.post(participants, "MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress", NUMBER)
            .json().get("sid").asText();
        String other = http.post("/v1/Services/" + service + "/Conversations").json().get("sid").asText();
        String otherParticipants = "/v1/Services/" + service + "/Conversations/" + other + "/Participants";

        assertError(http.post(otherParticipants, "MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress",
            NUMBER), 409, 50416, "A binding for this participant and proxy address already exists in Conversation "
            + conversation);
        assertThat(http.delete(participants + "/" + sid).status()).isEqualTo(204);
        assertError(http.get(participants + "/" + sid), 404, 20404,
            "The requested resource " + participants + "/" + sid + " was not found");
        assertThat(http.post(otherParticipants, "MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress",
            NUMBER).status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "[{index}] {6}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
        alice | +15557770001 | +15550001000 | -            | 400 | 50211 | Identity parameter not acceptable for this Participant
        -     | -            | -            | -            | 400 | 50204 | Identity not provided
        -     | -            | +15550001000 | -            | 400 | 50411 | Participant address is empty
        -     | +15557770001 | -            | -            | 400 | 50412 | Participant proxy address is empty
        -     | 5557770001   | +15550001000 | -            | 400 | 50407 | Invalid messaging binding address
        -     | +15557770001 | client:desk  | -            | 400 | 50408 | Invalid participant proxy address
        -     | +15550001000 | +15550001000 | -            | 400 | 50409 | Participant address equals proxy address
        -     | +15557770001 | +15550001000 | +15550001000 | 400 | 50443 | Failed to add a projected address to a participant
        """)
    void addRefusesWithTwilioCodes(String identity, String address, String proxy, String projected, int status,
                                   int code, String message) {
        List<String> form = new ArrayList<>();
        if (identity != null) form.addAll(List.of("Identity", identity));
        if (address != null) form.addAll(List.of("MessagingBinding.Address", address));
        if (proxy != null) form.addAll(List.of("MessagingBinding.ProxyAddress", proxy));
        if (projected != null) form.addAll(List.of("MessagingBinding.ProjectedAddress", projected));

        assertError(http.post(participants, form.toArray(String[]::new)), status, code, message);
    }

    @Test
    void duplicatesInAConversationAre409() {
        http.post(participants, "Identity", "alice");
        http.post(participants, "MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress", NUMBER);

        assertError(http.post(participants, "Identity", "alice"), 409, 50433, "Participant already exists");
        assertError(http.post(participants, "MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress",
            NUMBER), 409, 50437, "Group Participant already exists");
    }

    @Test
    void aClosedConversationsParticipantsDoNotChange() {
        http.post(participants, "Identity", "alice");
        http.post("/v1/Services/" + service + "/Conversations/" + conversation, "State", "closed");
        String closed = "Can't update conversation " + conversation + " as it's in final closed state";

        assertError(http.post(participants, "Identity", "bob"), 400, 50377, closed);
        assertError(http.post(participants + "/alice", "Attributes", "{}"), 400, 50377, closed);
        assertError(http.delete(participants + "/alice"), 400, 50377, closed);
        assertThat(http.get(participants + "/alice").status()).isEqualTo(200);
    }

    @Test
    void addingAWorkerThroughTheApiIsHeardByTheDomainsListeners() {
        List<Participant> heard = new CopyOnWriteArrayList<>();
        try (Subscription ignored = parley.parley.frontline().onWorkerAdded(conversation, heard::add)) {
            http.post(participants, "MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress", NUMBER);
            String worker = http.post(participants, "Identity", "alice").json().get("sid").asText();

            assertThat(heard).extracting(Participant::sid).containsExactly(worker);
        }
    }

    @Test
    void anotherAccountCannotTouchTheParticipants() {
        Account other = parley.parley.directory().createAccount("Other", parley.clock.now());
        Http otherHttp = http.as(other.sid(), other.authToken());
        http.post(participants, "Identity", "alice");

        assertError(otherHttp.get(participants), 404, 20404, "The requested resource " + participants + " was not found");
        assertError(otherHttp.post(participants, "Identity", "mallory"), 404, 20404,
            "The requested resource " + participants + " was not found");
        assertError(otherHttp.delete(participants + "/alice"), 404, 20404,
            "The requested resource " + participants + "/alice was not found");
        assertThat(sidsOf(http.get(participants).json().get("participants"))).hasSize(1);
    }

    private static JsonNode json(Map<String, String> fields) {
        return new ObjectMapper().valueToTree(fields);
    }
}
