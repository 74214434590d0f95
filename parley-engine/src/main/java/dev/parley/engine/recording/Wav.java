package dev.parley.engine.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;

/** The little of WAV (RIFF, 16-bit PCM) that recordings need: reading the format, cutting a time span. */
public final class Wav {

    private static final int HEADER = 44;

    private Wav() {
    }

    /** Sample rate of a canonical 44-byte-header PCM WAV. */
    public static int sampleRate(byte[] wav) {
        return ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(24);
    }

    public static int channels(byte[] wav) {
        return ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getShort(22);
    }

    /** The audio between two offsets, as a WAV of its own. */
    public static byte[] slice(byte[] wav, Duration from, Duration to) {
        int rate = sampleRate(wav);
        int frame = 2 * channels(wav);
        int dataLength = wav.length - HEADER;
        int start = (int) Math.min(dataLength, from.toNanos() * rate / 1_000_000_000L * frame);
        int end = (int) Math.min(dataLength, to.toNanos() * rate / 1_000_000_000L * frame);
        end = Math.max(start, end);
        byte[] out = Arrays.copyOf(wav, HEADER + end - start);
        System.arraycopy(wav, HEADER + start, out, HEADER, end - start);
        ByteBuffer header = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, 36 + end - start);
        header.putInt(40, end - start);
        return out;
    }
}
