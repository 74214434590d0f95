package dev.parley.engine.recording;

import dev.parley.engine.telephony.Audio;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The frames {@code [first, first + frames)} of an audio, read from it in place (a file is sought, not copied): a
 * recording trimmed of silence. Releasing it releases the whole.
 */
final class AudioSlice implements Audio {

    private final Audio whole;
    private final long first;
    private final long frames;

    AudioSlice(Audio whole, long first, long frames) {
        if (first < 0 || frames < 0 || first + frames > whole.frames()) throw new IllegalArgumentException("not inside");
        this.whole = whole;
        this.first = first;
        this.frames = frames;
    }

    @Override
    public int sampleRate() {
        return whole.sampleRate();
    }

    @Override
    public int channels() {
        return whole.channels();
    }

    @Override
    public long frames() {
        return frames;
    }

    @Override
    public InputStream open() {
        InputStream in = whole.open();
        try {
            in.skipNBytes(first * channels() * 2L);
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException(e);
        }
        return new Bounded(in, bytes());
    }

    @Override
    public void release() {
        whole.release();
    }

    /** At most {@code left} more bytes of a stream. */
    private static final class Bounded extends FilterInputStream {

        private long left;

        Bounded(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = super.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
