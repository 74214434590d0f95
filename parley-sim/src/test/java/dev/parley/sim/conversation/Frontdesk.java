package dev.parley.sim.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.Sids;
import dev.parley.engine.store.memory.InMemoryMediaStore;
import dev.parley.engine.store.memory.InMemoryStore;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationParams;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.engine.conversation.Routing;
import dev.parley.engine.conversation.Worker;
import dev.parley.engine.conversation.WorkerParams;
import dev.parley.engine.webhook.HttpWebhookTransport;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.OnClock;
import dev.parley.sim.scenario.TestApp;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Frontline company on one Parley, for the {@code <Connect><Conversation>} suite: virtual time and phones, the call
 * engine with its conversations, a Frontline service, the company's number {@link #COMPANY} (the proxy address
 * customers know) whose voice URL is {@code /voice} of an app on loopback, a worker {@link #ALICE} reached at her
 * virtual phone {@code client:alice}, and a customer {@link #CUSTOMER}. Waiting lets virtual time run and gives up
 * after a real-time deadline (a hang guard, never a measurement).
 */
final class Frontdesk implements AutoCloseable {

    static final String COMPANY = "+15559990001";
    static final String CUSTOMER = "+15551230001";
    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final Duration HANG_GUARD = Duration.ofSeconds(20);
    /** Twilio's standard request parameters, as Parley sends them on every TwiML request of a call. */
    static final List<String> STANDARD = List.of("AccountSid", "ApiVersion", "CallSid", "CallStatus", "Called", "Caller",
        "Direction", "From", "To");
    static final String RFC_2822 = "[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000";

    final VirtualClock clock = new VirtualClock();
    final VirtualNetwork network = new VirtualNetwork(clock);
    final Directory directory;
    final Account account;
    final TestApp app;
    final HttpWebhookTransport transport = new HttpWebhookTransport();
    final OutageStore store = new OutageStore();
    final Frontline frontline;
    final CallEngine engine;
    final ConversationService service;

    Frontdesk() {
        InMemoryStore memory = new InMemoryStore();
        Sids sids = new Sids(new Random(8));
        directory = new Directory(memory, sids, clock);
        account = directory.createAccount("frontline", clock.now());
        app = new TestApp(account.authToken());
        frontline = new Frontline(store, sids, clock, transport, directory);
        engine = new CallEngine(clock, network, directory, memory, new InMemoryMediaStore(), sids, transport,
            "http://127.0.0.1:8080").conversations(frontline).start();
        network.arrivals(engine);
        directory.addNumber(account.sid(), COMPANY, app.url("/voice"), clock.now());
        service = frontline.services().create(account.sid(), "Frontline Service");
    }

    // ---- the company's setup

    Worker worker(String identity) {
        return frontline.workers().create(account.sid(), identity, WorkerParams.NONE.withAvailable(true));
    }

    /** A conversation of the customer with the company's number, owned by the worker. */
    Conversation conversation(String customer, String workerIdentity) {
        Conversation conversation = customerConversation(customer);
        frontline.participants().add(account.sid(), service.sid(), conversation.sid(), ParticipantParams.chat(workerIdentity));
        return conversation;
    }

    /** A conversation with the customer and no worker. */
    Conversation customerConversation(String customer) {
        Conversation conversation = frontline.conversations().create(account.sid(), service.sid(), ConversationParams.NONE);
        frontline.participants().add(account.sid(), service.sid(), conversation.sid(),
            ParticipantParams.customer(customer, COMPANY));
        return conversation;
    }

    /** Alice, available, owning the customer's conversation; her phone answers after a second. */
    Conversation aliceOwnsTheCustomer() {
        worker(ALICE);
        return conversation(CUSTOMER, ALICE);
    }

    void routing(Routing routing) {
        frontline.services().route(account.sid(), service.sid(), routing);
    }

    // ---- the app

    /** {@code /voice} answers {@code <Connect connectAttributes><Conversation serviceInstanceSid attributes/></Connect>}. */
    void connect(String connectAttributes, String conversationAttributes) {
        app.twiml("/voice", "<Response>" + connectElement(connectAttributes, conversationAttributes) + "</Response>");
    }

    /** {@code /voice} connects with {@code action="/action"}; the action's TwiML says the Result. */
    void connectWithAction(String conversationAttributes) {
        connect("action=\"/action\"", conversationAttributes);
        app.route("/action", r -> TestApp.Response.twiml("<Response><Say>" + r.param("Result") + "</Say></Response>"));
    }

    String connectElement(String connectAttributes, String conversationAttributes) {
        return "<Connect " + connectAttributes + "><Conversation serviceInstanceSid=\"" + service.sid() + "\" "
            + conversationAttributes + "/></Connect>";
    }

    /** The app answers 204 on these paths (callbacks). */
    void accepting(String... paths) {
        for (String path : paths) app.route(path, r -> TestApp.Response.status(204));
    }

    // ---- phones and calls

    VirtualPhone customer() {
        return network.phone(CUSTOMER);
    }

    VirtualPhone phoneOf(String identity) {
        return network.phone("client:" + identity);
    }

    /** The customer calls the company; returns the CallSid. */
    String customerCalls() {
        return customer().call(COMPANY).orElseThrow();
    }

    /** The worker calls from the Frontline app about a conversation (decision 3). */
    String workerCalls(String identity, String conversationSid) {
        return phoneOf(identity).call(COMPANY, Map.of("ConversationSid", conversationSid)).orElseThrow();
    }

    /**
     * Places a call on a clock thread (virtual time stands still meanwhile) and runs {@code update} with its CallSid
     * exactly {@code delay} later in virtual time. Returns the CallSid.
     */
    String callThen(Supplier<String> call, Duration delay, Consumer<String> update) {
        return OnClock.run(clock, HANG_GUARD, () -> {
            String callSid = call.get();
            clock.schedule(clock.now().plus(delay), () -> update.accept(callSid));
            return callSid;
        });
    }

    void await(BooleanSupplier condition) {
        assertThat(clock.await(condition, HANG_GUARD)).as("condition within the hang guard").isTrue();
    }

    /** Waits until the call and everything it dialled have ended. */
    Call awaitEnded(String callSid) {
        await(() -> engine.call(callSid).map(c -> c.status().isFinal()).orElse(false) && engine.liveCalls() == 0
            && clock.busy() == 0);
        return engine.call(callSid).orElseThrow();
    }

    /** The one request of a path, once it has come. */
    TestApp.Request only(String path) {
        await(() -> !app.requests(path).isEmpty());
        assertThat(app.requests(path)).as("requests to " + path).hasSize(1);
        return app.requests(path).get(0);
    }

    /** Runs the call to its end and returns the one request of the action path. */
    TestApp.Request actionOf(String callSid, String path) {
        awaitEnded(callSid);
        return only(path);
    }

    /** The legs the call dialled. */
    List<Call> dialled(String callSid) {
        return engine.calls(account.sid()).stream().filter(c -> c.parentCallSid().orElse("").equals(callSid))
            .sorted(Comparator.comparing(Call::dateCreated)).toList();
    }

    /** The one leg the session dialled. */
    Call leg(String callSid) {
        List<Call> legs = dialled(callSid);
        assertThat(legs).as("legs dialled by " + callSid).hasSize(1);
        return legs.get(0);
    }

    /** The session status callbacks a path received, in SequenceNumber order, once {@code count} have come. */
    List<TestApp.Request> statusCallbacks(String path, int count) {
        await(() -> app.requests(path).size() >= count);
        return app.requests(path).stream()
            .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.param("SequenceNumber")))).toList();
    }

    /** The standard parameters and these. */
    static String[] standardAnd(String... names) {
        List<String> all = new java.util.ArrayList<>(STANDARD);
        all.addAll(List.of(names));
        return all.toArray(String[]::new);
    }

    List<Integer> alertCodes(String callSid) {
        return engine.alertsOf(callSid).stream().map(a -> a.errorCode()).toList();
    }

    @Override
    public void close() {
        app.close();
        transport.close();
    }
}
