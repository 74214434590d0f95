package dev.parley.engine.call;

import dev.parley.engine.session.SessionEvent;
import dev.parley.engine.telephony.LegEvent;

/** What wakes a call's run: an event on one of its legs, or a live update through the API. */
sealed interface Signal {

    /** An event on a leg: the call's own, or one it dialled. */
    record Leg(String callSid, LegEvent event) implements Signal { }

    /** Calls API update with {@code Url} or {@code Twiml}: what runs is replaced now. */
    record Redirect(TwimlSource source) implements Signal { }

    /** The whisper on a dialled leg is over ({@link Whisper}); posted to the caller's run. */
    record Whispered(String callSid, Whisper.Outcome outcome) implements Signal { }

    /** An event for the {@code <Connect>} session the call runs, from another thread (routing added a worker). */
    record Session(SessionEvent event) implements Signal { }

    /**
     * Calls API update with {@code Status=completed|canceled}, of the call itself or of a leg it dialled
     * ({@code callSid} says which).
     */
    record End(String callSid, CallStatus status) implements Signal { }
}
