package dev.parley.engine.call;

import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.session.DialCallStatus;
import dev.parley.engine.session.Result;
import dev.parley.engine.session.SessionContext;
import dev.parley.engine.session.SessionEvent;
import dev.parley.engine.session.SessionMachine;
import dev.parley.engine.session.SessionSettings;
import dev.parley.engine.session.SessionState;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.Connect;
import dev.parley.twiml.Conversation;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code <Connect><Conversation>} on a call: the session's {@link SessionMachine} driven by the call's run, and its
 * {@link SessionContext} over the engine. The run's signals become the machine's events: the dialled leg's events
 * (while it whispers they go to the whisper instead), the whisper's end, routing's news, the deadline, and the
 * caller going (hang-up, or a live update ending or redirecting the call). The leg is dialled, whispers, is bridged
 * and recorded exactly as {@code <Dial>} does it ({@link ChildLeg}, {@link Whisper}, {@link BridgeRecorder}).
 *
 * <p>When the session is over, {@link #ended} makes its one action request: for a caller still there as the next
 * document to run, for a caller gone at once, its TwiML not run. Without {@code action} the verbs after
 * {@code </Connect>} run.
 */
final class ConversationSession implements SessionContext {

    private final CallRun run;
    private final Connect connect;
    private final Conversation attributes;
    private final BridgeRecorder recorder;
    private final Ringback ringback;
    private final SessionMachine machine;
    private ChildLeg leg;
    private Whisper whisper;
    private boolean bridged;
    /** Why the caller's run cannot go on after the session, if so. */
    private CallGone gone;
    private Next next = Next.CONTINUE;

    private ConversationSession(CallRun run, Connect connect, Frontline frontline) {
        this.run = run;
        this.connect = connect;
        this.attributes = connect.conversation();
        this.recorder = BridgeRecorder.of(run, attributes);
        this.ringback = Ringback.of(run);
        this.machine = new SessionMachine(this, frontline, SessionSettings.of(attributes, run::resolve));
    }

    /** The engine's {@link Sessions} over these conversations. */
    static Sessions over(Frontline frontline) {
        return (run, connect) -> new ConversationSession(run, connect, frontline).run();
    }

    private Next run() {
        machine.start();
        while (!machine.ended()) {
            if (gone != null) {
                machine.fire(new SessionEvent.CallerGone());
                break;
            }
            Optional<Signal> signal;
            Optional<Instant> deadline = machine.deadline();
            try {
                signal = run.next(deadline.orElse(CallRun.FOREVER));
            } catch (CallGone callerGone) {
                gone = callerGone;
                machine.fire(new SessionEvent.CallerGone());
                break;
            }
            if (signal.isEmpty()) {
                machine.fire(deadline.isPresent() ? new SessionEvent.DeadlinePassed()
                    : new SessionEvent.Failure(new IllegalStateException("the clock ran out of time in " + machine.state())));
            } else {
                event(signal.get()).ifPresent(machine::fire);
            }
        }
        if (!machine.ended()) {
            machine.fire(new SessionEvent.Failure(new IllegalStateException("the caller left in " + machine.state())));
        }
        if (gone != null) throw gone;
        return next;
    }

    /** The machine's event for a signal of the run, if it is one for the session. */
    private Optional<SessionEvent> event(Signal signal) {
        return switch (signal) {
            case Signal.Session(SessionEvent event) -> Optional.of(event);
            case Signal.Whispered(String sid, Whisper.Outcome outcome) when isLeg(sid) && whisper != null ->
                Optional.of(whisper.settled(outcome) == Whisper.Outcome.ACCEPTED ? new SessionEvent.WhisperAccepted()
                    : new SessionEvent.WhisperRefused());
            case Signal.Leg(String sid, LegEvent event) when isLeg(sid) -> legEvent(signal, event);
            case Signal.End(String sid, CallStatus status) when isLeg(sid) -> Optional.of(new SessionEvent.LegEndedByApi());
            case Signal.RedirectLeg(String sid, TwimlSource source) when isLeg(sid) -> legRedirected(source);
            default -> Optional.empty();
        };
    }

    /**
     * A live update of the worker's answered leg. While it whispers, the whisper's document is replaced (as for
     * {@code <Dial>}). Once connected, the session ends {@code session-success} with {@code DialCallStatus=completed},
     * as when the worker hangs up (reference §1.5: "answered → bridge A⇄B; either hangs up → END Result=session-success"; a redirect is not in the reference, Parley's
     * decision), and the leg, unbridged, runs the new TwiML on its own.
     */
    private Optional<SessionEvent> legRedirected(TwimlSource source) {
        if (machine.state() == SessionState.WHISPERING) {
            whisper.forward(new Signal.Redirect(source));
        } else if (machine.state() == SessionState.CONNECTED) {
            machine.fire(new SessionEvent.LegRedirected());
            run.redirectLeg(leg, source);
        }
        return Optional.empty();
    }

    /** The dialled leg's event: its call record follows it, the machine decides what it means. */
    private Optional<SessionEvent> legEvent(Signal signal, LegEvent event) {
        if (machine.state() == SessionState.WHISPERING) {
            whisper.forward(signal);
            return Optional.empty();
        }
        boolean answered = leg.call.startTime().isPresent();
        return switch (event) {
            case LegEvent.Ringing r -> {
                leg.ringing();
                yield Optional.of(new SessionEvent.LegRinging());
            }
            case LegEvent.Answered a -> {
                leg.answered();
                yield Optional.of(new SessionEvent.LegAnswered());
            }
            case LegEvent.Busy b -> ended(CallStatus.BUSY, new SessionEvent.LegBusy());
            case LegEvent.Declined d -> ended(CallStatus.BUSY, new SessionEvent.LegBusy());
            case LegEvent.Failed f -> ended(CallStatus.FAILED, new SessionEvent.LegFailed());
            case LegEvent.HungUp h -> answered ? ended(CallStatus.COMPLETED, new SessionEvent.LegHungUp())
                : ended(CallStatus.FAILED, new SessionEvent.LegFailed());
            default -> Optional.empty();
        };
    }

    private Optional<SessionEvent> ended(CallStatus status, SessionEvent event) {
        leg.end(status);
        return Optional.of(event);
    }

    private boolean isLeg(String callSid) {
        return leg != null && leg.sid().equals(callSid);
    }

    // ---------------------------------------------------------------- SessionContext

    @Override public String accountSid() { return run.call.accountSid(); }
    @Override public String from() { return run.call.from(); }
    @Override public String to() { return run.call.to(); }
    @Override public boolean inbound() { return run.call.direction() == Direction.INBOUND; }
    @Override public Optional<String> parameter(String name) { return run.parameters.get(name); }
    @Override public Instant now() { return run.now(); }

    @Override
    public void post(SessionEvent event) {
        run.post(new Signal.Session(event));
    }

    /** A caller who hung up meanwhile (or whom a live update ended) cannot be answered: the session notices next. */
    @Override
    public void answerCaller() {
        try {
            run.ensureAnswered();
        } catch (CallGone callerGone) {
            gone = callerGone;
        }
    }

    @Override
    public void refuseCaller() {
        run.refuse(false).ifPresent(refused -> gone = refused);
    }

    @Override
    public String dial(String from, String to) {
        Call child = run.context.newChildCall(run.call, from, to);
        Optional<TwimlSource.Url> whisperSource = attributes.url()
            .map(url -> TwimlSource.Url.of(run.resolve(url), attributes.method()));
        leg = new ChildLeg(run, child, CallSettings.none(), whisperSource);
        leg.dial();
        return child.sid();
    }

    @Override
    public void startWhisper() {
        whisper = Whisper.start(run, leg, leg.whisper.orElseThrow());
    }

    @Override
    public void stopWhisper() {
        if (whisper != null) whisper.cancel();
    }

    @Override
    public void bridge() {
        ringback.stop();
        run.bridge(leg.sid());
        bridged = true;
        recorder.bridged();
    }

    @Override
    public void unbridge() {
        if (!bridged) return;
        bridged = false;
        run.unbridge(leg.sid());
    }

    @Override
    public void hangUpLeg(DialCallStatus status) {
        leg.hangup(CallStatus.of(status.value()));
    }

    @Override
    public long legDuration() {
        Call call = leg.call;
        return call.startTime().map(start -> Duration.between(start, call.endTime().orElse(run.now())).toSeconds())
            .orElse(0L);
    }

    @Override
    public void legRinging() {
        ringback.start();
        recorder.ringing();
    }

    @Override
    public Params stopRecording() {
        recorder.stop();
        Params params = new Params();
        recorder.addTo(params);
        return params;
    }

    @Override
    public void sendStatusCallback(String url, HttpMethod method, Params params) {
        run.context.callbacks().send(run.call, url, method, params,
            WebhookPurpose.CONVERSATION_STATUS_CALLBACK, params.get("Status").orElse(""));
    }

    @Override
    public void alert(int code, String text) {
        run.context.alert(run.call, code, text, Optional.empty(), Optional.empty());
    }

    @Override
    public void note(String text) {
        run.context.timeline().add(run.now(), run.call, "session", text);
    }

    /**
     * The one action request. A caller who left before the session could notice (it ended without waiting, e.g.
     * right after a hang-up during the verb before it) still gets it, made at once, its TwiML not run.
     */
    @Override
    public void ended(Result result, Params actionParams) {
        ringback.stop();
        if (gone == null) {
            try {
                run.ensureLive();
            } catch (CallGone left) {
                gone = left;
            }
        }
        Optional<String> action = connect.action().map(run::resolve);
        if (action.isEmpty()) {
            next = Next.CONTINUE;
        } else if (gone != null) {
            run.context.fetcher().requestIgnoringTwiml(run, action.get(), connect.method(), actionParams);
        } else {
            next = new Next.Fetch(TwimlSource.Url.of(action.get(), connect.method(), actionParams));
        }
    }
}
