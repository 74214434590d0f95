package dev.parley.engine.telephony;

import java.io.InputStream;

/**
 * Audio as 16-bit PCM, read in chunks as often as needed and never held whole: a call's recording can be hours of
 * it (about 58 MB a channel an hour at 8 kHz). An adapter synthesizes it on demand or reads it from a file;
 * {@link #release} frees what backs it.
 */
public interface Audio {

    int sampleRate();

    int channels();

    /** Samples per channel. */
    long frames();

    /** The samples from the first frame on, channels interleaved, 16-bit little-endian; a new stream each call. */
    InputStream open();

    /** Frees what holds the audio (a temporary file); it is not read afterwards. Nothing to free by default. */
    default void release() {
    }

    /** The length of what {@link #open} reads. */
    default long bytes() {
        return frames() * channels() * 2L;
    }
}
