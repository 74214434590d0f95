package dev.parley.server.testing;

/**
 * What an MP3 stream holds, read from its frame headers (ISO 11172-3 / 13818-3, Layer III): the frames must follow
 * one another with no gap, each with a sync word, Layer III, and the same sample rate and channel mode. A test reads
 * from this the sample rate, the channels and how many samples the stream decodes to.
 */
public record Mp3Frames(int frames, int sampleRate, int channels, long samples) {

    private static final int[] BITRATES_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] BITRATES_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[][] RATES = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}};

    /** Reads every frame of the stream; fails on anything that is not a whole Layer III frame. */
    public static Mp3Frames read(byte[] mp3) {
        int at = 0;
        int frames = 0;
        int sampleRate = -1;
        int channels = -1;
        long samples = 0;
        while (at < mp3.length) {
            if (at + 4 > mp3.length) throw new AssertionError("a truncated frame header at byte " + at);
            int header = ((mp3[at] & 0xff) << 24) | ((mp3[at + 1] & 0xff) << 16) | ((mp3[at + 2] & 0xff) << 8)
                | (mp3[at + 3] & 0xff);
            if ((header >>> 21) != 0x7ff) throw new AssertionError("no frame sync at byte " + at);
            int version = (header >>> 19) & 3;
            int layer = (header >>> 17) & 3;
            if (version == 1 || layer != 1) throw new AssertionError("not MPEG Layer III at byte " + at);
            int bitrate = (version == 3 ? BITRATES_V1 : BITRATES_V2)[(header >>> 12) & 0xf] * 1000;
            int rate = RATES[version][(header >>> 10) & 3];
            int padding = (header >>> 9) & 1;
            int frameChannels = ((header >>> 6) & 3) == 3 ? 1 : 2;
            if (bitrate == 0 || rate == 0) throw new AssertionError("a bad bitrate or sample rate at byte " + at);
            if (sampleRate >= 0 && (rate != sampleRate || frameChannels != channels)) {
                throw new AssertionError("the format changes at byte " + at);
            }
            sampleRate = rate;
            channels = frameChannels;
            int samplesPerFrame = version == 3 ? 1152 : 576;
            at += samplesPerFrame / 8 * bitrate / rate + padding;
            samples += samplesPerFrame;
            frames++;
        }
        if (frames == 0) throw new AssertionError("no frames");
        return new Mp3Frames(frames, sampleRate, channels, samples);
    }
}
