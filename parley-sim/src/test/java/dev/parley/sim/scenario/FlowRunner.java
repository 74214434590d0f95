package dev.parley.sim.scenario;

import dev.parley.engine.Sids;
import dev.parley.engine.store.memory.InMemoryMediaStore;
import dev.parley.engine.store.memory.InMemoryStore;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallRecordingOptions;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.TwimlSource;
import dev.parley.engine.webhook.HttpWebhookTransport;
import dev.parley.engine.webhook.WebhookTransport;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * Runs one {@link FlowPlan} on a Parley of its own (virtual clock, virtual phones, call engine, the flow's app in
 * memory or on loopback HTTP) until everything has settled, and hands back what happened for
 * {@link FlowInvariants}.
 */
final class FlowRunner {

    static final String NUMBER = "+15550001000";
    static final String CALLER = "+15557770001";
    static final String CALLEE = "+15558880001";
    /**
     * Real time a flow may take before it counts as hung (a guard, never a measurement). Generous: a recorded call
     * bridged up to {@code <Dial>}'s 4-hour {@code timeLimit} mixes and stores hours of audio when it ends (seconds of
     * CPU, while other flows run on the same cores), and its final callbacks come after that.
     */
    static final Duration HANG_GUARD = Duration.ofMinutes(2);

    /** How long an aimed leg redirect waits for an answered leg at most: {@link #AIM_TRIES} steps of {@link #AIM_STEP}. */
    static final Duration AIM_STEP = Duration.ofSeconds(1);
    static final int AIM_TRIES = 90;

    /** A live update as sent: when, to which call, and whether the engine took it. */
    record SentUpdate(FlowPlan.Update update, Instant at, String callSid, boolean accepted) {
    }

    /** {@code media}: the flow's recordings' audio, to {@link #close} once the flow has been checked. */
    record Outcome(FlowPlan plan, String callSid, CallEngine engine, String accountSid, FlowApp app,
                   VirtualNetwork network, List<SentUpdate> updates, boolean settled, InMemoryMediaStore media)
        implements AutoCloseable {

        /** Deletes what the flow's recordings keep in files (hours-long ones do). */
        @Override
        public void close() {
            media.close();
        }

        Call call() {
            return engine.call(callSid).orElseThrow();
        }

        /** The phone that talks to Parley on the flow's call: the caller, or the called party of an API call. */
        Optional<VirtualPhone> party() {
            return network.find(plan.inbound() ? CALLER : CALLEE);
        }
    }

    private final FlowPlan plan;
    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final List<SentUpdate> updates = new CopyOnWriteArrayList<>();
    private FlowApp app;
    private CallEngine engine;
    private Account account;

    private FlowRunner(FlowPlan plan) {
        this.plan = plan;
    }

    static Outcome run(FlowPlan plan) {
        return new FlowRunner(plan).run();
    }

    private Outcome run() {
        Sids sids = new Sids(new Random(plan.seed()));
        InMemoryStore store = new InMemoryStore();
        Directory directory = new Directory(store, sids, clock);
        account = directory.createAccount("flows", clock.now());
        TestApp http = plan.http() ? new TestApp(account.authToken()) : null;
        app = new FlowApp(plan, http == null ? "http://app.test" : http.url(""), network, clock);
        WebhookTransport transport;
        if (http != null) {
            http.otherwise(r -> {
                InProcessTransport.Answer a = app.answer(r.method(), r.path(), r.params(), r.signatureValid());
                return new TestApp.Response(a.status(), a.contentType(), a.body());
            });
            transport = new HttpWebhookTransport();
        } else {
            transport = new InProcessTransport(app, clock, account.authToken());
        }
        IntSupplier inFlight = transport instanceof InProcessTransport t ? t::inFlight : () -> 0;
        InMemoryMediaStore media = new InMemoryMediaStore();
        engine = new CallEngine(clock, network, directory, store, media, sids, transport,
            "http://127.0.0.1:8080").start();
        network.arrivals(engine);
        directory.put(new PhoneNumber(sids.next("PN"), account.sid(), NUMBER, NUMBER, Optional.of(app.offer("/t/v")),
            HttpMethod.POST, fallback(), HttpMethod.POST, statusCallback(), HttpMethod.POST, clock.now()));
        try {
            String callSid = OnClock.run(clock, HANG_GUARD, this::start);
            boolean settled = clock.await(() -> engine.liveCalls() == 0 && inFlight.getAsInt() == 0 && clock.busy() == 0,
                HANG_GUARD);
            return new Outcome(plan, callSid, engine, account.sid(), app, network, List.copyOf(updates), settled, media);
        } finally {
            if (http != null) http.close();
            if (transport instanceof HttpWebhookTransport h) h.close();
        }
    }

    private Optional<String> fallback() {
        return plan.fallback() ? Optional.of(app.offer(FlowApp.FALLBACK)) : Optional.empty();
    }

    private Optional<String> statusCallback() {
        return plan.statusEvents().map(e -> app.base + FlowApp.STATUS);
    }

    /**
     * Schedules what happens to the call, then places it (runs on a clock thread: virtual time waits for it). The
     * order matters: placing the call starts the engine's call thread at once, and what it arms (the phone's script,
     * counted from the answer) may fall due at the very instant of an update (a plan aims some there). Timers due at
     * the same instant fire in the order they were scheduled, so the flow's own go first, always, rather than as the
     * two threads happen to race.
     */
    private String start() {
        VirtualPhone party = phone(network.phone(plan.inbound() ? CALLER : CALLEE), plan.party());
        Instant start = clock.now();
        CompletableFuture<String> placed = new CompletableFuture<>();   // complete before any timer below fires
        plan.hangUpEarly().ifPresent(at -> clock.schedule(start.plus(at), () -> {
            try {
                party.hangup();
            } catch (IllegalStateException nothingToHangUp) {
                // the call had already ended
            }
        }));
        for (int k = 0; k < plan.updates().size(); k++) {
            FlowPlan.Update update = plan.updates().get(k);
            int index = k;
            clock.schedule(start.plus(update.at()), () -> deliver(update, index, placed.join(), AIM_TRIES));
        }
        String callSid = plan.inbound() ? party.call(NUMBER).orElseThrow() : engine.create(request()).sid();
        placed.complete(callSid);
        return callSid;
    }

