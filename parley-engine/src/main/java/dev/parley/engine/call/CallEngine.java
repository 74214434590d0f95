package dev.parley.engine.call;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.recording.Recordings;
import dev.parley.engine.store.AlertFilter;
import dev.parley.engine.store.CallFilter;
import dev.parley.engine.store.MediaStore;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredCall;
import dev.parley.engine.telephony.CallArrivals;
import dev.parley.engine.telephony.Telephony;
import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.WebhookTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls: inbound calls arriving from telephony, outbound calls from the Calls API, live updates, and what they
 * leave behind (timeline, alerts, recordings). One virtual thread (spawned on the clock) runs each call.
 *
 * <p><b>Persistence.</b> The {@link Store} is the record: every call is created there when it starts and written
 * at each change (status, times, status callback settings and sequence, through the call's one observer), alerts
 * and recordings go there (audio to the {@link MediaStore}), and every callback that must not be lost (status,
 * recording status, and the action requests of a call already over) is enqueued in its outbox before it is sent
 * by {@link CallbackDelivery}; each call's timeline goes there line by line. In memory are only what runs: the
 * calls not yet over and their runs. {@link #start} settles what a previous run of this node left: its calls still
 * live in the store are ended ({@code completed} when answered, else {@code failed}: Parley, not the parties, ended
 * them; at the moment of the restart, the first moment Parley knows of it) with their final status callback, and
 * its claimed callbacks are released; then delivery starts.
 *
 * <p><b>Tests</b> run the engine on {@code InMemoryStore} (the engine's own adapter, held to the store's contract
 * suite), because a database per test costs more than most tests: an H2 database in memory with its Flyway
 * migration takes about 40 ms to open, which for the 5,000 flows of {@code RandomFlowsTest} would be minutes. The
 * store module's restart tests run this engine over H2 files and PostgreSQL, and the server's tests over H2.
 */
public final class CallEngine implements CallArrivals, CallContext {

    private static final Logger LOG = LoggerFactory.getLogger(CallEngine.class);

    private final Clock clock;
    private final Telephony telephony;
    private final Directory directory;
    private final Store store;
    private final Sids sids;
    private final String baseUrl;
    private final Fetcher fetcher;
    private final CallbackDelivery delivery;
    private final Callbacks callbacks;
    private final Timeline timeline;
    private final Alerts alerts;
    private final Recordings recordings;
    /** The calls not over yet (a run's call, or a leg it dialled); the store has every call. */
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Map<String, CallRun> live = new ConcurrentHashMap<>();
    private final List<Consumer<Call>> endListeners = new ArrayList<>();
    private volatile Sessions sessions = Sessions.NONE;
    private volatile CallObserver observer = CallObserver.NONE;

    /** An engine over a store and its media; {@link #start} it before use. */
    public CallEngine(Clock clock, Telephony telephony, Directory directory, Store store, MediaStore media, Sids sids,
                      WebhookTransport transport, String baseUrl) {
        this.clock = clock;
        this.telephony = telephony;
        this.directory = directory;
        this.store = store;
        this.sids = sids;
        this.baseUrl = baseUrl;
        this.timeline = new Timeline(store.timelines());
        this.alerts = new Alerts(store, sids, clock, timeline);
        this.recordings = new Recordings(store, media);
        this.fetcher = new Fetcher(this, transport);
        this.delivery = new CallbackDelivery(this, clock, store.outbox(), transport);
        this.callbacks = new Callbacks(this, store.outbox(), delivery);
    }

    /**
     * Settles what this node left in the store when it last stopped, then starts delivering callbacks: the claims
     * it held are released, and each call it still had live is ended and sends its final status callback (with the
     * next {@code SequenceNumber}) when it subscribed to {@code completed}. Returns this engine.
     */
    public CallEngine start() {
        int released = store.outbox().releaseClaims();
        List<StoredCall> left = store.calls().live();
        if (released > 0 || !left.isEmpty()) {
            LOG.info("restart: {} calls live when Parley stopped are ended; {} callbacks under way are sent again",
                left.size(), released);
        }
        for (StoredCall stored : left) {
            Call call = CallRecords.restored(stored);
            call.observe(this::changed);
            CallStatus end = endedAtRestart(stored);
            call.status(end, clock.now());
            timeline.add(clock.now(), call, "status", end.value() + " (live when Parley stopped; ended at restart)");
            new StatusCallbacks(this, call, call.settings()).completed();
            observer.callEnded(call);
        }
        delivery.start();
        return this;
    }

    /**
     * How a call that was live when Parley stopped ends (Twilio has no such case; Parley's decision): an answered one
     * {@code completed}, its duration up to the restart (the first moment Parley knows of the stop); one never
     * answered {@code failed}, Twilio's status for a call that "could not be completed", since Parley, not a party,
     * ended it.
     */
    static CallStatus endedAtRestart(StoredCall call) {
        return call.startTime().isPresent() ? CallStatus.COMPLETED : CallStatus.FAILED;
    }

    /** Stops delivering callbacks (those not delivered stay in the outbox). Calls are not touched. */
    public void close() {
        delivery.stop();
    }

    // ---- inbound ----

    @Override
    public Optional<Arrival> arrive(String from, String to) {
        return arrive(from, to, Map.of());
    }

    /** An inbound call; the device's {@code parameters} go with its first webhook (and stay readable by its verbs). */
    @Override
    public Optional<Arrival> arrive(String from, String to, Map<String, String> parameters) {
        Optional<PhoneNumber> number = directory.numberByAddress(to);
        if (number.isEmpty() || number.get().voiceUrl().isEmpty()) {
            return Optional.empty();
        }
        PhoneNumber pn = number.get();
        Call call = register(new Call(sids.next("CA"), pn.accountSid(), Optional.empty(), from, to, Direction.INBOUND,
            Optional.of(pn.sid()), CallStatus.RINGING, clock.now()));
        CallSettings settings = new CallSettings(pn.voiceFallbackUrl(), pn.voiceFallbackMethod(), pn.statusCallback(),
            pn.statusCallbackMethod(), List.of("completed"), 60);
        Params sent = new Params();
        parameters.forEach(sent::add);
        CallRun run = new CallRun(this, call, settings,
            TwimlSource.Url.of(pn.voiceUrl().get(), pn.voiceMethod(), sent.copy()), sent);
        start(run);
        return Optional.of(new Arrival(call.sid(), event -> run.post(new Signal.Leg(call.sid(), event))));
    }

    // ---- Calls API ----

    /** Creates an outbound-api call (Calls create): it is queued, then rings {@code to}. */
    public Call create(CallRequest request) {
        Call call = register(new Call(sids.next("CA"), request.accountSid(), Optional.empty(), request.from(),
            request.to(), Direction.OUTBOUND_API, Optional.empty(), CallStatus.QUEUED, clock.now()));
        CallSettings settings = new CallSettings(request.fallbackUrl(), request.fallbackMethod(),
            request.statusCallback(), request.statusCallbackMethod(), request.statusCallbackEvents(),
            request.timeoutSeconds(), request.recording());
        TwimlSource source = request.url().<TwimlSource>map(url -> TwimlSource.Url.of(url, request.method()))
            .orElseGet(() -> new TwimlSource.Inline(request.twiml().orElseThrow(
                () -> new IllegalArgumentException("a call needs Url or Twiml"))));
        start(new CallRun(this, call, settings, source));
        return call;
    }

    /**
     * Live update with {@code Url} or {@code Twiml} (Calls update, reference §4.3): the new document replaces what
     * runs now. Whatever verb runs stops at once (speech and audio are cut); a {@code <Dial>} hangs up its
     * dialled legs and still requests its {@code action}, whose TwiML is not run (Twilio TwiML changelog, Dial
     * 2021-05-13: the action is requested "when the parent call is transferred to a new TwiML via call
     * modification"); {@code <Gather>} and {@code <Record>} request no action, and a recording made so far is
     * kept. An API call not answered yet runs the new document once answered (the {@code Url} is fetched "when
     * the call connects").
     *
     * <p>A dialled leg ({@code outbound-dial}) that is answered can be redirected too (the warm transfer: the
     * agent's leg leaves the bridge for other TwiML). It is unbridged and runs the new document as a call of its
     * own, keeping its CallSid, direction, {@code ParentCallSid} and status callbacks; the caller's verb ends as if
     * the leg had hung up: {@code <Dial>} requests its action with {@code DialCallStatus=completed} and the bridged
     * time, and the caller goes on with the action's TwiML (or the verbs after {@code <Dial>}). A leg still
     * whispering has its whisper document replaced. Redirecting the child "will cause the parent call to get new
     * TwiML instructions from its action URL" (danohn/convert-call-to-conference, a Twilio bridged call converted to
     * a conference); {@code DialCallStatus=completed} is Parley's assumption, as for a hang-up of the dialled party.
     * Twilio's 13201 forbids {@code <Dial>} only in a whisper ("before the parties are bridged"), so a redirected
     * leg may dial.
     *
     * @return false when the call cannot be redirected: it has ended, or it is a dialled leg not answered yet (it
     *     runs no TwiML before it is answered; Parley's assumption). Twilio answers 21220 "Call is not in-progress.
     *     Cannot redirect." for an ended call.
     */
    public boolean redirect(String callSid, TwimlSource source) {
        CallRun run = live.get(callSid);
        if (run != null) {
            run.post(new Signal.Redirect(source));
            return true;
        }
        Call call = calls.get(callSid);
        if (call == null || call.direction() != Direction.OUTBOUND_DIAL || call.status() != CallStatus.IN_PROGRESS) {
            return false;
        }
        CallRun caller = call.parentCallSid().map(live::get).orElse(null);
        if (caller == null) return false;
        caller.post(new Signal.RedirectLeg(callSid, source));
        return true;
    }

    /**
     * Live update with {@code Status}. {@code completed} hangs up the call in any state; {@code canceled} ends a
     * call that is not answered yet and "will not affect calls already in progress" (Twilio, Call resource).
     * A call never answered ends {@code canceled} either way. On a dialled leg ({@code outbound-dial}) the
     * caller's {@code <Dial>} ends that leg: a ringing leg is {@code canceled} (and when it was the last one
     * ringing, the Dial ends with {@code DialCallStatus=canceled}, "canceled via the REST API before it was
     * answered"); an answered leg hangs up with {@code completed} and the caller goes on with the Dial's action,
     * as when the dialled party hangs up.
     *
     * @return false when nothing changes: the call is not live, or {@code canceled} met an answered call. Twilio
     *     answers such an update with the unchanged call (200).
     */
    public boolean end(String callSid, CallStatus status) {
        if (status != CallStatus.COMPLETED && status != CallStatus.CANCELED) {
            throw new IllegalArgumentException("a call can be updated to completed or canceled, not " + status.value());
        }
        CallRun run = live.get(callSid);
        if (run != null) return run.end(status);
        Call call = calls.get(callSid);
        if (call == null || call.status().isFinal() || call.direction() != Direction.OUTBOUND_DIAL) return false;
        CallRun caller = call.parentCallSid().map(live::get).orElse(null);
        return caller != null && caller.endDialled(call, status);
    }

    /** A call by SID, whichever account has it: the live one, or as the store keeps it. */
    public Optional<Call> call(String sid) {
        return Optional.ofNullable(calls.get(sid)).or(() -> store.calls().find(sid).map(CallRecords::restored));
    }

    /** The account's calls, newest first. */
    public List<Call> calls(String accountSid) {
        return calls(accountSid, CallFilter.ALL);
    }

    /** The account's calls that match (e.g. the legs a call dialled: {@code CallFilter.ALL.parentCallSid(sid)}). */
    public List<Call> calls(String accountSid, CallFilter filter) {
        return Page.all(page -> store.calls().list(accountSid, filter, page)).stream()
            .map(c -> Optional.ofNullable(calls.get(c.sid())).orElseGet(() -> CallRecords.restored(c))).toList();
    }

    public boolean isLive(String callSid) {
        return live.containsKey(callSid);
    }

    public int liveCalls() {
        return live.size();
    }

    /** The account's alerts, oldest first (those of one instant by SID). */
    public List<Alert> alerts(String accountSid) {
        return alerts.of(accountSid, AlertFilter.ALL);
    }

    /** The alerts about a call, oldest first. */
    public List<Alert> alertsOf(String callSid) {
        return call(callSid).map(c -> alerts.of(c.accountSid(), AlertFilter.ALL.resourceSid(callSid))).orElse(List.of());
    }

    /** Called with each call (inbound or API) once it has ended and its final status callback has been answered. */
    public synchronized void onCallEnded(Consumer<Call> listener) {
        endListeners.add(listener);
    }

    /**
     * Runs {@code <Connect><Conversation>} sessions over these conversations, services and workers. Without it,
     * {@code <Connect>} raises alert 32500 and the next verb runs.
     */
    public CallEngine conversations(Frontline frontline) {
        this.sessions = ConversationSession.over(frontline);
        return this;
    }

    /**
     * Tells this observer of every call set up and ended and every webhook sent (metrics, logs). Set it before
     * {@link #start}, so that it sees the calls a restart ends and the callbacks it delivers.
     */
    public CallEngine observer(CallObserver observer) {
        this.observer = observer;
        return this;
    }

    // ---- CallContext ----

    @Override public Clock clock() { return clock; }
    @Override public Telephony telephony() { return telephony; }
    @Override public Timeline timeline() { return timeline; }
    @Override public Sids sids() { return sids; }
    @Override public Logger log() { return LOG; }
    @Override public Fetcher fetcher() { return fetcher; }
    @Override public Callbacks callbacks() { return callbacks; }
    @Override public Recordings recordings() { return recordings; }
    @Override public Sessions sessions() { return sessions; }
    @Override public String baseUrl() { return baseUrl; }
    @Override public CallObserver observer() { return observer; }

    @Override
    public String authToken(String accountSid) {
        return directory.account(accountSid).map(Account::authToken).orElse("");
    }

    @Override
    public boolean isAccountNumber(String accountSid, String phoneNumber) {
        return directory.numberByAddress(phoneNumber).filter(n -> n.accountSid().equals(accountSid)).isPresent();
    }

    @Override
    public Call newChildCall(Call parent, String from, String to) {
        return register(new Call(sids.next("CA"), parent.accountSid(), Optional.of(parent.sid()), from, to,
            Direction.OUTBOUND_DIAL, Optional.empty(), CallStatus.QUEUED, clock.now()));
    }

    @Override
    public void alert(Call call, int code, String text, Optional<String> url, Optional<String> method) {
        alert(call.accountSid(), Optional.of(call.sid()), code, text, url, method);
    }

    /** Records a debugger alert about a resource of the account (a call, usually). */
    void alert(String accountSid, Optional<String> resourceSid, int code, String text, Optional<String> url,
               Optional<String> method) {
        alerts.raise(accountSid, resourceSid, code, text, url, method);
    }

    /**
     * The observer is told before the call stops being {@link #isLive live}, so that whoever sees it not live (a
     * test, the timeline's {@code Wait}) also sees what the observer wrote (the {@code call.ended} log line); the
     * end listeners come after, so that one that reads {@code isLive} reads false.
     */
    @Override
    public void ended(CallRun run) {
        observer.callEnded(run.call);
        live.remove(run.sid());
        List<Consumer<Call>> listeners;
        synchronized (this) {
            listeners = List.copyOf(endListeners);
        }
        listeners.forEach(l -> l.accept(run.call));
    }

    /** A new call: kept while it is not over, and created in the store, which then follows each of its changes. */
    private Call register(Call call) {
        calls.put(call.sid(), call);
        store.calls().create(CallRecords.stored(call));
        call.observe(this::changed);
        timeline.add(clock.now(), call, "status", call.status().value() + " " + call.direction().value()
            + " " + call.from() + " -> " + call.to());
        observer.callCreated(call);
        return call;
    }

    /**
     * A call changed: the store gets it as it is now. The call's lock is held across the write, so that two
     * changes reach the store in the order they happened. A call over leaves memory once the store has it. A store
     * that fails does not stop the call: the next change writes everything again.
     */
    private void changed(Call call) {
        synchronized (call) {
            try {
                store.calls().update(CallRecords.stored(call));
            } catch (StoreException e) {
                LOG.error("call {} could not be written to the store", call.sid(), e);
                return;
            }
            if (call.status().isFinal()) calls.remove(call.sid());
        }
    }

    @Override
    public void start(CallRun run) {
        live.put(run.sid(), run);
        clock.spawn("call-" + run.sid(), run);
    }
}
