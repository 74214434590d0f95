package dev.parley.engine.telephony;

import java.time.Duration;

/**
 * What a capture recorded: WAV bytes (16-bit PCM), the length, and where the party was speaking (to trim
 * silence). {@code speechStart}/{@code speechEnd} are offsets from the start; equal when there was no speech.
 */
public record RecordedAudio(byte[] wav, Duration duration, Duration speechStart, Duration speechEnd, int channels) {

    public boolean hasSpeech() {
        return speechEnd.compareTo(speechStart) > 0;
    }
}
