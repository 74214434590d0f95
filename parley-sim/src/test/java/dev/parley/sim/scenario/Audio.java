package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.recording.Recording;
import dev.parley.sim.VirtualNetwork;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A recording's WAV as a test reads it, independently of the engine's writer: the header checked, the samples by
 * channel, and which tone sounds where (Goertzel's algorithm, so a mix of two tones can be told apart).
 */
public final class Audio {

    public final int sampleRate;
    public final short[][] channels;

    private Audio(int sampleRate, short[][] channels) {
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    /** A recording's audio, checking that it has the channels the recording says. */
    public static Audio of(Recording recording) {
        Audio audio = of(recording.media().bytes());
        assertThat(audio.channels).as("channels of " + recording.sid()).hasNumberOfRows(recording.channels());
        return audio;
    }

    public static Audio of(byte[] wav) {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ascii(in)).isEqualTo("RIFF");
        assertThat(in.getInt()).as("RIFF size").isEqualTo(wav.length - 8);
        assertThat(ascii(in)).isEqualTo("WAVE");
        assertThat(ascii(in)).isEqualTo("fmt ");
        assertThat(in.getInt()).as("fmt size").isEqualTo(16);
        assertThat(in.getShort()).as("PCM").isEqualTo((short) 1);
        int channelCount = in.getShort();
        int rate = in.getInt();
        assertThat(in.getInt()).as("byte rate").isEqualTo(rate * channelCount * 2);
        assertThat(in.getShort()).as("block align").isEqualTo((short) (channelCount * 2));
        assertThat(in.getShort()).as("bits").isEqualTo((short) 16);
        assertThat(ascii(in)).isEqualTo("data");
        int size = in.getInt();
        assertThat(size).as("data size").isEqualTo(in.remaining());
        int frames = size / (2 * channelCount);
        short[][] channels = new short[channelCount][frames];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channelCount; c++) channels[c][i] = in.getShort();
        }
        return new Audio(rate, channels);
    }

    public int frames() {
        return channels[0].length;
    }

    public int frames(Duration length) {
        return (int) (length.toNanos() * sampleRate / 1_000_000_000L);
    }

    /** Whether the channel is silent (every sample zero) within the span. */
    public boolean silent(int channel, Duration from, Duration to) {
        for (int i = frames(from); i < Math.min(frames(to), frames()); i++) {
            if (channels[channel][i] != 0) return false;
        }
        return true;
    }

    /** The first sample that is not silence, or -1. */
    public int firstSound(int channel) {
        for (int i = 0; i < frames(); i++) if (channels[channel][i] != 0) return i;
        return -1;
    }

    /** One past the last sample that is not silence, or -1. */
    public int endOfSound(int channel) {
        for (int i = frames() - 1; i >= 0; i--) if (channels[channel][i] != 0) return i + 1;
        return -1;
    }

    /**
     * The amplitude (fraction of full scale) of the frequency {@code hz} in the channel within the span: about 0.5
     * for a virtual phone's tone, near 0 for another phone's.
     */
    public double level(int channel, Duration from, Duration to, double hz) {
        int first = frames(from);
        int end = Math.min(frames(to), frames());
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (int i = first; i < end; i++) {
            double s0 = channels[channel][i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / (end - first) / Short.MAX_VALUE;
    }

    /**
     * The level of ringback in the channel within the span: the weaker of its two tones
     * ({@link VirtualNetwork#RINGBACK_HZ}), about 0.25 where it sounds all along, near 0 where it does not (a phone's
     * tone is one frequency, never either of them).
     */
    public double ringback(int channel, Duration from, Duration to) {
        double level = Double.MAX_VALUE;
        for (double hz : VirtualNetwork.RINGBACK_HZ) level = Math.min(level, level(channel, from, to, hz));
        return level;
    }

    private static String ascii(ByteBuffer in) {
        byte[] b = new byte[4];
        in.get(b);
        return new String(b, StandardCharsets.US_ASCII);
    }
}
