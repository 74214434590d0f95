package dev.parley.sim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bridges between legs: each party hears the other while they last, and each phone keeps when and with whom it was
 * connected ({@link Connection}). A bridge comes apart when Parley undoes it or when either leg ends.
 */
final class Bridges {

    private final Exchange exchange;
    private final Playback playback;

    Bridges(Exchange exchange, Playback playback) {
        this.exchange = exchange;
        this.playback = playback;
    }

    void bridge(String callSidA, String callSidB) {
        Leg a = exchange.required(callSidA);
        Leg b = exchange.required(callSidB);
        if (a == b) throw new IllegalArgumentException("cannot bridge a leg to itself: " + callSidA);
        exchange.change(a, () -> {
            if (a.state == Leg.State.ENDED || b.state == Leg.State.ENDED || a.bridged.contains(b)) return;
            Instant now = exchange.clock.now();
            a.bridged.add(b);
            b.bridged.add(a);
            a.links.add(new Leg.Link(b, now));
            b.links.add(new Leg.Link(a, now));
            if (a.talking(now)) hearTalk(b, a);
            if (b.talking(now)) hearTalk(a, b);
            exchange.touch(a);
            exchange.touch(b);
        });
    }

    void unbridge(String callSidA, String callSidB) {
        Optional<Leg> a = exchange.leg(callSidA);
        Optional<Leg> b = exchange.leg(callSidB);
        if (a.isEmpty() || b.isEmpty()) return;
        exchange.change(a.get(), () -> {
            if (a.get().bridged.contains(b.get())) disconnect(a.get(), b.get(), exchange.clock.now());
        });
    }

    /** The leg ends (lock held): every bridge it is part of comes apart. */
    void disconnectAll(Leg leg, Instant now) {
        for (Leg other : List.copyOf(leg.bridged)) disconnect(leg, other, now);
    }

    /** The party on a leg starts talking (lock held): the bridged parties hear it. */
    void talking(Leg talker) {
        for (Leg other : talker.bridged) hearTalk(other, talker);
    }

    private void disconnect(Leg a, Leg b, Instant now) {
        a.bridged.remove(b);
        b.bridged.remove(a);
        closeLink(a, b, now);
        closeLink(b, a, now);
    }

    private void closeLink(Leg leg, Leg peer, Instant now) {
        for (Leg.Link link : leg.links) {
            if (link.peer == peer && link.to == null) link.to = now;
        }
        exchange.touch(leg);
    }

    private void hearTalk(Leg listener, Leg talker) {
        if (talker.phone != null) playback.hear(listener, Heard.Kind.AUDIO, talker.phone.address(), "", "");
    }
}
