package dev.parley.sim;

import dev.parley.engine.recording.Wav;
import dev.parley.engine.telephony.RecordedAudio;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audio a virtual phone sends: a sine tone at a frequency of its own while it talks, silence otherwise.
 * Samples depend only on the capture's times, so recordings are the same on every run.
 */
final class Tone {

    static final int SAMPLE_RATE = 8000;
    /** Half of full scale. */
    static final double AMPLITUDE = 0.5 * Short.MAX_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Tone() {
    }

    /** 300 Hz to 1280 Hz in steps of 20 Hz, from the address (String.hashCode is specified, so stable). */
    static double frequencyOf(String address) {
        return 300 + 20 * Math.floorMod(address.hashCode(), 50);
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
     * A mono capture of {@code [from, to)} of a party that talked during {@code talks} with a tone of
     * {@code hz}. A stereo capture (the party on one channel, what it heard on the other) renders a second
     * channel the same way from the bridged peers' talks and passes both to {@link Wav#pcm16}.
     */
    static RecordedAudio capture(Instant from, Instant to, List<Span> talks, double hz) {
        Duration length = Duration.between(from, to);
        List<Span> inside = new ArrayList<>();
        for (Span talk : talks) {
            Span clipped = talk.clip(from, to);
            if (!clipped.isEmpty()) inside.add(clipped);
        }
        short[] samples = channel(from, samplesIn(length), inside, hz);
        Duration speechStart = Duration.ZERO;
        Duration speechEnd = Duration.ZERO;
        if (!inside.isEmpty()) {
            Instant first = inside.getFirst().start();
            Instant last = inside.getFirst().end();
            for (Span s : inside) {
                if (s.start().isBefore(first)) first = s.start();
                if (s.end().isAfter(last)) last = s.end();
            }
            speechStart = Duration.between(from, first);
            speechEnd = Duration.between(from, last);
        }
        return new RecordedAudio(Wav.pcm16(SAMPLE_RATE, samples), from, length, speechStart, speechEnd, 1);
    }

    /** One channel of {@code count} samples from {@code from}: the tone inside the spans, silence elsewhere. */
    static short[] channel(Instant from, long count, List<Span> spans, double hz) {
        if (count > Integer.MAX_VALUE) throw new IllegalArgumentException("capture too long");
        short[] samples = new short[(int) count];
        for (Span span : spans) {
            long first = Math.max(0, samplesBefore(Duration.between(from, span.start())));
            long end = Math.min(count, samplesBefore(Duration.between(from, span.end())));
            for (long i = first; i < end; i++) {
                samples[(int) i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE));
            }
        }
        return samples;
    }
}
