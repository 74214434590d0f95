package dev.parley.engine.telephony;

import java.time.Duration;
import java.time.Instant;

/**
 * What a capture recorded: its audio (16-bit PCM, read in chunks), when it started (clock time, to line captures of
 * several legs up), its length, and where the party was speaking (to trim silence). {@code speechStart}/{@code
 * speechEnd} are offsets from the start; equal when there was no speech. Whoever gets it {@link Audio#release}s its
 * audio once done with it.
 */
public record RecordedAudio(Audio audio, Instant start, Duration duration, Duration speechStart, Duration speechEnd) {

    public boolean hasSpeech() {
        return speechEnd.compareTo(speechStart) > 0;
    }

    public int channels() {
        return audio.channels();
    }
}
