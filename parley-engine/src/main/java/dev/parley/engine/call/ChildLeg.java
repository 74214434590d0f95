package dev.parley.engine.call;

import dev.parley.engine.telephony.LegEvent;
import java.util.Optional;

/**
 * A leg a verb dialled (outbound-dial): its call record, its status callbacks, the whisper it runs once answered (if
 * any), and its one ending.
 */
final class ChildLeg {

    final Call call;
    final StatusCallbacks statusCallbacks;
    /** The TwiML the leg runs once answered, before it is bridged ({@code url} of the noun). */
    final Optional<TwimlSource.Url> whisper;
    private final CallRun parent;
    private boolean ended;

    ChildLeg(CallRun parent, Call call, CallSettings settings, Optional<TwimlSource.Url> whisper) {
        this.parent = parent;
        this.call = call;
        this.whisper = whisper;
        this.statusCallbacks = new StatusCallbacks(parent.context, call, settings);
    }

    String sid() {
        return call.sid();
    }

    void dial() {
        statusCallbacks.event("initiated", "initiated");
        parent.context.telephony().dial(call.sid(), call.from(), call.to(),
            event -> parent.post(new Signal.Leg(call.sid(), event)));
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
        parent.context.timeline().add(parent.now(), call.sid(), "status", status.value());
    }
}
