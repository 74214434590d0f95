package dev.parley.sim.scenario;

import dev.parley.engine.Sids;
import dev.parley.engine.store.memory.InMemoryMediaStore;
import dev.parley.engine.store.memory.InMemoryStore;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.TwimlSource;
import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationParams;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.conversation.InMemoryConversationStore;
import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.engine.conversation.Routing;
import dev.parley.engine.conversation.WorkerParams;
import dev.parley.engine.conversation.WorkerState;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import dev.parley.twiml.HttpMethod;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one {@link SessionFlowPlan} on a Parley of its own (virtual clock and phones, the call engine with its
 * conversations, the flow's app in memory) until everything has settled, and hands back what happened for
 * {@link SessionFlowInvariants}.
 */
final class SessionFlowRunner {

    static final String COMPANY = "+15559990001";
    static final String CUSTOMER = "+15551230001";
    static final String ANONYMOUS = "anonymous";
    static final String ALICE = "alice";
    static final String INVALID_CONVERSATION = "CH00000000000000000000000000000000";

    /** A live update as sent: when, and whether the engine took it. */
    record SentUpdate(SessionFlowPlan.Update update, Instant at, boolean accepted) {
    }

    record Outcome(SessionFlowPlan plan, String callSid, CallEngine engine, String accountSid, SessionFlowApp app,
                   VirtualNetwork network, Optional<String> conversationSid, Optional<SentUpdate> update,
                   boolean settled) {

        Call call() {
            return engine.call(callSid).orElseThrow();
        }

        VirtualPhone caller() {
            return network.phone(plan.workerCall() ? "client:" + ALICE
                : plan.setup() == SessionFlowPlan.Setup.ANONYMOUS ? ANONYMOUS : CUSTOMER);
        }

        VirtualPhone dialledPhone() {
            return network.phone(plan.workerCall() ? CUSTOMER : "client:" + ALICE);
        }
    }

    private final SessionFlowPlan plan;
    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final AtomicReference<SentUpdate> sent = new AtomicReference<>();
    private CallEngine engine;
    private Frontline frontline;
    private Account account;
    private ConversationService service;

    private SessionFlowRunner(SessionFlowPlan plan) {
        this.plan = plan;
    }

    static Outcome run(SessionFlowPlan plan) {
        return new SessionFlowRunner(plan).run();
    }

    private Outcome run() {
        InMemoryStore memory = new InMemoryStore();
        Sids sids = new Sids(new Random(plan.seed()));
        Directory directory = new Directory(memory, sids, clock);
        account = directory.createAccount("sessions", clock.now());
        SessionFlowApp app = new SessionFlowApp(plan, clock);
        InProcessTransport transport = new InProcessTransport(app, clock, account.authToken());
        frontline = new Frontline(new InMemoryConversationStore(), sids, clock, transport, directory);
        engine = new CallEngine(clock, network, directory, memory, new InMemoryMediaStore(), sids, transport,
            "http://127.0.0.1:8080").conversations(frontline).start();
        network.arrivals(engine);
        directory.put(new PhoneNumber(sids.next("PN"), account.sid(), COMPANY, COMPANY,
            Optional.of(SessionFlowApp.BASE + "/t/v"), HttpMethod.POST, Optional.empty(), HttpMethod.POST,
            Optional.empty(), HttpMethod.POST, clock.now()));
        service = frontline.services().create(account.sid(), "Frontline Service");
        app.routesIn(frontline, service.sid());
        Optional<String> conversation = setUp();
        String callSid = OnClock.run(clock, FlowRunner.HANG_GUARD, () -> start(conversation));
        boolean settled = clock.await(() -> engine.liveCalls() == 0 && transport.inFlight() == 0 && clock.busy() == 0,
            FlowRunner.HANG_GUARD);
        return new Outcome(plan, callSid, engine, account.sid(), app, network, conversation, Optional.ofNullable(sent.get()),
            settled);
    }

    /** The conversations, workers and routing the plan's setup calls for; the customer's conversation, if any. */
    private Optional<String> setUp() {
        boolean available = plan.routing() != SessionFlowPlan.RoutingPlan.POOL_NOBODY;
        frontline.workers().create(account.sid(), ALICE, WorkerParams.NONE.withAvailable(available));
        return switch (plan.setup()) {
            case EXISTING, WORKER_CALL, UNKNOWN_SERVICE -> Optional.of(conversation(true));
            case NO_WORKER -> Optional.of(conversation(false));
            case UNUSABLE_WORKER -> {
                frontline.workers().update(account.sid(), ALICE, WorkerParams.NONE.withState(WorkerState.DEACTIVATED));
                yield Optional.of(conversation(true));
            }
            case NEW -> {
                frontline.services().route(account.sid(), service.sid(), switch (plan.routing()) {
                    case NONE -> Routing.none();
                    case POOL, POOL_NOBODY -> Routing.pool();
                    case CUSTOM, CUSTOM_STRANGER -> Routing.custom(SessionFlowApp.BASE + "/routing");
                });
                yield Optional.empty();
            }
            case NO_AUTOCREATE, ANONYMOUS, WORKER_CALL_INVALID -> Optional.empty();
        };
    }

    private String conversation(boolean withAlice) {
        Conversation conversation = frontline.conversations().create(account.sid(), service.sid(), ConversationParams.NONE);
        frontline.participants().add(account.sid(), service.sid(), conversation.sid(),
            ParticipantParams.customer(CUSTOMER, COMPANY));
        if (withAlice) {
            frontline.participants().add(account.sid(), service.sid(), conversation.sid(), ParticipantParams.chat(ALICE));
        }
        return conversation.sid();
    }

    /**
     * Schedules the update, then places the call (on a clock thread: virtual time waits for it). In this order, as
     * in {@link FlowRunner}: the update's timer goes before any the call's threads arm for the same instant.
     */
    private String start(Optional<String> conversation) {
        Instant start = clock.now();
        CompletableFuture<String> placed = new CompletableFuture<>();   // complete before the update's timer fires
        plan.update().ifPresent(update -> clock.schedule(start.plus(update.at()),
            () -> sent.set(new SentUpdate(update, clock.now(), send(update, placed.join())))));
        VirtualPhone dialled = network.phone(plan.workerCall() ? CUSTOMER : "client:" + ALICE);
        FlowRunner.phone(dialled, plan.dialled());
        String callSid;
        if (plan.workerCall()) {
            VirtualPhone alice = FlowRunner.phone(network.phone("client:" + ALICE), plan.caller());
            String sid = plan.setup() == SessionFlowPlan.Setup.WORKER_CALL ? conversation.orElseThrow() : INVALID_CONVERSATION;
            callSid = alice.call(COMPANY, Map.of("ConversationSid", sid)).orElseThrow();
        } else {
            String from = plan.setup() == SessionFlowPlan.Setup.ANONYMOUS ? ANONYMOUS : CUSTOMER;
            callSid = FlowRunner.phone(network.phone(from), plan.caller()).call(COMPANY).orElseThrow();
        }
        placed.complete(callSid);
        return callSid;
    }

    private boolean send(SessionFlowPlan.Update update, String callSid) {
        return switch (update.kind()) {
            case COMPLETE_CALL -> engine.end(callSid, CallStatus.COMPLETED);
            case REDIRECT_CALL -> engine.redirect(callSid, new TwimlSource.Inline("<Response><Say>redirected</Say></Response>"));
            case COMPLETE_LEG, CANCEL_LEG -> liveLeg(callSid)
                .map(leg -> engine.end(leg.sid(), update.kind() == SessionFlowPlan.Update.Kind.COMPLETE_LEG
                    ? CallStatus.COMPLETED : CallStatus.CANCELED))
                .orElse(false);
            case REDIRECT_LEG -> liveLeg(callSid).map(leg -> engine.redirect(leg.sid(),
                new TwimlSource.Inline("<Response><Say>transferred</Say></Response>"))).orElse(false);
        };
    }

    private Optional<Call> liveLeg(String callSid) {
        return engine.calls(account.sid()).stream()
            .filter(c -> c.parentCallSid().equals(Optional.of(callSid)) && !c.status().isFinal()).findFirst();
    }
}
