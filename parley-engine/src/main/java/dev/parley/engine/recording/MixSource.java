package dev.parley.engine.recording;

import dev.parley.engine.telephony.Audio;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One capture being mixed: its stream read forward a chunk at a time, its frame {@code i} landing on the mix's
 * frame {@code first + i} of one channel (every channel of the capture summed into it).
 */
final class MixSource implements AutoCloseable {

    private final Audio audio;
    private final long first;
    private final int channel;
    private InputStream in;
    /** Frames of the capture read so far. */
    private long read;
    private byte[] buffer = new byte[0];

    MixSource(Audio audio, long first, int channel) {
        this.audio = audio;
        this.first = first;
        this.channel = channel;
    }

    int channel() {
        return channel;
    }

    /** Adds what the capture has for the mix's frames {@code [at, at + length)} (chunks come in order). */
    void addTo(int[] sums, long at, int length) {
        long from = Math.max(at, first);
        long to = Math.min(at + length, first + audio.frames());
        if (from >= to) return;
        int channels = audio.channels();
        int frames = (int) (to - from);
        byte[] bytes = next(from - first, frames * channels * 2);
        int b = 0;
        for (int i = 0; i < frames; i++) {
            int into = (int) (from - at) + i;
            for (int c = 0; c < channels; c++, b += 2) {
                sums[into] += (short) ((bytes[b] & 0xFF) | (bytes[b + 1] << 8));
            }
        }
        read = to - first;
    }

    /** The next {@code length} bytes of the capture, which starts at its frame {@code frame}. */
    private byte[] next(long frame, int length) {
        try {
            if (in == null) in = audio.open();
            long skip = (frame - read) * audio.channels() * 2L;
            if (skip > 0) in.skipNBytes(skip);
            if (buffer.length < length) buffer = new byte[length];
            int n = in.readNBytes(buffer, 0, length);
            if (n < length) throw new IllegalStateException("a capture is shorter than its " + audio.frames() + " frames");
            return buffer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a capture", e);
        }
    }

    @Override
    public void close() {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
