package dev.parley.engine.recording;

import dev.parley.engine.store.Media;
import dev.parley.engine.telephony.Audio;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The little of WAV (RIFF, 16-bit PCM, little-endian, channels interleaved) that recordings need: the file of an
 * {@link Audio}, streamed; reading the format and the samples of a short one held in memory (tests).
 */
public final class Wav {

    private static final int HEADER_BYTES = 44;
    /** The RIFF size field (data plus 36 header bytes) is an unsigned 32-bit number. */
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - 36;

    private Wav() {
    }

    /**
     * A WAV file holding the channels given (one array per channel, all of the same length). One channel is
     * mono; two are a stereo file whose first channel is the left one.
     */
    public static byte[] pcm16(int sampleRate, short[]... channels) {
        return media(Pcm.of(sampleRate, channels)).bytes();
    }

    /** The WAV file of an audio: the header, then its samples, streamed from it. */
    public static Media media(Audio audio) {
        byte[] header = header(audio.sampleRate(), audio.channels(), audio.frames());
        return new Media() {
            @Override
            public long length() {
                return HEADER_BYTES + audio.bytes();
            }

            @Override
            public InputStream open() {
                return new SequenceInputStream(new ByteArrayInputStream(header), audio.open());
            }
        };
    }

    /** The canonical 44-byte header of a PCM WAV of {@code frames} frames; RIFF sizes are unsigned 32-bit. */
    static byte[] header(int sampleRate, int channels, long frames) {
        int blockAlign = channels * 2;
        long dataBytes = frames * blockAlign;
        if (dataBytes > MAX_DATA_BYTES) throw new IllegalArgumentException("too long for a WAV file");
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.putInt((int) (36 + dataBytes));
        out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII));
        out.putInt(16);                          // size of the fmt chunk
        out.putShort((short) 1);                 // PCM
        out.putShort((short) channels);
        out.putInt(sampleRate);
        out.putInt(sampleRate * blockAlign);     // byte rate
        out.putShort((short) blockAlign);
        out.putShort((short) 16);                // bits per sample
        out.put("data".getBytes(StandardCharsets.US_ASCII));
        out.putInt((int) dataBytes);
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
}
