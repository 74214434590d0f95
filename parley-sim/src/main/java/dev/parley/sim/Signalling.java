package dev.parley.sim;

import dev.parley.engine.clock.Clock;
import dev.parley.engine.telephony.CallArrivals;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.LegListener;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * Setting up and tearing down legs: Parley dials a phone (it rings, answers, is busy, unreachable or refuses), a
 * phone calls Parley, either side hangs up. Answering starts the phone's script; ending a leg stops its timers, its
 * media, its talk and its bridges.
 */
final class Signalling {

    private final Exchange exchange;
    private final ConcurrentMap<String, VirtualPhone> phones;
    private final Playback playback;
    private final Bridges bridges;
    private final Party party;

    Signalling(Exchange exchange, ConcurrentMap<String, VirtualPhone> phones, Playback playback, Bridges bridges,
            Party party) {
        this.exchange = exchange;
        this.phones = phones;
        this.playback = playback;
        this.bridges = bridges;
        this.party = party;
    }

    // ---------------------------------------------------------------- Parley's side

    void dial(String callSid, String from, String to, LegListener listener) {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(listener, "listener");
        Leg leg = new Leg(callSid, PhoneCall.Direction.INCOMING, phones.get(to), Objects.requireNonNullElse(from, ""),
                listener, exchange.clock.now());
        exchange.change(leg, () -> {
            if (exchange.legs.putIfAbsent(callSid, leg) != null) {
                throw new IllegalStateException("leg exists already: " + callSid);
            }
            exchange.later(leg, VirtualNetwork.SIGNALLING_DELAY, () -> reach(leg, to));
        });
    }

    void answer(String callSid) {
        Leg leg = exchange.required(callSid);
        exchange.change(leg, () -> {
            requireOutgoing(leg, "answer");
            if (leg.state == Leg.State.RINGING) answered(leg);
        });
    }

    void reject(String callSid, boolean busy) {
        Leg leg = exchange.required(callSid);
        exchange.change(leg, () -> {
            requireOutgoing(leg, "reject");
            if (leg.state == Leg.State.RINGING) {
                end(leg, busy ? PhoneCall.Status.BUSY : PhoneCall.Status.REJECTED, false);
            }
        });
    }

    void hangup(String callSid) {
        Optional<Leg> found = exchange.leg(callSid);
        if (found.isEmpty()) return;
        Leg leg = found.get();
        exchange.change(leg, () -> {
            switch (leg.state) {
                case ENDED -> { }
                case DIALING -> end(leg, PhoneCall.Status.CANCELED, false);
                case RINGING -> end(leg, leg.direction == PhoneCall.Direction.INCOMING
                        ? PhoneCall.Status.CANCELED : PhoneCall.Status.HUNG_UP_BY_OTHER, false);
                case ANSWERED -> end(leg, PhoneCall.Status.HUNG_UP_BY_OTHER, false);
            }
        });
    }

    // ---------------------------------------------------------------- the phone's side

    Optional<String> call(VirtualPhone phone, String to, Map<String, String> parameters, CallArrivals entrance) {
        Optional<CallArrivals.Arrival> arrival = exchange.arrival(
                () -> Objects.requireNonNullElse(entrance.arrive(phone.address(), to, parameters), Optional.empty()),
                answer -> placed(phone, to, Objects.requireNonNullElse(answer, Optional.empty())));
        return arrival.map(CallArrivals.Arrival::callSid);
    }

    void phoneAnswer(VirtualPhone phone) {
        exchange.onLatest(phone, Leg::ringingIncoming, "no incoming call ringing", this::answeredByPhone);
    }

    void phoneDecline(VirtualPhone phone) {
        exchange.onLatest(phone, Leg::ringingIncoming, "no incoming call ringing", this::declinedByPhone);
    }

    void phoneHangup(VirtualPhone phone) {
        exchange.onLatest(phone, leg -> leg.state == Leg.State.RINGING || leg.state == Leg.State.ANSWERED,
                "no call going on", this::hungUpByPhone);
    }

    // ---------------------------------------------------------------- transitions (lock held)

