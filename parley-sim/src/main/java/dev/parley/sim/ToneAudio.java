package dev.parley.sim;

import dev.parley.engine.telephony.Audio;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One channel of a capture, synthesized as it is read: {@link Tone}'s tone inside the party's talks, silence
 * elsewhere. Nothing is held but the talks, so a capture of hours costs no memory.
 */
final class ToneAudio implements Audio {

    private final long frames;
    private final double hz;
    /** The talks as sample ranges {@code [first, end)} from the capture's start. */
    private final List<long[]> ranges = new ArrayList<>();

    ToneAudio(Instant from, long frames, List<Span> talks, double hz) {
        this.frames = frames;
        this.hz = hz;
        for (Span talk : talks) {
            long first = Math.max(0, Tone.samplesBefore(Duration.between(from, talk.start())));
            long end = Math.min(frames, Tone.samplesBefore(Duration.between(from, talk.end())));
            if (first < end) ranges.add(new long[] {first, end});
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

    private boolean talking(long i) {
        for (long[] range : ranges) {
            if (i >= range[0] && i < range[1]) return true;
        }
        return false;
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
                short sample = talking(i) ? Tone.sample(hz, i) : 0;
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
