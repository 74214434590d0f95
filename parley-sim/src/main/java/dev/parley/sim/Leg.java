package dev.parley.sim;

import dev.parley.engine.clock.Clock;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.LegListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One leg of the virtual network: the connection between Parley and one virtual phone, which is also that
 * phone's call. Every field but {@link #snapshot} is guarded by the network's lock.
 */
final class Leg {

    enum State {
        /** Parley dialled; the phone has not seen the call yet (signalling delay). */
        DIALING,
        RINGING,
        ANSWERED,
        ENDED
    }

    /** Media waiting or playing on the leg. */
    record Media(long id, Heard.Kind kind, String text, String voice, String language, Duration length) {
    }

    /** A bridge to another leg, from the point of view of this one. */
    static final class Link {
        final Leg peer;
        final Instant from;
        Instant to;

        Link(Leg peer, Instant from) {
            this.peer = peer;
            this.from = from;
        }
    }

    final String callSid;
    final PhoneCall.Direction direction;
    /** Null when nobody is at the dialled address. */
    final VirtualPhone phone;
    final String peer;
    /** Null for a call that never reached Parley. */
    final LegListener listener;

    State state = State.DIALING;
    PhoneCall.Status status = PhoneCall.Status.RINGING;
    /** In the phone's log (the phone has seen the call). */
    boolean logged;
    Instant started;
    Instant answered;
    Instant ended;

    /** Timers to cancel when the leg ends (script actions, keys, ringing). */
    final List<Clock.Timer> timers = new ArrayList<>();
    final ArrayDeque<Media> queued = new ArrayDeque<>();
    Media playing;
    Clock.Timer playingTimer;
    /** Captures of what the party says under way: recording id to start. */
    final Map<String, Instant> captures = new HashMap<>();
    /** Captures of what the party hears under way: recording id to start. */
    final Map<String, Instant> hearing = new HashMap<>();
    /** When Parley's media played on this leg (the last one's end is cut short when it is stopped). */
    final List<Span> played = new ArrayList<>();
    /** When ringback played on this leg; the last one's end is {@code Instant.MAX} while it plays. */
    final List<Span> ringback = new ArrayList<>();
    /** SpeechStarted was reported to a capture and SpeechStopped not yet. */
    boolean speechReported;
    /** When the phone talked on this leg (ends may lie in the future until the leg ends). */
    final List<Span> talks = new ArrayList<>();
    final Set<Leg> bridged = new LinkedHashSet<>();
    final List<Link> links = new ArrayList<>();
    final StringBuilder pressed = new StringBuilder();
    final List<Heard> heard = new ArrayList<>();

    /** Events not yet given to the listener, and whether a thread is giving them. */
    final ArrayDeque<LegEvent> outbox = new ArrayDeque<>();
    boolean delivering;

    /** The phone's view of the call, republished after each change; read without the lock. */
    volatile PhoneCall snapshot;

    Leg(String callSid, PhoneCall.Direction direction, VirtualPhone phone, String peer, LegListener listener,
            Instant started) {
        this.callSid = callSid;
        this.direction = direction;
        this.phone = phone;
        this.peer = peer;
        this.listener = listener;
        this.started = started;
    }

    boolean ringingIncoming() {
        return state == State.RINGING && direction == PhoneCall.Direction.INCOMING;
    }

    boolean talking(Instant now) {
        for (Span talk : talks) {
            if (talk.contains(now)) return true;
        }
        return false;
    }

    /** Where offsets of what the phone hears count from. */
    Instant origin() {
        return answered != null ? answered : started;
    }

    PhoneCall toPhoneCall() {
        List<Connection> connections = new ArrayList<>(links.size());
        for (Link link : links) {
            connections.add(new Connection(link.peer.phone == null ? "" : link.peer.phone.address(),
                    link.peer.callSid, link.from, Optional.ofNullable(link.to)));
        }
        return new PhoneCall(callSid, direction, peer, status, started, Optional.ofNullable(answered),
                Optional.ofNullable(ended), pressed.toString(), List.copyOf(heard), List.copyOf(connections));
    }
}