    /**
     * Sends the update now, or, for an {@linkplain FlowPlan.Update#aimed aimed} leg redirect while no leg is answered
     * and the call lives, tries again {@link #AIM_STEP} later ({@code triesLeft} more times at most).
     */
    private void deliver(FlowPlan.Update update, int index, String callSid, int triesLeft) {
        boolean waiting = update.aimed() && triesLeft > 0 && answeredLegs(callSid).isEmpty()
            && !engine.call(callSid).orElseThrow().status().isFinal();
        if (waiting) {
            clock.schedule(clock.now().plus(AIM_STEP), () -> deliver(update, index, callSid, triesLeft - 1));
        } else {
            updates.add(send(update, index, callSid));
        }
    }

    private CallRequest request() {
        Optional<String> url = plan.inlineTwiml() ? Optional.empty() : Optional.of(app.offer("/t/o"));
        Optional<String> twiml = plan.inlineTwiml() ? Optional.of(app.inline("i")) : Optional.empty();
        Optional<CallRecordingOptions> recording = plan.recorded()
            ? Optional.of(CallRecordingOptions.defaults().withChannels(plan.dual()).withStatusCallback(
                app.base + FlowApp.WHOLE_RECORDING, HttpMethod.POST, List.of("in-progress", "completed", "absent")))
            : Optional.empty();
        return new CallRequest(account.sid(), CALLEE, NUMBER, url, twiml, HttpMethod.POST, fallback(), HttpMethod.POST,
            statusCallback(), HttpMethod.POST, plan.statusEvents().orElse(List.of("completed")), plan.timeoutSeconds(),
            recording);
    }

    private SentUpdate send(FlowPlan.Update update, int index, String callSid) {
        Instant now = clock.now();
        return switch (update.kind()) {
            case REDIRECT_URL -> new SentUpdate(update, now, callSid, engine.redirect(callSid,
                TwimlSource.Url.of(app.offer("/t/u" + index), HttpMethod.POST)));
            case REDIRECT_INLINE -> new SentUpdate(update, now, callSid, engine.redirect(callSid,
                new TwimlSource.Inline(app.inline("j" + index))));
            case COMPLETE -> new SentUpdate(update, now, callSid, engine.end(callSid, CallStatus.COMPLETED));
            case CANCEL -> new SentUpdate(update, now, callSid, engine.end(callSid, CallStatus.CANCELED));
            case END_DIALLED_COMPLETED, END_DIALLED_CANCELED -> {
                Optional<Call> leg = liveLeg(callSid, update.pick());
                if (leg.isEmpty()) yield new SentUpdate(update, now, "", false);
                CallStatus status = update.kind() == FlowPlan.Update.Kind.END_DIALLED_COMPLETED
                    ? CallStatus.COMPLETED : CallStatus.CANCELED;
                yield new SentUpdate(update, now, leg.get().sid(), engine.end(leg.get().sid(), status));
            }
            case REDIRECT_DIALLED -> {
                List<Call> answered = answeredLegs(callSid);
                Optional<Call> leg = update.aimed() && !answered.isEmpty()
                    ? Optional.of(answered.get(update.pick() % answered.size())) : liveLeg(callSid, update.pick());
                if (leg.isEmpty()) yield new SentUpdate(update, now, "", false);
                yield new SentUpdate(update, now, leg.get().sid(), engine.redirect(leg.get().sid(), new TwimlSource.Inline(
                    "<Response><Say>Transferred</Say><Pause length=\"" + (1 + update.pick()) + "\"/></Response>")));
            }
        };
    }

    /** One of the legs the call dialled that have not ended, as {@code pick} chooses. */
    private Optional<Call> liveLeg(String callSid, int pick) {
        List<Call> dialled = legs(callSid, status -> !status.isFinal());
        return dialled.isEmpty() ? Optional.empty() : Optional.of(dialled.get(pick % dialled.size()));
    }

    /** The legs the call dialled that are answered and have not ended. */
    private List<Call> answeredLegs(String callSid) {
        return legs(callSid, status -> status == CallStatus.IN_PROGRESS);
    }

    private List<Call> legs(String callSid, Predicate<CallStatus> status) {
        return engine.calls(account.sid()).stream()
            .filter(c -> c.parentCallSid().equals(Optional.of(callSid)) && status.test(c.status()))
            .sorted(Comparator.comparing(Call::dateCreated).thenComparing(Call::to)).toList();
    }

    static VirtualPhone phone(VirtualPhone phone, FlowPlan.Phone plan) {
        switch (plan.behaviour()) {
            case ANSWER -> phone.answerAfter(plan.after());
            case RING_FOREVER -> phone.ringForever();
            case BUSY -> phone.busy();
            case UNREACHABLE -> phone.unreachable();
            case REJECT -> phone.rejectAfter(plan.after());
        }
        plan.hangUpAt().ifPresent(phone::hangupAt);
        for (FlowPlan.Press press : plan.presses()) phone.pressDigitsAt(press.at(), press.keys());
        for (FlowPlan.Talk talk : plan.talks()) phone.talk(talk.from(), talk.length());
        return phone;
    }
}
