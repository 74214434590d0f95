package dev.parley.bench.flow;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.store.memory.InMemoryMediaStore;
import dev.parley.engine.store.memory.InMemoryStore;
import dev.parley.engine.webhook.WebhookTransport;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.util.Optional;

/**
 * A whole Parley for one part of a load run, wired as a deployment would be: a clock, telephony (the virtual
 * network), the store (in memory), the account and its number (voice URL and status callback at the app), and the
 * call engine sending its webhooks through the run's transport. Each part gets a fresh one, so that the calls an
 * earlier part left in memory do not weigh on the next.
 */
final class Parley implements AutoCloseable {

    final Clock clock;
    final VirtualNetwork network;
    final CallEngine engine;
    private final String accountSid;

    Parley(Clock clock, WebhookTransport transport, FlowApp app, Account account) {
        this.clock = clock;
        this.network = new VirtualNetwork(clock);
        this.accountSid = account.sid();
        Sids sids = Sids.secure();
        InMemoryStore store = new InMemoryStore();
        Directory directory = new Directory(store, sids, clock);
        directory.put(account);
        directory.put(new PhoneNumber(sids.next("PN"), account.sid(), Flow.NUMBER, Flow.NUMBER,
            Optional.of(app.url(Flow.VOICE)), HttpMethod.POST, Optional.empty(), HttpMethod.POST,
            Optional.of(app.url(Flow.STATUS)), HttpMethod.POST, clock.now()));
        this.engine = new CallEngine(clock, network, directory, store, new InMemoryMediaStore(), sids, transport,
            "http://127.0.0.1:8080").start();
        network.arrivals(engine);
    }

    /**
     * Starts flow number {@code i}: its caller presses 1 during the prompt; its agent answers after a second and
     * hangs up after {@code talk}, or stays on the call when there is none. Returns the caller's CallSid.
     */
    String start(int i, Optional<Duration> talk) {
        VirtualPhone agent = network.phone(Flow.agent(i)).answerAfter(Duration.ofSeconds(1));
        talk.ifPresent(agent::hangupAt);
        VirtualPhone caller = network.phone(Flow.caller(i)).pressDigitsAt(Flow.PRESS_AT, "1");
        return caller.call(Flow.NUMBER).orElseThrow(() -> new IllegalStateException("the number did not answer"));
    }

    /** The agent of flow {@code i}. */
    VirtualPhone agent(int i) {
        return network.phone(Flow.agent(i));
    }

    /** Of flows {@code first} to {@code first + count - 1}, those whose agent is on the call, bridged to the caller. */
    int bridged(int first, int count) {
        int bridged = 0;
        for (int i = first; i < first + count; i++) {
            Optional<PhoneCall> call = agent(i).lastCall();
            if (call.isPresent() && call.get().status() == PhoneCall.Status.IN_PROGRESS
                && !call.get().connections().isEmpty() && call.get().connections().getLast().to().isEmpty()) {
                bridged++;
            }
        }
        return bridged;
    }

    /** Calls (callers' and agents') the engine has had. */
    int calls() {
        return engine.calls(accountSid).size();
    }

    /** Calls that did not end {@code completed}: in a flow that went as planned, none. */
    long callsNotCompleted() {
        return engine.calls(accountSid).stream().filter(c -> c.status() != CallStatus.COMPLETED).count();
    }

    /** Debugger alerts the engine raised (failed webhooks, TwiML warnings): in a flow as planned, none. */
    int alerts() {
        return engine.alerts(accountSid).size();
    }

    /** Stops the engine's callback delivery (its loop on the clock). */
    @Override
    public void close() {
        engine.close();
    }
}
