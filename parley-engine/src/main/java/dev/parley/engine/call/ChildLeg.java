package dev.parley.engine.call;

import dev.parley.engine.telephony.LegEvent;
import java.util.Optional;

/**
 * A leg a verb dialled (outbound-dial): its call record, its status callbacks, the whisper it runs once answered (if
 * any), and its one ending.
 *
 * <p>A live update may take an answered leg out of the verb ({@link #redirect}): from then on it is a call of its own
 * that runs TwiML on its own run (keeping its CallSid, {@code Direction=outbound-dial}, {@code ParentCallSid} and its
 * noun's {@code statusCallback}), and its telephony events go to that run instead of the caller's.
 */
final class ChildLeg {

    final Call call;
    final StatusCallbacks statusCallbacks;
    /** The TwiML the leg runs once answered, before it is bridged ({@code url} of the noun). */
    final Optional<TwimlSource.Url> whisper;
    private final CallRun parent;
    private final CallSettings settings;
    /** The leg is over for the verb that dialled it (hung up, failed, or redirected); the parent's thread only. */
    private boolean ended;
    /** Guarded by this: the leg's own run once a live update redirected it; until then its events go to the parent. */
    private CallRun own;
    /** Guarded by this: the telephony reported the leg hung up. */
    private boolean hungUp;

    ChildLeg(CallRun parent, Call call, CallSettings settings, Optional<TwimlSource.Url> whisper) {
        this.parent = parent;
        this.call = call;
        this.whisper = whisper;
        this.settings = settings;
        this.statusCallbacks = new StatusCallbacks(parent.context, call, settings);
    }

    String sid() {
        return call.sid();
    }

    void dial() {
        statusCallbacks.event("initiated", "initiated");
        parent.context.telephony().dial(call.sid(), call.from(), call.to(), this::deliver);
    }

    /** A telephony event of the leg, to whichever run has the leg now (under the lock that {@link #redirect} takes). */
    private synchronized void deliver(LegEvent event) {
        if (event instanceof LegEvent.HungUp) hungUp = true;
        (own == null ? parent : own).post(new Signal.Leg(call.sid(), event));
    }

    /**
     * A live update redirected the answered leg (Calls update with {@code Url} or {@code Twiml}): it leaves the verb
     * that dialled it, which must unbridge it and must not hang it up nor send its final callback, and runs the new
     * TwiML on a run of its own, returned for the engine to start. A hang-up that reached the parent's mailbox
     * before this moment is passed on to the new run, so that it cannot miss its party leaving.
     */
    CallRun redirect(TwimlSource source) {
        ended = true;
        parent.context.timeline().add(parent.now(), call, "api",
            "redirected by a live update: leaves the verb of " + parent.sid() + " and runs TwiML of its own");
        CallRun run = CallRun.redirectedLeg(parent.context, call, settings, source);
        synchronized (this) {
            own = run;
            if (hungUp) run.post(new Signal.Leg(call.sid(), new LegEvent.HungUp()));
        }
        return run;
    }

    void ringing() {
        if (call.status() == CallStatus.QUEUED) {
            status(CallStatus.RINGING);
            statusCallbacks.event("ringing", "ringing");
        }
    }

    void answered() {
        status(CallStatus.IN_PROGRESS);
        statusCallbacks.event("answered", "in-progress");
    }

    /** The status a leg ends with when the telephony reports this event before answer. */
    static CallStatus failure(LegEvent event) {
        return switch (event) {
            case LegEvent.Busy b -> CallStatus.BUSY;
            case LegEvent.Declined d -> CallStatus.BUSY;
            default -> CallStatus.FAILED;
        };
    }

    /** Hangs the leg up (cancels it if ringing) and ends it. */
    void hangup(CallStatus status) {
        if (ended) return;
        parent.context.telephony().hangup(call.sid());
        end(status);
    }

    /** The leg is over (the far end already hung up, or it failed): final status and callback, once. */
    void end(CallStatus status) {
        if (ended) return;
        ended = true;
        if (!call.status().isFinal()) status(status);
        statusCallbacks.completed();
    }

    boolean isEnded() {
        return ended;
    }

    private void status(CallStatus status) {
        call.status(status, parent.now());
        parent.context.timeline().add(parent.now(), call, "status", status.value());
    }
}
