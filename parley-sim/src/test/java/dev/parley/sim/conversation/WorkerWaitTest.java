package dev.parley.sim.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.engine.Sids;
import dev.parley.engine.store.memory.InMemoryStore;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.clock.Mailbox;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.conversation.InMemoryConversationStore;
import dev.parley.engine.conversation.InboundLookup;
import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.engine.conversation.Routing;
import dev.parley.engine.conversation.Subscription;
import dev.parley.engine.conversation.WorkerAssignment;
import dev.parley.engine.conversation.WorkerParams;
import dev.parley.engine.webhook.HttpWebhookTransport;
import dev.parley.engine.webhook.Params;
import dev.parley.sim.VirtualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Waiting for routing to assign a worker ({@code routingAssignmentTimeout}) on virtual time: a session's wait
 * runs on a thread spawned on the clock, as a call's run does, and costs no real time.
 */
class WorkerWaitTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final Duration ROUTING_ASSIGNMENT_TIMEOUT = Duration.ofSeconds(5);
    private static final String CUSTOMER = "+15551230001";
    private static final String COMPANY = "+15559990001";

    private final VirtualClock clock = new VirtualClock();
    private final Sids sids = new Sids(new Random(3));
    private final Directory directory = new Directory(new InMemoryStore(), sids, clock);
    private final Account account = directory.createAccount("test", clock.now());
    private final HttpWebhookTransport transport = new HttpWebhookTransport();
    private final Frontline frontline = new Frontline(new InMemoryConversationStore(), sids, clock, transport, directory);
    private final ConversationService service = frontline.services().create(account.sid(), "Frontline Service");
    private final Instant start = clock.now();

    /** What a session saw: the assignment (empty at the deadline) and when its wait ended. */
    private record Outcome(Optional<WorkerAssignment> assignment, Instant at) {
    }

    @AfterEach
    void close() {
        transport.close();
    }

    private InboundLookup.Created newConversation(Routing routing) {
        frontline.services().route(account.sid(), service.sid(), routing);
        return (InboundLookup.Created) frontline.inbound(service, CUSTOMER, COMPANY, true);
    }

    private Outcome session(InboundLookup.Created created) {
        return session(created, () -> { });
    }

    /**
     * Runs a session on the clock: first what else must happen on the clock (started from the session's thread,
     * so that time cannot move before the session waits), then route and wait for the worker until the timeout.
     */
    private Outcome session(InboundLookup.Created created, Runnable meanwhile) {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        clock.spawn("session", () -> {
            meanwhile.run();
            frontline.route(created.conversation(), created.customer());
            Optional<WorkerAssignment> assignment = frontline.awaitWorker(created.conversation(),
                clock.now().plus(ROUTING_ASSIGNMENT_TIMEOUT));
            outcome.set(new Outcome(assignment, clock.now()));
        });
        assertThat(clock.await(() -> outcome.get() != null, HANG_GUARD)).as("session within the hang guard").isTrue();
        return outcome.get();
    }

    private void addAliceAfter(String conversationSid, Duration delay) {
        clock.spawn("app", () -> {
            clock.mailbox().poll(clock.now().plus(delay));
            frontline.participants().add(account.sid(), service.sid(), conversationSid,
                ParticipantParams.chat("alice@example.com"));
        });
    }

    @Test
    void withoutRoutingTheWaitEndsEmptyAtTheTimeout() {
        Outcome outcome = session(newConversation(Routing.none()));

        assertThat(outcome.assignment()).isEmpty();
        assertThat(outcome.at()).isEqualTo(start.plus(ROUTING_ASSIGNMENT_TIMEOUT));
    }

    @Test
    void aWorkerAddedBeforeTheTimeoutEndsTheWaitThen() {
        frontline.workers().create(account.sid(), "alice@example.com", WorkerParams.NONE);
        InboundLookup.Created created = newConversation(Routing.none());

        Outcome outcome = session(created, () -> addAliceAfter(created.conversation().sid(), Duration.ofSeconds(3)));

        assertThat(outcome.assignment()).get().isInstanceOfSatisfying(WorkerAssignment.Assigned.class,
            a -> assertThat(a.worker().identity()).isEqualTo("alice@example.com"));
        assertThat(outcome.at()).isEqualTo(start.plusSeconds(3));
    }

    @Test
    void aWorkerAddedAfterTheTimeoutComesTooLate() {
        InboundLookup.Created created = newConversation(Routing.none());

        Outcome outcome = session(created, () -> addAliceAfter(created.conversation().sid(), Duration.ofSeconds(6)));

        assertThat(outcome.assignment()).isEmpty();
        assertThat(outcome.at()).isEqualTo(start.plus(ROUTING_ASSIGNMENT_TIMEOUT));
    }

    @Test
    void poolRoutingAssignsAtOnce() {
        frontline.workers().create(account.sid(), "alice@example.com", WorkerParams.NONE.withAvailable(true));

        Outcome outcome = session(newConversation(Routing.pool()));

        assertThat(outcome.assignment()).get().isInstanceOf(WorkerAssignment.Assigned.class);
        assertThat(outcome.at()).isEqualTo(start);
    }

    @Test
    void customRoutingOverHttpTakesNoVirtualTime() throws IOException {
        frontline.workers().create(account.sid(), "alice@example.com", WorkerParams.NONE);
        HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        app.createContext("/routing", exchange -> {
            try (exchange) {
                Params form = Params.parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                frontline.participants().add(form.get("AccountSid").orElseThrow(), form.get("ChatServiceSid").orElseThrow(),
                    form.get("ConversationSid").orElseThrow(), ParticipantParams.chat("alice@example.com"));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        app.start();
        try {
            Outcome outcome = session(newConversation(
                Routing.custom("http://127.0.0.1:" + app.getAddress().getPort() + "/routing")));

            assertThat(outcome.assignment()).get().isInstanceOf(WorkerAssignment.Assigned.class);
            assertThat(outcome.at()).isEqualTo(start);
        } finally {
            app.stop(0);
        }
    }

    @Test
    void aSessionWaitsInItsOwnMailboxAndNoticesTheCallerHangingUp() {
        InboundLookup.Created created = newConversation(Routing.none());
        AtomicReference<String> ended = new AtomicReference<>();
        Mailbox<Object> signals = clock.mailbox();
        clock.spawn("session", () -> {
            clock.schedule(start.plusSeconds(2), () -> signals.post("caller hung up"));
            Instant deadline = clock.now().plus(ROUTING_ASSIGNMENT_TIMEOUT);
            try (Subscription ignored = frontline.onWorkerAdded(created.conversation().sid(), signals::post)) {
                boolean noWorker = frontline.workerOf(created.conversation()) instanceof WorkerAssignment.NoWorker;
                Optional<Object> signal = noWorker ? signals.poll(deadline) : Optional.of("worker");
                ended.set(signal.map(Object::toString).orElse("timeout") + " at +"
                    + Duration.between(start, clock.now()).toSeconds() + "s");
            }
        });

        assertThat(clock.await(() -> ended.get() != null, HANG_GUARD)).isTrue();
        assertThat(ended.get()).isEqualTo("caller hung up at +2s");
    }
}
