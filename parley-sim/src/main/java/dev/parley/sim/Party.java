package dev.parley.sim;

import dev.parley.engine.telephony.LegEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What the party at a phone does on an answered call: presses keys and talks. */
final class Party {

    private static final String KEYS = "0123456789*#ABCD";

    private final Exchange exchange;
    private final Bridges bridges;
    private final Captures captures;

    Party(Exchange exchange, Bridges bridges, Captures captures) {
        this.exchange = exchange;
        this.bridges = bridges;
        this.captures = captures;
    }

    /** Checks keys a phone is asked to press: 0-9, *, #, A-D, and w (half a second's wait). */
    static void checkKeys(String keys) {
        Objects.requireNonNull(keys, "digits");
        for (int i = 0; i < keys.length(); i++) {
            char c = keys.charAt(i);
            if (c != 'w' && c != 'W' && KEYS.indexOf(c) < 0) {
                throw new IllegalArgumentException("not a key: '" + c + "' in \"" + keys + "\" (0-9, *, #, A-D, w)");
            }
        }
    }

    /** Keys (lock held): the first now, each next one KEY_INTERVAL later; w waits PAUSE. */
    void press(Leg leg, String keys) {
        Duration offset = Duration.ZERO;
        for (int i = 0; i < keys.length(); i++) {
            char c = keys.charAt(i);
            if (c == 'w' || c == 'W') {
                offset = offset.plus(VirtualNetwork.PAUSE);
                continue;
            }
            if (offset.isZero()) {
                key(leg, c);
            } else {
                exchange.later(leg, offset, () -> key(leg, c));
            }
            offset = offset.plus(VirtualNetwork.KEY_INTERVAL);
        }
    }

    /** Talks from now for a while (lock held): the phone sends its tone, bridged parties hear it, captures notice. */
    void talk(Leg leg, Duration length) {
        if (leg.state != Leg.State.ANSWERED) return;
        if (length.isZero()) return;
        Instant now = exchange.clock.now();
        boolean wasTalking = leg.talking(now);
        leg.talks.add(new Span(now, now.plus(length)));
        bridges.talking(leg);
        captures.talkStarted(leg, wasTalking);
        exchange.later(leg, length, () -> captures.talkEnded(leg));
        exchange.touch(leg);
    }

    private void key(Leg leg, char key) {
        if (leg.state != Leg.State.ANSWERED) return;
        leg.pressed.append(key);
        exchange.emit(leg, new LegEvent.Digit(key));
        exchange.touch(leg);
    }
}
