package dev.parley.sim;

import dev.parley.engine.telephony.RecordedAudio;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audio of the virtual network: a sine tone per source, at a frequency of its own while it sounds, silence
 * otherwise. A virtual phone's tone is what its party says; Parley's media has a tone of its own ({@link #PARLEY_HZ}),
 * above every phone's, so a recording tells who was heard. Samples depend only on the capture's times, so recordings
 * are the same on every run.
 */
final class Tone {

    static final int SAMPLE_RATE = 8000;
    /** A voice's level: half of full scale. */
    static final double VOICE_LEVEL = 0.5;
    /** Parley's media: outside the phones' 300 Hz to 1320 Hz. */
    static final double PARLEY_HZ = 1500;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** A source of sound: a tone of {@code hz} during {@code spans}, at {@code level} (a fraction of full scale). */
    record Voice(double hz, List<Span> spans, double level) {

        /** At a voice's level. */
        Voice(double hz, List<Span> spans) {
            this(hz, spans, VOICE_LEVEL);
        }
    }

    private Tone() {
    }

    /**
     * 300 Hz to 1320 Hz in steps of 20 Hz, from the address (String.hashCode is specified, so stable), never the
     * ringback's 440 Hz and 480 Hz, which move to 1300 Hz and 1320 Hz.
     */
    static double frequencyOf(String address) {
        double hz = 300 + 20 * Math.floorMod(address.hashCode(), 50);
        if (hz == Ringback.LOW_HZ) return 1300;
        if (hz == Ringback.HIGH_HZ) return 1320;
        return hz;
    }

    /** The samples in {@code [0, offset)}: the index of the first sample at or after the offset. */
    static long samplesBefore(Duration offset) {
        return Math.ceilDiv(offset.toNanos() * SAMPLE_RATE, NANOS_PER_SECOND);
    }

    /** Whole samples in a duration. */
    static long samplesIn(Duration length) {
        return Math.floorDiv(length.toNanos() * SAMPLE_RATE, NANOS_PER_SECOND);
    }

    /**
     * A mono capture of {@code [from, to)} in which each voice sounds during its spans (several at once add up),
     * synthesized as it is read: hours of it take no memory. Its speech runs from the first sound to the last.
     */
    static RecordedAudio capture(Instant from, Instant to, List<Voice> voices) {
        Duration length = Duration.between(from, to);
        List<Voice> inside = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (Voice voice : voices) {
            List<Span> clipped = new ArrayList<>();
            for (Span span : voice.spans()) {
                Span c = span.clip(from, to);
                if (c.isEmpty()) continue;
                clipped.add(c);
                if (first == null || c.start().isBefore(first)) first = c.start();
                if (last == null || c.end().isAfter(last)) last = c.end();
            }
            if (!clipped.isEmpty()) inside.add(new Voice(voice.hz(), clipped, voice.level()));
        }
        Duration speechStart = first == null ? Duration.ZERO : Duration.between(from, first);
        Duration speechEnd = last == null ? Duration.ZERO : Duration.between(from, last);
        return new RecordedAudio(new ToneAudio(from, samplesIn(length), inside), from, length, speechStart, speechEnd);
    }

    /** The sample at index {@code i} (from the capture's start) of a tone of {@code hz} at {@code level}. */
    static short sample(double hz, double level, long i) {
        return (short) Math.round(level * Short.MAX_VALUE * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE));
    }
}
