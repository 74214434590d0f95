package dev.parley.engine.call;

import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.Dial;
import dev.parley.twiml.DialTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <Dial>} as an explicit state machine. States: {@link State}. Events: leg events of the dialled
 * parties and of the caller, the ring timeout, the time limit. Side effects go through the call's context.
 * {@link #exit} is the only place that emits the action request; every terminal path goes through it once.
 *
 * <pre>
 * RINGING --child answered--------------------> BRIDGED
 * RINGING --all busy/failed, timeout, caller gone--> ENDED (busy | failed | no-answer | canceled)
 * RINGING --last ringing leg ended by the API--> ENDED (canceled)
 * BRIDGED --either hangs up, time limit, *, dialled leg completed by the API--> ENDED (completed)
 * </pre>
 *
 * <p>"Caller gone" is the caller hanging up, the API completing the call, or a live update redirecting it: the
 * dialled legs end too ({@code canceled} while ringing, {@code completed} once bridged) and the action is still
 * requested, its TwiML not run (Twilio TwiML changelog, Dial 2021-05-13: the action is requested "when the parent
 * call is transferred to a new TwiML via call modification").
 */
final class DialVerb {

    /** Twilio dials up to ten nouns at once; the first to answer wins. */
    static final int MAX_TARGETS = 10;

    enum State { RINGING, BRIDGED, ENDED }

    private final CallRun run;
    private final Dial dial;
    private final List<ChildLeg> ringing = new ArrayList<>();
    private State state = State.RINGING;
    private ChildLeg connected;
    private Instant bridgedAt;
    private String dialCallStatus;
    private boolean anyBusy;
    /** The leg DialCallSid names: the one connected, else the only one dialled. */
    private ChildLeg reported;

    private DialVerb(CallRun run, Dial dial) {
        this.run = run;
        this.dial = dial;
    }

    static Next run(CallRun run, Dial dial) {
        return new DialVerb(run, dial).run();
    }

    private Next run() {
        run.ensureAnswered();
        String callerId = dial.callerId().orElse(run.call.from());
        for (DialTarget target : dial.targets().subList(0, Math.min(MAX_TARGETS, dial.targets().size()))) {
            Call child = run.context.newChildCall(run.call, callerId, target.address());
            CallSettings settings = new CallSettings(Optional.empty(), dial.method(),
                target.statusCallback().map(run::resolve), target.statusCallbackMethod(), target.statusCallbackEvents(), dial.timeout());
            ChildLeg leg = new ChildLeg(run, child, settings);
            ringing.add(leg);
            leg.dial();
        }
        reported = ringing.size() == 1 ? ringing.get(0) : null;
        try {
            ring();
            if (state == State.BRIDGED) talk();
        } catch (CallGone gone) {
            settleAfterCallerGone();
            exit(true);
            throw gone;
        }
        return exit(false);
    }

    private void ring() {
        Instant deadline = run.now().plusSeconds(dial.timeout());
        while (state == State.RINGING) {
            Optional<Signal> signal = run.next(deadline);
            if (signal.isEmpty()) {
                for (ChildLeg leg : ringing) leg.hangup(CallStatus.NO_ANSWER);
                ringing.clear();
                end("no-answer");
                return;
            }
            if (signal.get() instanceof Signal.End(String sid, CallStatus status)) {
                canceledByApi(sid);
                continue;
            }
            if (!(signal.get() instanceof Signal.Leg(String sid, LegEvent event))) continue;
            ChildLeg leg = ringingLeg(sid);
            if (leg == null) continue;
            switch (event) {
                case LegEvent.Ringing r -> leg.ringing();
                case LegEvent.Answered a -> bridge(leg);
                case LegEvent.MediaDone m -> { }
                case LegEvent.Digit d -> { }
                default -> {
                    CallStatus failure = ChildLeg.failure(event);
                    anyBusy |= failure == CallStatus.BUSY;
                    leg.end(failure);
                    ringing.remove(leg);
                    if (ringing.isEmpty()) end(anyBusy ? "busy" : "failed");
                }
            }
        }
    }

    /** The API ended a ringing leg ({@code canceled} or {@code completed}: either cancels it). */
    private void canceledByApi(String sid) {
        ChildLeg leg = ringingLeg(sid);
        if (leg == null) return;
        leg.hangup(CallStatus.CANCELED);
        ringing.remove(leg);
        if (ringing.isEmpty()) end("canceled");
    }

    private void bridge(ChildLeg winner) {
        ringing.remove(winner);
        for (ChildLeg other : ringing) other.hangup(CallStatus.CANCELED);
        ringing.clear();
        winner.answered();
        connected = winner;
        reported = winner;
        bridgedAt = run.now();
        run.context.telephony().bridge(run.sid(), winner.sid());
        run.context.timeline().add(run.now(), run.sid(), "leg", "bridged with " + winner.sid());
        state = State.BRIDGED;
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
            if (!(signal.get() instanceof Signal.Leg(String sid, LegEvent event))) continue;
            if (sid.equals(connected.sid()) && event instanceof LegEvent.HungUp) {
                unbridge();
                connected.end(CallStatus.COMPLETED);
                end("completed");
            } else if (sid.equals(run.sid()) && event instanceof LegEvent.Digit d && d.key() == '*' && dial.hangupOnStar()) {
                hangUpConnected();
            }
        }
    }

    /** The caller is gone (hung up, ended or redirected by the API): the dialled legs end too. */
    private void settleAfterCallerGone() {
        if (state == State.RINGING) {
            for (ChildLeg leg : ringing) leg.hangup(CallStatus.CANCELED);
            ringing.clear();
            end("canceled");
        } else if (state == State.BRIDGED) {
            hangUpConnected();
        }
    }

    /** Parley ends the bridge and hangs up the dialled party. */
    private void hangUpConnected() {
        unbridge();
        connected.hangup(CallStatus.COMPLETED);
        end("completed");
    }

    private void unbridge() {
        run.context.telephony().unbridge(run.sid(), connected.sid());
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
     * The one exit: the action request with DialCallStatus, DialCallSid and DialCallDuration. When the caller
     * is gone (hung up, ended or redirected by the API) the request is still made, and what it returns is not run.
     */
    private Next exit(boolean callerGone) {
        run.context.timeline().add(run.now(), run.sid(), "verb", "Dial ended: " + dialCallStatus);
        if (dial.action().isEmpty()) return Next.CONTINUE;
        Params extra = new Params().add("DialCallStatus", dialCallStatus);
        ChildLeg party = reported;
        if (party != null) {
            extra.add("DialCallSid", party.sid());
            long seconds = party.call.startTime().map(start -> Duration.between(start, run.now()).toSeconds()).orElse(0L);
            extra.add("DialCallDuration", String.valueOf(seconds));
        }
        String url = run.resolve(dial.action().get());
        if (callerGone) {
            run.context.fetcher().requestIgnoringTwiml(run, url, dial.method(), extra);
            return Next.HANGUP;
        }
        return new Next.Fetch(TwimlSource.Url.of(url, dial.method(), extra));
    }
}
