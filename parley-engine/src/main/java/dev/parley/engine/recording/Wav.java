package dev.parley.engine.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The little of WAV (RIFF, 16-bit PCM, little-endian, channels interleaved) that recordings need: writing, reading
 * the format and the samples, cutting a time span.
 */
public final class Wav {

    private static final int HEADER_BYTES = 44;

    private Wav() {
    }

    /**
     * A WAV file holding the channels given (one array per channel, all of the same length). One channel is
     * mono; two are a stereo file whose first channel is the left one.
     */
    public static byte[] pcm16(int sampleRate, short[]... channels) {
        if (channels.length == 0) throw new IllegalArgumentException("a WAV file needs at least one channel");
        int frames = channels[0].length;
        for (short[] channel : channels) {
            if (channel.length != frames) throw new IllegalArgumentException("channels differ in length");
        }
        int blockAlign = channels.length * 2;
        long dataBytes = (long) frames * blockAlign;
        if (dataBytes > Integer.MAX_VALUE - HEADER_BYTES) throw new IllegalArgumentException("too long for a WAV file");
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + (int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.putInt(36 + (int) dataBytes);
        out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII));
        out.putInt(16);                          // size of the fmt chunk
        out.putShort((short) 1);                 // PCM
        out.putShort((short) channels.length);
        out.putInt(sampleRate);
        out.putInt(sampleRate * blockAlign);     // byte rate
        out.putShort((short) blockAlign);
        out.putShort((short) 16);                // bits per sample
        out.put("data".getBytes(StandardCharsets.US_ASCII));
        out.putInt((int) dataBytes);
        for (int i = 0; i < frames; i++) {
            for (short[] channel : channels) {
                out.putShort(channel[i]);
            }
        }
        return out.array();
    }

    /** Sample rate of a canonical 44-byte-header PCM WAV. */
    public static int sampleRate(byte[] wav) {
        return ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(24);
    }

    public static int channels(byte[] wav) {
        return ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getShort(22);
    }

    /** The samples of each channel of a canonical 44-byte-header PCM WAV (one array per channel). */
    public static short[][] channelsOf(byte[] wav) {
        int channels = channels(wav);
        int frames = (wav.length - HEADER_BYTES) / (2 * channels);
        short[][] out = new short[channels][frames];
        ByteBuffer in = ByteBuffer.wrap(wav, HEADER_BYTES, wav.length - HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                out[c][i] = in.getShort();
            }
        }
        return out;
    }

    /** The audio between two offsets, as a WAV of its own. */
    public static byte[] slice(byte[] wav, Duration from, Duration to) {
        int rate = sampleRate(wav);
        int frame = 2 * channels(wav);
        int dataLength = wav.length - HEADER_BYTES;
        int start = (int) Math.min(dataLength, from.toNanos() * rate / 1_000_000_000L * frame);
        int end = (int) Math.min(dataLength, to.toNanos() * rate / 1_000_000_000L * frame);
        end = Math.max(start, end);
        byte[] out = Arrays.copyOf(wav, HEADER_BYTES + end - start);
        System.arraycopy(wav, HEADER_BYTES + start, out, HEADER_BYTES, end - start);
        ByteBuffer header = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, 36 + end - start);
        header.putInt(40, end - start);
        return out;
    }
}
