package dev.parley.engine.telephony;

import java.time.Duration;
import java.time.Instant;

/**
 * What a capture recorded: WAV bytes (16-bit PCM), when it started (clock time, to line captures of several legs
 * up), its length, and where the party was speaking (to trim silence). {@code speechStart}/{@code speechEnd} are
 * offsets from the start; equal when there was no speech.
 */
public record RecordedAudio(byte[] wav, Instant start, Duration duration, Duration speechStart, Duration speechEnd,
                            int channels) {

    public boolean hasSpeech() {
        return speechEnd.compareTo(speechStart) > 0;
    }
}
