package dev.parley.engine.conversation;

import static dev.parley.engine.conversation.Fixture.COMPANY;
import static dev.parley.engine.conversation.Fixture.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.clock.SystemClock;
import dev.parley.engine.webhook.HttpWebhookTransport;
import dev.parley.engine.webhook.WebhookOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Custom routing over real HTTP on loopback, in real time: waits are for conditions, with a deadline that only
 * guards against a hang.
 */
class CustomRoutingTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final HttpWebhookTransport transport = new HttpWebhookTransport();
    private final Fixture f = new Fixture(new SystemClock(), transport);
    private RoutingApp app;

    @AfterEach
    void close() {
        if (app != null) app.close();
        transport.close();
    }

    private void routeTo(String url) {
        f.frontline.services().route(f.acc(), f.service.sid(), Routing.custom(url));
    }

    private void startApp(ToIntFunction<RoutingApp.Request> handler) {
        app = new RoutingApp(f.account.authToken(), handler);
        routeTo(app.url());
    }

    private InboundLookup.Created newConversation() {
        f.worker("alice@example.com", WorkerParams.NONE);
        return (InboundLookup.Created) f.frontline.inbound(f.service, CUSTOMER, COMPANY, true);
    }

    /** What an integration does: add the worker to the conversation named in the callback (REST API, in-process). */
    private int addAlice(RoutingApp.Request request) {
        f.participants().add(request.params().get("AccountSid"), request.params().get("ChatServiceSid"),
            request.params().get("ConversationSid"), ParticipantParams.chat("alice@example.com"));
        return 200;
    }

    private Optional<WorkerAssignment> awaitWorker(Conversation conversation) {
        return f.frontline.awaitWorker(conversation, Instant.now().plus(HANG_GUARD));
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long giveUpAt = System.nanoTime() + HANG_GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - giveUpAt).as("condition within the hang guard").isNegative();
            Thread.yield();
        }
    }

    @Test
    void theAppGetsASignedCallbackAndItsWorkerIsAssigned() {
        startApp(this::addAlice);
        InboundLookup.Created created = newConversation();

        RoutingAttempt attempt = f.frontline.route(created.conversation(), created.customer());
        Optional<WorkerAssignment> assignment = awaitWorker(created.conversation());

        assertThat(assignment).get().isInstanceOfSatisfying(WorkerAssignment.Assigned.class,
            a -> assertThat(a.address()).isEqualTo("client:alice@example.com"));
        RoutingApp.Request request = app.requests().get(0);
        assertThat(request.signatureValid()).as("X-Twilio-Signature valid for RequestValidator").isTrue();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.params()).containsExactly(
            Map.entry("AccountSid", f.acc()),
            Map.entry("ChatServiceSid", f.service.sid()),
            Map.entry("ConversationSid", created.conversation().sid()),
            Map.entry("MessagingBinding.Address", CUSTOMER),
            Map.entry("MessagingBinding.ProxyAddress", COMPANY));
        assertThat(request.headers()).containsKey("i-twilio-idempotency-token")
            .containsEntry("content-type", "application/x-www-form-urlencoded")
            .containsEntry("user-agent", "TwilioProxy/1.1");
        awaitCondition(attempt::done);
        assertThat(attempt.status()).isEqualTo("custom routing: POST " + app.url() + " answered 200");
    }

    @Test
    void aWorkerAddedAfterTheAppAnsweredIsStillSeen() {
        startApp(request -> {
            Thread.ofVirtual().start(() -> addAlice(request));
            return 200;
        });
        InboundLookup.Created created = newConversation();

        f.frontline.route(created.conversation(), created.customer());

        assertThat(awaitWorker(created.conversation())).get().isInstanceOf(WorkerAssignment.Assigned.class);
    }

    @Test
    void anAppThatFailsAssignsNobodyAndTheAttemptSaysSo() {
        startApp(request -> 500);
        InboundLookup.Created created = newConversation();

        RoutingAttempt attempt = f.frontline.route(created.conversation(), created.customer());

        awaitCondition(attempt::done);
        assertThat(attempt.status()).endsWith(" answered 500");
        assertThat(attempt.callbackOutcome()).get().isInstanceOfSatisfying(WebhookOutcome.Delivered.class,
            d -> assertThat(d.status()).isEqualTo(500));
        assertThat(f.frontline.workerOf(created.conversation())).isInstanceOf(WorkerAssignment.NoWorker.class);
    }

    @Test
    void anUnreachableAppIsAnHttpConnectionFailure() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        routeTo("http://127.0.0.1:" + freePort + "/routing");
        InboundLookup.Created created = newConversation();

        RoutingAttempt attempt = f.frontline.route(created.conversation(), created.customer());

        awaitCondition(attempt::done);
        assertThat(attempt.status()).contains("failed 11205");
        assertThat(attempt.callbackOutcome()).get().isInstanceOf(WebhookOutcome.Failed.class);
    }

    @Test
    void withoutAnAccountToSignItNoCallbackGoesOut() {
        String unknownAccount = "AC00000000000000000000000000000009";
        ConversationService service = f.frontline.services().route(unknownAccount,
            f.frontline.services().create(unknownAccount, "Orphan").sid(), Routing.custom("http://127.0.0.1:9/routing"));
        InboundLookup.Created created = (InboundLookup.Created) f.frontline.inbound(service, CUSTOMER, COMPANY, true);

        RoutingAttempt attempt = f.frontline.route(created.conversation(), created.customer());

        assertThat(attempt.done()).isTrue();
        assertThat(attempt.status()).isEqualTo("custom routing: no account " + unknownAccount + " to sign the callback");
        assertThat(attempt.callbackOutcome()).isEmpty();
    }
}