    /** The call reaches the dialled phone (after the signalling delay). */
    private void reach(Leg leg, String to) {
        if (leg.state != Leg.State.DIALING) return;
        if (leg.phone == null) {
            leg.state = Leg.State.ENDED;
            leg.status = PhoneCall.Status.FAILED;
            leg.ended = exchange.clock.now();
            exchange.emit(leg, new LegEvent.Failed("no phone at " + to));
            return;
        }
        VirtualPhone.Incoming how = leg.phone.incoming;
        leg.started = exchange.clock.now();
        leg.state = Leg.State.RINGING;
        log(leg);
        switch (how.kind()) {
            case BUSY -> {
                end(leg, PhoneCall.Status.BUSY, false);
                exchange.emit(leg, new LegEvent.Busy());
            }
            case UNREACHABLE -> {
                end(leg, PhoneCall.Status.FAILED, false);
                exchange.emit(leg, new LegEvent.Failed("unreachable"));
            }
            case REJECT -> {
                if (how.after().isZero()) {
                    declinedByPhone(leg);
                } else {
                    exchange.emit(leg, new LegEvent.Ringing());
                    exchange.later(leg, how.after(), () -> declinedByPhone(leg));
                }
            }
            case ANSWER -> {
                exchange.emit(leg, new LegEvent.Ringing());
                exchange.later(leg, how.after(), () -> answeredByPhone(leg));
            }
            case RING_FOREVER -> exchange.emit(leg, new LegEvent.Ringing());
        }
    }

    private void answeredByPhone(Leg leg) {
        if (!leg.ringingIncoming()) return;
        answered(leg);
        exchange.emit(leg, new LegEvent.Answered());
    }

    private void declinedByPhone(Leg leg) {
        if (!leg.ringingIncoming()) return;
        end(leg, PhoneCall.Status.REJECTED, false);
        exchange.emit(leg, new LegEvent.Declined());
    }

    private void hungUpByPhone(Leg leg) {
        switch (leg.state) {
            case DIALING, ENDED -> { }
            case RINGING -> {
                if (leg.direction == PhoneCall.Direction.INCOMING) {
                    declinedByPhone(leg);
                } else {
                    end(leg, PhoneCall.Status.CANCELED, true);
                    exchange.emit(leg, new LegEvent.HungUp());
                }
            }
            case ANSWERED -> {
                end(leg, PhoneCall.Status.HUNG_UP_BY_ME, true);
                exchange.emit(leg, new LegEvent.HungUp());
            }
        }
    }

    /** A call placed by a phone is registered once CallArrivals has answered. */
    private void placed(VirtualPhone phone, String to, Optional<CallArrivals.Arrival> arrival) {
        Instant now = exchange.clock.now();
        if (arrival.isEmpty()) {
            Leg leg = new Leg("", PhoneCall.Direction.OUTGOING, phone, to, null, now);
            leg.state = Leg.State.ENDED;
            leg.status = PhoneCall.Status.FAILED;
            leg.ended = now;
            log(leg);
            return;
        }
        CallArrivals.Arrival a = arrival.get();
        if (exchange.legs.containsKey(a.callSid())) throw new IllegalStateException("leg exists already: " + a.callSid());
        Leg leg = new Leg(a.callSid(), PhoneCall.Direction.OUTGOING, phone, to, a.listener(), now);
        leg.state = Leg.State.RINGING;
        exchange.legs.put(a.callSid(), leg);
        log(leg);
    }

    /** The call is answered (by the phone, or by Parley for a call the phone made): the phone's script starts. */
    private void answered(Leg leg) {
        Instant now = exchange.clock.now();
        leg.state = Leg.State.ANSWERED;
        leg.status = PhoneCall.Status.IN_PROGRESS;
        leg.answered = now;
        for (VirtualPhone.Action action : leg.phone.script) {
            Instant at = now.plus(action.at());
            switch (action) {
                case VirtualPhone.Press p -> exchange.at(leg, at, () -> {
                    if (leg.state == Leg.State.ANSWERED) party.press(leg, p.keys());
                });
                case VirtualPhone.HangUp h -> exchange.at(leg, at, () -> hungUpByPhone(leg));
                case VirtualPhone.Talk t -> exchange.at(leg, at, () -> party.talk(leg, t.length()));
            }
        }
        exchange.touch(leg);
    }

    /** The leg ends: timers stop, media stops, talking stops, bridges come apart. */
    private void end(Leg leg, PhoneCall.Status status, boolean reportMedia) {
        Instant now = exchange.clock.now();
        leg.state = Leg.State.ENDED;
        leg.status = status;
        leg.ended = now;
        for (Clock.Timer timer : leg.timers) timer.cancel();
        leg.timers.clear();
        playback.stopAll(leg, reportMedia);
        leg.talks.replaceAll(t -> t.end().isAfter(now) ? new Span(t.start(), now) : t);
        bridges.disconnectAll(leg, now);
        exchange.touch(leg);
    }

    /** The phone sees the call: it enters the phone's log. */
    private void log(Leg leg) {
        leg.logged = true;
        leg.snapshot = leg.toPhoneCall();
        leg.phone.legs.add(leg);
    }

    private static void requireOutgoing(Leg leg, String what) {
        if (leg.direction != PhoneCall.Direction.OUTGOING) {
            throw new IllegalStateException("cannot " + what + " " + leg.callSid + ": Parley dialled it, only the phone answers");
        }
    }
}
