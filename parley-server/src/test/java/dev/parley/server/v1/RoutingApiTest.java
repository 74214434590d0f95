package dev.parley.server.v1;

import static dev.parley.server.v1.TwilioErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.conversation.InboundLookup;
import dev.parley.engine.conversation.RoutingAttempt;
import dev.parley.engine.conversation.WorkerAssignment;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.VoiceApp;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Parley's routing configuration of a service, and routing end to end: a customer's call creates a conversation
 * (as the {@code <Connect><Conversation>} session asks the domain), the service's routing runs, and the worker the
 * session waits for arrives, for custom routing through the app's own call to the Conversations API.
 */
class RoutingApiTest {

    private static final String CUSTOMER = "+15557770001";

    private final TestParley parley = new TestParley();
    private final Http http = V1Contract.checked(parley.http);
    private final Frontline frontline = parley.parley.frontline();
    private final String service = http.post("/v1/Services", "FriendlyName", "Frontline").json().get("sid").asText();
    private final String routing = "/parley/v1/Services/" + service + "/Routing";

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void aNewServiceRoutesNothing() {
        Http.Response read = http.get(routing);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(http.get(routing).json());
        assertThat(read.json().get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(read.json().get("chat_service_sid").asText()).isEqualTo(service);
        assertThat(read.json().get("mode").asText()).isEqualTo("none");
        assertThat(read.json().get("callback_url").isNull()).isTrue();
        assertThat(read.json().get("url").asText()).isEqualTo(parley.url() + routing);
    }

    @Test
    void modesAreSetAndRead() {
        JsonNode custom = http.post(routing, "Mode", "custom", "CallbackUrl", "https://app.example.com/routing").json();
        assertThat(custom.get("mode").asText()).isEqualTo("custom");
        assertThat(custom.get("callback_url").asText()).isEqualTo("https://app.example.com/routing");
        assertThat(http.get(routing).json()).isEqualTo(custom);

        JsonNode pool = http.post(routing, "Mode", "pool").json();
        assertThat(pool.get("mode").asText()).isEqualTo("pool");
        assertThat(pool.get("callback_url").isNull()).isTrue();
        assertThat(http.post(routing, "Mode", "none").json().get("mode").asText()).isEqualTo("none");
    }

    @Test
    void badSettingsAreRefused() {
        assertError(http.post(routing), 400, 20001, "Missing required parameter Mode in the post body");
        assertError(http.post(routing, "Mode", "random"), 400, 20001, "Invalid Mode: 'random' (none, pool or custom)");
        assertError(http.post(routing, "Mode", "custom"), 400, 20001,
            "Missing required parameter CallbackUrl in the post body");
        assertError(http.post(routing, "Mode", "custom", "CallbackUrl", "/routing"), 400, 21402,
            "Invalid Url: CallbackUrl must be an absolute http(s) URL, got '/routing'");
        assertError(http.post(routing, "Mode", "pool", "CallbackUrl", "https://app.example.com/routing"), 400, 20001,
            "CallbackUrl is for Mode custom only");
        assertThat(http.get(routing).json().get("mode").asText()).isEqualTo("none");
    }

    @Test
    void anotherAccountsServiceIs404AndASubaccountsIsTheMainAccounts() {
        Account other = parley.parley.directory().createAccount("Other", parley.clock.now());
        assertError(http.as(other.sid(), other.authToken()).post(routing, "Mode", "pool"), 404, 20404,
            "The requested resource " + routing + " was not found");
        assertError(http.get("/parley/v1/Services/IS00000000000000000000000000000000/Routing"), 404, 20404,
            "The requested resource /parley/v1/Services/IS00000000000000000000000000000000/Routing was not found");

        Account sub = parley.parley.directory().createSubaccount(TestParley.ACCOUNT_SID, Optional.of("Sub"),
            parley.clock.now());
        String subService = http.as(sub.sid(), sub.authToken()).post("/v1/Services", "FriendlyName", "Sub").json()
            .get("sid").asText();
        assertThat(http.post("/parley/v1/Services/" + subService + "/Routing", "Mode", "pool").json()
            .get("account_sid").asText()).isEqualTo(sub.sid());
    }

    @Test
    void customRoutingCallsTheAppWhichAddsTheWorkerThroughTheConversationsApi() {
        http.post("/v1/Configuration", "DefaultChatServiceSid", service);
        http.post("/parley/v1/Frontline/Users", "Identity", "alice@example.com");
        http.post(routing, "Mode", "custom", "CallbackUrl", parley.app.url("/routing"));
        Http conversationsApi = V1Contract.client(parley.url() + "/conversations", TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);
        parley.app.route("/routing", request -> {
            Http.Response added = conversationsApi.post("/v1/Conversations/" + request.param("ConversationSid")
                + "/Participants", "Identity", "alice@example.com");
            assertThat(added.status()).isEqualTo(201);
            return "";
        });

        InboundLookup.Created created = customerCalls();
        RoutingAttempt attempt = frontline.route(created.conversation(), created.customer());
        WorkerAssignment assignment = awaitWorker(created);

        assertThat(assignment).isInstanceOfSatisfying(WorkerAssignment.Assigned.class,
            assigned -> assertThat(assigned.worker().identity()).isEqualTo("alice@example.com"));
        String conversation = created.conversation().sid();
        VoiceApp.Request callback = parley.app.requests("/routing").getFirst();
        assertThat(callback.signatureValid()).isTrue();
        assertThat(callback.method()).isEqualTo("POST");
        assertThat(callback.params()).containsEntry("ConversationSid", conversation)
            .containsEntry("MessagingBinding.Address", CUSTOMER)
            .containsEntry("MessagingBinding.ProxyAddress", TestParley.NUMBER)
            .containsEntry("AccountSid", TestParley.ACCOUNT_SID).containsEntry("ChatServiceSid", service);
        parley.await(attempt::done);
        assertThat(attempt.status()).isEqualTo("custom routing: POST " + parley.app.url("/routing") + " answered 200");
        JsonNode participants = http.get("/v1/Conversations/" + conversation + "/Participants").json().get("participants");
        assertThat(participants).extracting(p -> p.get("identity").isNull() ? p.get("messaging_binding").get("address")
            .asText() : p.get("identity").asText()).containsExactly(CUSTOMER, "alice@example.com");
        JsonNode ofAlice = http.get("/v1/ParticipantConversations?Identity=alice@example.com").json().get("conversations");
        assertThat(ofAlice).extracting(c -> c.get("conversation_sid").asText()).containsExactly(conversation);
    }

    @Test
    void poolRoutingGivesTheConversationToAnAvailableWorker() {
        http.post("/parley/v1/Frontline/Users", "Identity", "busy@example.com");
        String bob = http.post("/parley/v1/Frontline/Users", "Identity", "bob@example.com", "IsAvailable", "true").json()
            .get("sid").asText();
        http.post(routing, "Mode", "pool");

        InboundLookup.Created created = customerCalls();
        RoutingAttempt attempt = frontline.route(created.conversation(), created.customer());

        assertThat(attempt.status()).isEqualTo("pool routing: assigned bob@example.com");
        JsonNode ofBob = http.get("/v1/Services/" + service + "/ParticipantConversations?Identity=bob@example.com").json()
            .get("conversations");
        assertThat(ofBob).hasSize(1);
        assertThat(ofBob.get(0).get("conversation_sid").asText()).isEqualTo(created.conversation().sid());
        assertThat(ofBob.get(0).get("participant_user_sid").asText()).isEqualTo(bob);
    }

    @Test
    void withNoRoutingNoWorkerComesByTheDeadline() {
        InboundLookup.Created created = customerCalls();
        RoutingAttempt attempt = frontline.route(created.conversation(), created.customer());

        assertThat(attempt.status()).isEqualTo("no routing: service " + service + " routes no conversations");
        assertThat(awaitWorker(created)).isNull();
        assertThat(parley.clock.now()).isEqualTo("2026-01-01T00:00:05Z");
    }

    /** What the session asks of the domain when the customer calls the number: the conversation, made for them. */
    private InboundLookup.Created customerCalls() {
        ConversationService s = frontline.service(TestParley.ACCOUNT_SID, service).orElseThrow();
        InboundLookup lookup = frontline.inbound(s, CUSTOMER, TestParley.NUMBER, true);
        assertThat(lookup).isInstanceOf(InboundLookup.Created.class);
        return (InboundLookup.Created) lookup;
    }

    /** Waits on the clock, as the session does, up to routingAssignmentTimeout (5 s); null when nobody came. */
    private WorkerAssignment awaitWorker(InboundLookup.Created created) {
        AtomicReference<Optional<WorkerAssignment>> result = new AtomicReference<>();
        parley.clock.spawn("session", () -> result.set(frontline.awaitWorker(created.conversation(),
            parley.clock.now().plus(Duration.ofSeconds(5)))));
        parley.await(() -> result.get() != null);
        return result.get().orElse(null);
    }
}
