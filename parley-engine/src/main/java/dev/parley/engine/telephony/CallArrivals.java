package dev.parley.engine.telephony;

import java.util.Map;
import java.util.Optional;

/** The engine's entrance for inbound calls: a telephony adapter reports each call that arrives here. */
public interface CallArrivals {

    /**
     * A call from {@code from} arrives for {@code to}, ringing. The engine names the new leg (its CallSid) and
     * says where the adapter reports the leg's events; empty when nothing at Parley answers to {@code to}
     * (the adapter then fails the call for the caller).
     */
    Optional<Arrival> arrive(String from, String to);

    /**
     * The same, for a call whose device sent parameters with it (a Voice SDK client's connect parameters, e.g. a
     * Frontline worker's {@code ConversationSid}): the call's first webhook carries them. An entrance that does not
     * know parameters drops them.
     */
    default Optional<Arrival> arrive(String from, String to, Map<String, String> parameters) {
        return arrive(from, to);
    }

    /** The new inbound leg: its CallSid and its listener. */
    record Arrival(String callSid, LegListener listener) {
    }
}
