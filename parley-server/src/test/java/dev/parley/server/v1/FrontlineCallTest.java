package dev.parley.server.v1;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.VoiceApp;
import dev.parley.sim.VirtualPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code <Connect><Conversation>} on a whole Parley set up over HTTP, as {@code docs/rest-api-v1.md}'s "Frontline set-up
 * from scratch" does it: the session finds the conversation the v1 APIs made and reaches its worker, and routes a
 * new caller through the pool the routing path configured.
 */
class FrontlineCallTest {

    private static final String CUSTOMER = "+15557770001";

    private final TestParley parley = new TestParley();
    private final Http http = V1Contract.checked(parley.http);
    private final VoiceApp app = parley.app;
    private final String service = http.post("/conversations/v1/Services", "FriendlyName", "Frontline").json()
        .get("sid").asText();

    @AfterEach
    void close() {
        parley.close();
    }

    private void connect() {
        app.twiml("/voice", "<Response><Connect action=\"/after\"><Conversation serviceInstanceSid=\"" + service
            + "\"/></Connect></Response>");
        app.route("/after", r -> "<Response><Say>" + r.param("Result") + "</Say></Response>");
        http.post("/parley/v1/Frontline/Users", "Identity", "alice@example.com", "IsAvailable", "true");
    }

    @Test
    void aCustomerReachesTheWorkerOfTheConversationTheApisMade() {
        connect();
        String conversation = http.post("/conversations/v1/Services/" + service + "/Conversations", "FriendlyName", "Jane Doe")
            .json().get("sid").asText();
        String participants = "/conversations/v1/Services/" + service + "/Conversations/" + conversation + "/Participants";
        http.post(participants, "MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress", TestParley.NUMBER);
        http.post(participants, "Identity", "alice@example.com");
        VirtualPhone alice = parley.parley.network().phone("client:alice@example.com").answerAfter(ofSeconds(2))
            .hangupAt(ofSeconds(10));
        VirtualPhone customer = parley.parley.network().phone(CUSTOMER);
        String callSid = customer.call(TestParley.NUMBER).orElseThrow();

        parley.awaitEnded(callSid);

        VoiceApp.Request after = app.requests("/after").get(0);
        assertThat(after.params()).containsEntry("Result", "session-success").containsEntry("DialCallStatus", "completed")
            .containsEntry("DialCallDuration", "10");
        assertThat(after.signatureValid()).isTrue();
        assertThat(alice.lastCall().orElseThrow().connections()).hasSize(1);
        assertThat(customer.saidTexts()).containsExactly("session-success");
    }

    @Test
    void aNewCallerIsRoutedThroughThePoolAndConnected() {
        connect();
        http.post("/parley/v1/Services/" + service + "/Routing", "Mode", "pool");
        VirtualPhone alice = parley.parley.network().phone("client:alice@example.com").answerAfter(ofSeconds(1))
            .hangupAt(ofSeconds(5));
        String callSid = parley.parley.network().phone(CUSTOMER).call(TestParley.NUMBER).orElseThrow();

        parley.awaitEnded(callSid);

        assertThat(app.requests("/after").get(0).param("Result")).isEqualTo("session-success");
        assertThat(alice.calls()).hasSize(1);
        assertThat(http.get("/conversations/v1/Services/" + service + "/ParticipantConversations?Address=%2B15557770001").json()
            .get("conversations")).hasSize(1);
    }
}
