package dev.parley.sim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One call in a virtual phone's log, as it stood when read (an immutable snapshot).
 *
 * @param callSid     the leg's CallSid; empty when Parley refused the call before naming it
 * @param direction   whether Parley called the phone or the phone called Parley
 * @param peer        the other address: the caller for an incoming call, the number dialled for an outgoing one
 * @param status      where the call stands, or how it ended
 * @param started     when the phone started ringing (incoming) or placed the call (outgoing)
 * @param answeredAt  when it was answered (by the phone, or by Parley for an outgoing call)
 * @param endedAt     when it ended
 * @param pressed     the keys the phone pressed, in order
 * @param heard       what the phone heard on this call, in order
 * @param connections the bridges this call was part of, in order
 */
public record PhoneCall(String callSid, Direction direction, String peer, Status status, Instant started,
        Optional<Instant> answeredAt, Optional<Instant> endedAt, String pressed, List<Heard> heard,
        List<Connection> connections) {

    /** Seen from the phone. */
    public enum Direction {
        /** Parley called the phone ({@code Telephony.dial}). */
        INCOMING,
        /** The phone called Parley ({@link VirtualPhone#call}). */
        OUTGOING
    }

    /** Where a call stands, and how it ended. */
    public enum Status {
        /** Not answered yet. */
        RINGING,
        /** Answered and going on. */
        IN_PROGRESS,
        /** The called side was busy: this phone was set {@link VirtualPhone#busy()}, or Parley rejected as busy. */
        BUSY,
        /** The called side refused the call: this phone declined, or Parley rejected it. */
        REJECTED,
        /** The call could not be made: this phone is unreachable, or nothing at Parley answers the number. */
        FAILED,
        /** The caller gave up while it was ringing. */
        CANCELED,
        /** Answered, then this phone hung up. */
        HUNG_UP_BY_ME,
        /** Parley hung up (after answering, or an incoming leg before this phone answered it). */
        HUNG_UP_BY_OTHER;

        public boolean isFinal() {
            return this != RINGING && this != IN_PROGRESS;
        }
    }

    /** True once answered (whether or not it has ended since). */
    public boolean answered() {
        return answeredAt.isPresent();
    }

    /** True when the call was answered and has ended. */
    public boolean completed() {
        return answered() && status.isFinal();
    }

    /** The texts spoken to the phone on this call, in order. */
    public List<String> saidTexts() {
        return heard.stream().filter(h -> h.kind() == Heard.Kind.SAY).map(Heard::text).toList();
    }
}
