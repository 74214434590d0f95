package dev.parley.sim;

import dev.parley.engine.telephony.Audio;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One channel of a capture, synthesized as it is read: each {@link Tone.Voice}'s tone inside its spans, added up
 * (clipped to 16 bits), silence elsewhere. Nothing is held but the spans, so a capture of hours costs no memory.
 */
final class ToneAudio implements Audio {

    /** A voice's spans as sample ranges {@code [first, end)} from the capture's start. */
    private record Ranges(double hz, double level, List<long[]> ranges) {

        boolean sounds(long i) {
            for (long[] range : ranges) {
                if (i >= range[0] && i < range[1]) return true;
            }
            return false;
        }
    }

    private final long frames;
    private final List<Ranges> voices = new ArrayList<>();

    ToneAudio(Instant from, long frames, List<Tone.Voice> sounding) {
        this.frames = frames;
        for (Tone.Voice voice : sounding) {
            List<long[]> ranges = new ArrayList<>();
            for (Span span : voice.spans()) {
                long first = Math.max(0, Tone.samplesBefore(Duration.between(from, span.start())));
                long end = Math.min(frames, Tone.samplesBefore(Duration.between(from, span.end())));
                if (first < end) ranges.add(new long[] {first, end});
            }
            if (!ranges.isEmpty()) voices.add(new Ranges(voice.hz(), voice.level(), ranges));
        }
    }

    @Override
    public int sampleRate() {
        return Tone.SAMPLE_RATE;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public long frames() {
        return frames;
    }

    @Override
    public InputStream open() {
        return new Samples();
    }

    /** The sample at index {@code i}: the voices sounding then, added up. */
    private short sample(long i) {
        int sum = 0;
        for (Ranges voice : voices) {
            if (voice.sounds(i)) sum += Tone.sample(voice.hz(), voice.level(), i);
        }
        return (short) Math.clamp(sum, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** The samples as little-endian bytes, computed as they are read. */
    private final class Samples extends InputStream {

        /** The next byte: sample {@code at / 2}, its low byte when even. */
        private long at;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = 2 * frames - at;
            if (left <= 0) return len == 0 ? 0 : -1;
            int n = (int) Math.min(len, left);
            int k = 0;
            while (k < n) {
                long i = at / 2;
                short sample = sample(i);
                if ((at & 1) == 0) {
                    b[off + k++] = (byte) sample;
                    at++;
                }
                if (k < n) {
                    b[off + k++] = (byte) (sample >> 8);
                    at++;
                }
            }
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, 2 * frames - at));
            at += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, 2 * frames - at);
        }
    }
}
