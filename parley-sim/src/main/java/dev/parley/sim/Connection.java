package dev.parley.sim;

import java.time.Instant;
import java.util.Optional;

/**
 * A time a call of a virtual phone was bridged to another leg, so that each party heard the other.
 *
 * @param peer        the address of the phone on the other leg
 * @param peerCallSid the other leg
 * @param from        when the bridge was made
 * @param to          when it was undone or one of the legs ended; empty while it lasts
 */
public record Connection(String peer, String peerCallSid, Instant from, Optional<Instant> to) {
}
