package dev.parley.server.api2010;

import de.sciss.jump3r.lowlevel.LameEncoder;
import dev.parley.engine.recording.Wav;
import dev.parley.engine.store.Media;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.sound.sampled.AudioFormat;

/**
 * A recording's WAV (16-bit PCM) as MP3, with jump3r, a pure-Java port of LAME: nothing to install. Constant
 * bit rate, 32 kbit/s a channel, the telephone-quality rate of Twilio's MP3 recordings. Encoded as it is sent, a
 * buffer of samples at a time (LAME's own loop), so an hours-long recording takes no more memory than a short one.
 */
final class Mp3 {

    private static final int KBPS_PER_CHANNEL = 32;
    /** {@link Wav} writes the canonical header: the samples start at byte 44. */
    private static final int WAV_HEADER = 44;

    private Mp3() {
    }

    /** Encodes the WAV into {@code out}, chunk by chunk. */
    static void write(Media wav, OutputStream out) throws IOException {
        try (InputStream in = wav.open()) {
            byte[] header = in.readNBytes(WAV_HEADER);
            int channels = Wav.channels(header);
            AudioFormat pcm = new AudioFormat(Wav.sampleRate(header), 16, channels, true, false);
            LameEncoder encoder = new LameEncoder(pcm, KBPS_PER_CHANNEL * channels,
                channels == 1 ? LameEncoder.CHANNEL_MODE_MONO : LameEncoder.CHANNEL_MODE_STEREO,
                LameEncoder.QUALITY_MIDDLE, false);
            try {
                byte[] samples = new byte[encoder.getPCMBufferSize()];
                byte[] buffer = new byte[encoder.getMP3BufferSize()];
                for (int read; (read = in.readNBytes(samples, 0, samples.length)) > 0; ) {
                    out.write(buffer, 0, encoder.encodeBuffer(samples, 0, read, buffer));
                }
                out.write(buffer, 0, encoder.encodeFinish(buffer));
            } finally {
                encoder.close();
            }
        }
    }
}
