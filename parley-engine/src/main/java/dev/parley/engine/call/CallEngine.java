package dev.parley.engine.call;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.recording.Recordings;
import dev.parley.engine.telephony.CallArrivals;
import dev.parley.engine.telephony.Telephony;
import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.WebhookTransport;
import java.util.ArrayList;
import java.util.Comparator;
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
 */
public final class CallEngine implements CallArrivals, CallContext {

    private static final Logger LOG = LoggerFactory.getLogger(CallEngine.class);

    private final Clock clock;
    private final Telephony telephony;
    private final Directory directory;
    private final Sids sids;
    private final String baseUrl;
    private final Fetcher fetcher;
    private final Callbacks callbacks;
    private final Timeline timeline = new Timeline();
    private final Recordings recordings = new Recordings();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Map<String, CallRun> live = new ConcurrentHashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<Consumer<Call>> endListeners = new ArrayList<>();
    private volatile Sessions sessions = Sessions.NONE;
    private volatile CallObserver observer = CallObserver.NONE;

    public CallEngine(Clock clock, Telephony telephony, Directory directory, Sids sids, WebhookTransport transport,
                      String baseUrl) {
        this.clock = clock;
        this.telephony = telephony;
        this.directory = directory;
        this.sids = sids;
        this.baseUrl = baseUrl;
        this.fetcher = new Fetcher(this, transport);
        this.callbacks = new Callbacks(this, fetcher);
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
            request.timeoutSeconds());
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
     * @return false when the call is not live: it has ended, or it is a dialled leg (redirecting one is not
     *     supported yet). Twilio answers 21220 "Call is not in-progress. Cannot redirect." for an ended call.
     */
    public boolean redirect(String callSid, TwimlSource source) {
        CallRun run = live.get(callSid);
        if (run == null) return false;
        run.post(new Signal.Redirect(source));
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

    public Optional<Call> call(String sid) {
        return Optional.ofNullable(calls.get(sid));
    }

    public List<Call> calls(String accountSid) {
        return calls.values().stream().filter(c -> c.accountSid().equals(accountSid))
            .sorted(Comparator.comparing(Call::dateCreated).reversed()).toList();
    }

    public boolean isLive(String callSid) {
        return live.containsKey(callSid);
    }

    public int liveCalls() {
        return live.size();
    }

    public synchronized List<Alert> alerts(String accountSid) {
        return alerts.stream().filter(a -> a.accountSid().equals(accountSid)).toList();
    }

    public synchronized List<Alert> alertsOf(String callSid) {
        return alerts.stream().filter(a -> a.resourceSid().equals(Optional.of(callSid))).toList();
    }

    /** Called with each call (inbound or API) once it has ended and its final callback has been sent. */
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

    /** Tells this observer of every call set up and ended and every webhook sent (metrics, logs). */
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
        Alert alert = new Alert(sids.next("NO"), call.accountSid(), Optional.of(call.sid()), code, Alert.level(code), text, url,
            method, clock.now());
        synchronized (this) {
            alerts.add(alert);
        }
        timeline.add(clock.now(), call.sid(), "alert", code + " " + text);
    }

    @Override
    public void ended(CallRun run) {
        live.remove(run.sid());
        List<Consumer<Call>> listeners;
        synchronized (this) {
            listeners = List.copyOf(endListeners);
        }
        observer.callEnded(run.call);
        listeners.forEach(l -> l.accept(run.call));
    }

    private Call register(Call call) {
        calls.put(call.sid(), call);
        timeline.add(clock.now(), call.sid(), "status", call.status().value() + " " + call.direction().value()
            + " " + call.from() + " -> " + call.to());
        observer.callCreated(call);
        return call;
    }

    private void start(CallRun run) {
        live.put(run.sid(), run);
        clock.spawn("call-" + run.sid(), run);
    }
}
