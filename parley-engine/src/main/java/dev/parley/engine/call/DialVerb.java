package dev.parley.engine.call;

import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.Dial;
import dev.parley.twiml.DialTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <Dial>} as an explicit state machine. States: {@link State}. Events: leg events of the dialled parties and
 * of the caller, the end of a whisper, the ring timeout, the time limit. Side effects go through the call's context.
 * {@link #exit} is the only place that emits the action request; every terminal path goes through it once.
 *
 * <pre>
 * RINGING --a leg answers, no whisper------------------> BRIDGED
 * RINGING --a leg answers, whisper---------------------> RINGING (the leg whispers; others ring on)
 * RINGING --a whisper ends with its document-----------> BRIDGED
 * RINGING --no leg left ringing or whispering, a noun--> RINGING (sequential: the next noun is dialled)
 * RINGING --no leg left ringing or whispering----------> ENDED (no-answer | busy | failed)
 * RINGING --no callerId Twilio accepts (13214)---------> ENDED (failed)
 * RINGING --caller gone--------------------------------> ENDED (canceled)
 * RINGING --the caller presses * (hangupOnStar)--------> ENDED (canceled; the caller goes on to the action)
 * RINGING --last leg ended by the API------------------> ENDED (canceled)
 * BRIDGED --either hangs up, time limit, *, the API----> ENDED (completed)
 * BRIDGED --the API redirects the dialled leg----------> ENDED (completed; the leg runs the new TwiML)
 * </pre>
 *
 * A leg that rings out, or whose whisper hangs up (or whose party hangs up during it), counts as not answered:
 * {@code DialCallStatus=no-answer} when no other leg connects. From the first leg's ringing until a leg is connected
 * or the Dial ends, the caller hears ringback ({@link Ringback}); while a leg whispers, it goes on and the other legs
 * keep ringing; the first whisper to finish wins.
 *
 * <p>With {@code sequential="true"} the nouns are dialled one at a time in document order, each with the whole
 * {@code timeout}: when a leg does not connect (rings out, busy, fails, refused or gone in its whisper, canceled by
 * the API) the next noun is dialled at once; the first to connect wins and the nouns after it are never dialled (no
 * call, no callbacks). A noun refused its caller ID (13214) is skipped when its turn comes; when no noun could be
 * dialled the Dial ends at once, {@code failed}, without DialCallSid. When none connects, DialCallStatus, DialCallSid
 * and DialCallDuration are the last attempt's (Parley's decision: Twilio's docs are silent). Ringback and a
 * {@code record-from-ringing} recording run on from the first leg's ringing across the attempts.
 *
 * <p>{@code timeLimit} counts from the bridge, not from the dial. With {@code hangupOnStar} the caller's {@code *}
 * hangs up on the connected party ({@code DialCallStatus=completed}) and the caller goes on to the action; pressed
 * before a leg connects, it cancels the legs ringing or whispering and the nouns waiting are never dialled
 * ({@code DialCallStatus=canceled}: Twilio support, "What are the possible call statuses", says the child call ends
 * {@code canceled}). The dialled party's {@code *} does nothing.
 *
 * <p>"Caller gone" is the caller hanging up, the API completing the call, or a live update redirecting it: the
 * dialled legs end too ({@code canceled} while ringing, {@code completed} once bridged) and the action is still
 * requested, its TwiML not run (Twilio TwiML changelog, Dial 2021-05-13: the action is requested "when the parent
 * call is transferred to a new TwiML via call modification").
 *
 * <p>A live update that redirects the connected leg ({@link CallEngine#redirect}) unbridges it without hanging it
 * up; the Dial ends as when the dialled party hangs up ({@code DialCallStatus=completed}, {@code DialCallDuration}
 * the time bridged) and the caller goes on, while the leg runs the new TwiML on its own. A leg still whispering
 * has its whisper document replaced; a leg not answered is not redirected (the engine refuses it).
 */
final class DialVerb {

    /** Twilio dials up to ten nouns (at once, or one after another); the first to answer wins. */
    static final int MAX_TARGETS = 10;

    enum State { RINGING, BRIDGED, ENDED }

    private record Whispering(ChildLeg leg, Whisper whisper) {
    }

    private final CallRun run;
    private final Dial dial;
    private final BridgeRecorder recorder;
    private final Ringback ringback;
    private final List<ChildLeg> ringing = new ArrayList<>();
    private final Map<String, Whispering> whispering = new LinkedHashMap<>();
    /** The nouns not dialled yet: with {@code sequential}, those after the leg that rings now. */
    private final Deque<DialTarget> waiting = new ArrayDeque<>();
    /** When the legs ringing now ring out: {@code timeout} after they were dialled. */
    private Instant deadline;
    private State state = State.RINGING;
    private ChildLeg connected;
    private Instant bridgedAt;
    private String dialCallStatus;
    private boolean anyBusy;
    /** A leg rang out, or answered and was refused in its whisper. */
    private boolean unanswered;
    /** The leg DialCallSid names: the one connected, else the only one (with sequential the last one) dialled. */
    private ChildLeg reported;

    private DialVerb(CallRun run, Dial dial) {
        this.run = run;
        this.dial = dial;
        this.recorder = BridgeRecorder.of(run, dial);
        this.ringback = Ringback.of(run, dial);
    }

    static Next run(CallRun run, Dial dial) {
        return new DialVerb(run, dial).run();
    }

    private Next run() {
        run.ensureAnswered();
        waiting.addAll(dial.targets().subList(0, Math.min(MAX_TARGETS, dial.targets().size())));
        try {
            nobodyLeft(); // dials the first wave, or ends the Dial when no noun can be dialled
            ring();
            ringback.stop(); // the ringing is over: a leg is connected, or none will be
            if (state == State.BRIDGED) talk();
        } catch (CallGone gone) {
            ringback.stop();
            settleAfterCallerGone();
            recorder.stop();
            exit(true);
            throw gone;
        }
        recorder.stop();
        return exit(false);
    }

    /**
     * Dials the next wave of waiting nouns: all of them, or with {@code sequential} the next one that can be dialled;
     * false when none could be. A wave's outcome starts afresh: with {@code sequential} the last attempt's is the one
     * reported.
     */
    private boolean dialNext() {
        while (!waiting.isEmpty() && (ringing.isEmpty() || !dial.sequential())) dialTarget(waiting.poll());
        if (ringing.isEmpty()) return false;
        deadline = run.now().plusSeconds(dial.timeout());
        reported = ringing.size() == 1 ? ringing.get(0) : null;
        unanswered = false;
        anyBusy = false;
        return true;
    }

    /** Dials the target if Twilio would accept a caller ID for it. */
    private void dialTarget(DialTarget target) {
        Optional<String> callerId = CallerId.forTarget(run, dial, target);
        if (callerId.isPresent()) {
            Call child = run.context.newChildCall(run.call, callerId.get(), target.address());
            CallSettings settings = new CallSettings(Optional.empty(), dial.method(),
                target.statusCallback().map(run::resolve), target.statusCallbackMethod(), target.statusCallbackEvents(), dial.timeout());
            Optional<TwimlSource.Url> whisper = target.url().map(url -> TwimlSource.Url.of(run.resolve(url), target.method()));
            ChildLeg leg = new ChildLeg(run, child, settings, whisper);
            ringing.add(leg);
            leg.dial();
        }
    }

    private void ring() {
        while (state == State.RINGING) {
            Optional<Signal> signal = run.next(ringing.isEmpty() ? CallRun.FOREVER : deadline);
            if (signal.isEmpty()) {
                for (ChildLeg leg : ringing) leg.hangup(CallStatus.NO_ANSWER);
                ringing.clear();
                unanswered = true;
                nobodyLeft();
                continue;
            }
            switch (signal.get()) {
                case Signal.End(String sid, CallStatus status) -> canceledByApi(sid);
                case Signal.Whispered(String sid, Whisper.Outcome outcome) -> whispered(sid, outcome);
                case Signal.Leg(String sid, LegEvent.Digit digit) when sid.equals(run.sid()) -> {
                    if (isHangupOnStar(digit)) cancelAll();
                }
                case Signal.RedirectLeg(String sid, TwimlSource source) when whispering.containsKey(sid) ->
                    whispering.get(sid).whisper().forward(new Signal.Redirect(source));
                case Signal.Leg(String sid, LegEvent event) when whispering.containsKey(sid) ->
                    whispering.get(sid).whisper().forward(signal.get());
                case Signal.Leg(String sid, LegEvent event) -> {
                    ChildLeg leg = ringingLeg(sid);
                    if (leg != null) ringEvent(leg, event);
                }
                default -> { }
            }
        }
    }

    private void ringEvent(ChildLeg leg, LegEvent event) {
        switch (event) {
            case LegEvent.Ringing r -> {
                leg.ringing();
                ringback.start();
                recorder.ringing();
            }
            case LegEvent.Answered a -> answered(leg);
            case LegEvent.Busy b -> failed(leg, event);
            case LegEvent.Declined d -> failed(leg, event);
            case LegEvent.Failed f -> failed(leg, event);
            case LegEvent.HungUp h -> failed(leg, event);
            default -> { }
        }
    }

    private void answered(ChildLeg leg) {
        leg.answered();
        if (leg.whisper.isEmpty()) {
            bridge(leg);
            return;
        }
        ringing.remove(leg);
        whispering.put(leg.sid(), new Whispering(leg, Whisper.start(run, leg, leg.whisper.get())));
    }

    private void failed(ChildLeg leg, LegEvent event) {
        CallStatus failure = ChildLeg.failure(event);
        anyBusy |= failure == CallStatus.BUSY;
        leg.end(failure);
        ringing.remove(leg);
        nobodyLeft();
    }

    private void whispered(String sid, Whisper.Outcome reported) {
        Whispering done = whispering.remove(sid);
        if (done == null) return;
        Whisper.Outcome outcome = done.whisper().settled(reported);
        switch (outcome) {
            case ACCEPTED -> bridge(done.leg());
            case REFUSED -> done.leg().hangup(CallStatus.COMPLETED);
            case GONE -> done.leg().end(CallStatus.COMPLETED);
        }
        if (outcome != Whisper.Outcome.ACCEPTED) {
            unanswered = true;
            nobodyLeft();
        }
    }

    /** With no leg ringing or whispering, the next noun is dialled (sequential), else the Dial is over. */
    private void nobodyLeft() {
        if (state == State.RINGING && ringing.isEmpty() && whispering.isEmpty() && !dialNext()) {
            end(unanswered ? "no-answer" : anyBusy ? "busy" : "failed");
        }
    }

    /** The API ended a ringing leg ({@code canceled} or {@code completed}: either cancels it). */
    private void canceledByApi(String sid) {
        ChildLeg leg = ringingLeg(sid);
        if (leg == null) return;
        leg.hangup(CallStatus.CANCELED);
        ringing.remove(leg);
        if (ringing.isEmpty() && whispering.isEmpty() && !dialNext()) end("canceled");
    }

    private void bridge(ChildLeg winner) {
        ringing.remove(winner);
        for (ChildLeg other : ringing) other.hangup(CallStatus.CANCELED);
        ringing.clear();
        stopWhispers();
        connected = winner;
        reported = winner;
        bridgedAt = run.now();
        run.bridge(winner.sid());
        recorder.bridged();
        state = State.BRIDGED;
    }

    private void stopWhispers() {
        for (Whispering other : whispering.values()) {
            other.whisper().cancel();
            other.leg().hangup(CallStatus.COMPLETED);
        }
        whispering.clear();
    }

    private void talk() {
        Instant limit = bridgedAt.plusSeconds(dial.timeLimit());
        while (state == State.BRIDGED) {
            Optional<Signal> signal = run.next(limit);
            if (signal.isEmpty()) {
                hangUpConnected();
                return;
            }
            if (signal.get() instanceof Signal.End(String sid, CallStatus status) && sid.equals(connected.sid())
                && status == CallStatus.COMPLETED) {
                hangUpConnected();
                continue;
            }
            if (signal.get() instanceof Signal.RedirectLeg(String sid, TwimlSource source) && sid.equals(connected.sid())) {
                unbridge();
                end("completed");
                run.redirectLeg(connected, source);
                continue;
            }
            if (!(signal.get() instanceof Signal.Leg(String sid, LegEvent event))) continue;
            if (sid.equals(connected.sid()) && event instanceof LegEvent.HungUp) {
                unbridge();
                connected.end(CallStatus.COMPLETED);
                end("completed");
            } else if (sid.equals(run.sid()) && event instanceof LegEvent.Digit digit && isHangupOnStar(digit)) {
                hangUpConnected();
            }
        }
    }

    /** The caller's key that ends the Dial: {@code *} with {@code hangupOnStar}. */
    private boolean isHangupOnStar(LegEvent.Digit digit) {
        return digit.key() == '*' && dial.hangupOnStar();
    }

    /** The caller is gone (hung up, ended or redirected by the API): the dialled legs end too. */
    private void settleAfterCallerGone() {
        if (state == State.RINGING) {
            cancelAll();
        } else if (state == State.BRIDGED) {
            hangUpConnected();
        }
    }

    /**
     * The caller ends the Dial before a leg connects: the ringing legs are {@code canceled}, those whispering hung up,
     * the nouns still waiting never dialled.
     */
    private void cancelAll() {
        for (ChildLeg leg : ringing) leg.hangup(CallStatus.CANCELED);
        ringing.clear();
        stopWhispers();
        waiting.clear();
        end("canceled");
    }

    /** Parley ends the bridge and hangs up the dialled party. */
    private void hangUpConnected() {
        unbridge();
        connected.hangup(CallStatus.COMPLETED);
        end("completed");
    }

    private void unbridge() {
        run.unbridge(connected.sid());
    }

    private void end(String status) {
        state = State.ENDED;
        dialCallStatus = status;
    }

    private ChildLeg ringingLeg(String sid) {
        for (ChildLeg leg : ringing) if (leg.sid().equals(sid)) return leg;
        return null;
    }

    /**
     * The one exit: the action request with DialCallStatus, DialCallSid and DialCallDuration (only when a leg was
     * dialled), and RecordingUrl, RecordingDuration, RecordingSid when the call was recorded. When the caller is gone
     * the request is still made, and what it returns is not run.
     */
    private Next exit(boolean callerGone) {
        run.context.timeline().add(run.now(), run.call, "verb", "Dial ended: " + dialCallStatus);
        if (dial.action().isEmpty()) return Next.CONTINUE;
        Params extra = new Params().add("DialCallStatus", dialCallStatus);
        ChildLeg party = reported;
        if (party != null) {
            extra.add("DialCallSid", party.sid());
            long seconds = party.call.startTime().map(start -> Duration.between(start, run.now()).toSeconds()).orElse(0L);
            extra.add("DialCallDuration", String.valueOf(seconds));
        }
        recorder.addTo(extra);
        String url = run.resolve(dial.action().get());
        if (callerGone) {
            run.context.fetcher().requestIgnoringTwiml(run, url, dial.method(), extra);
            return Next.HANGUP;
        }
        return new Next.Fetch(TwimlSource.Url.of(url, dial.method(), extra));
    }
}
