package dev.parley.engine.recording;

import dev.parley.engine.telephony.Audio;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Short audio held in memory, one array of samples a channel: silence to line a mix up, audio in tests. */
public final class Pcm implements Audio {

    private final int sampleRate;
    private final byte[] interleaved;
    private final int channels;
    private final int frames;

    private Pcm(int sampleRate, int channels, int frames, byte[] interleaved) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.frames = frames;
        this.interleaved = interleaved;
    }

    /** The channels given (all of the same length); one is mono, two a stereo pair whose first is the left. */
    public static Pcm of(int sampleRate, short[]... channels) {
        if (channels.length == 0) throw new IllegalArgumentException("audio needs at least one channel");
        int frames = channels[0].length;
        for (short[] channel : channels) {
            if (channel.length != frames) throw new IllegalArgumentException("channels differ in length");
        }
        ByteBuffer out = ByteBuffer.allocate(frames * channels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (short[] channel : channels) out.putShort(channel[i]);
        }
        return new Pcm(sampleRate, channels.length, frames, out.array());
    }

    /** No audio at all, mono. */
    public static Pcm empty(int sampleRate) {
        return of(sampleRate, new short[0]);
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public long frames() {
        return frames;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(interleaved);
    }
}
