package dev.parley.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ringback on legs: what a caller hears while a party Parley dialled for it rings. Every {@code ringTone} sounds as
 * the US tone (440 Hz and 480 Hz together, {@link #ON} on and {@link #OFF} off, starting on), which no phone's voice
 * sounds like: a phone's tone is one frequency, never {@link #LOW_HZ} or {@link #HIGH_HZ} ({@link Tone#frequencyOf}).
 * The phone's log keeps which tone was asked for ({@link Heard.Kind#RINGBACK}); a per-country table of tones would
 * change nothing a test can tell apart, so there is none.
 */
final class Ringback {

    static final double LOW_HZ = 440;
    static final double HIGH_HZ = 480;
    static final Duration ON = Duration.ofSeconds(2);
    static final Duration OFF = Duration.ofSeconds(4);
    /** Each of the two tones, as a fraction of full scale: the pair sounds at a phone's level. */
    static final double LEVEL = 0.25;
    /** The end of a ringback still playing. */
    private static final Instant PLAYING = Instant.MAX;

    private final Exchange exchange;
    private final Playback playback;

    Ringback(Exchange exchange, Playback playback) {
        this.exchange = exchange;
        this.playback = playback;
    }

    void start(String callSid, String ringTone) {
        Leg leg = exchange.required(callSid);
        exchange.change(leg, () -> {
            if (leg.state == Leg.State.ENDED || playing(leg).isPresent()) return;
            leg.ringback.add(new Span(exchange.clock.now(), PLAYING));
            playback.hear(leg, Heard.Kind.RINGBACK, ringTone, "", "");
        });
    }

    void stop(String callSid) {
        Optional<Leg> found = exchange.leg(callSid);
        if (found.isEmpty()) return;
        Leg leg = found.get();
        exchange.change(leg, () -> stop(leg, exchange.clock.now()));
    }

    /** The ringback on the leg, if any, ends (lock held). */
    private static void stop(Leg leg, Instant now) {
        playing(leg).ifPresent(span -> leg.ringback.set(leg.ringback.size() - 1, new Span(span.start(), now)));
    }

    /** The two tones of the leg's ringback up to {@code to} (lock held), each sounding during the cadence's "on". */
    static List<Tone.Voice> heard(Leg leg, Instant to) {
        List<Span> on = new ArrayList<>();
        Duration period = ON.plus(OFF);
        for (Span ringing : leg.ringback) {
            Instant end = ringing.end().isAfter(to) ? to : ringing.end();
            for (Instant t = ringing.start(); t.isBefore(end); t = t.plus(period)) {
                on.add(new Span(t, t.plus(ON)).clip(t, end));
            }
        }
        return List.of(new Tone.Voice(LOW_HZ, on, LEVEL), new Tone.Voice(HIGH_HZ, on, LEVEL));
    }

    private static Optional<Span> playing(Leg leg) {
        if (leg.ringback.isEmpty()) return Optional.empty();
        Span last = leg.ringback.get(leg.ringback.size() - 1);
        return last.end().equals(PLAYING) ? Optional.of(last) : Optional.empty();
    }
}
