package dev.parley.server.api2010;

import de.sciss.jump3r.lowlevel.LameEncoder;
import dev.parley.engine.recording.Wav;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;

/**
 * A recording's WAV (16-bit PCM) as MP3, with jump3r, a pure-Java port of LAME: nothing to install. Constant
 * bit rate, 32 kbit/s a channel, the telephone-quality rate of Twilio's MP3 recordings.
 */
final class Mp3 {

    private static final int KBPS_PER_CHANNEL = 32;
    /** {@link Wav} writes the canonical header: the samples start at byte 44. */
    private static final int WAV_HEADER = 44;

    private Mp3() {
    }

    static byte[] of(byte[] wav) {
        int channels = Wav.channels(wav);
        AudioFormat pcm = new AudioFormat(Wav.sampleRate(wav), 16, channels, true, false);
        LameEncoder encoder = new LameEncoder(pcm, KBPS_PER_CHANNEL * channels,
            channels == 1 ? LameEncoder.CHANNEL_MODE_MONO : LameEncoder.CHANNEL_MODE_STEREO,
            LameEncoder.QUALITY_MIDDLE, false);
        try {
            byte[] samples = Arrays.copyOfRange(wav, WAV_HEADER, wav.length);
            byte[] buffer = new byte[encoder.getMP3BufferSize()];
            ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
            int chunk = encoder.getPCMBufferSize();
            for (int at = 0; at < samples.length; at += chunk) {
                int written = encoder.encodeBuffer(samples, at, Math.min(chunk, samples.length - at), buffer);
                mp3.write(buffer, 0, written);
            }
            mp3.write(buffer, 0, encoder.encodeFinish(buffer));
            return mp3.toByteArray();
        } finally {
            encoder.close();
        }
    }
}
