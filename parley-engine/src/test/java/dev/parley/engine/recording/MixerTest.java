package dev.parley.engine.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.telephony.RecordedAudio;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lining captures up on the clock, mixing them into one or two channels, trimming silence: sample by sample. */
class MixerTest {

    private static final int RATE = 8000;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A mono capture starting {@code startMillis} after T0: {@code samples}, speech where they are not zero. */
    private static RecordedAudio capture(long startMillis, short... samples) {
        int first = 0;
        while (first < samples.length && samples[first] == 0) first++;
        int end = samples.length;
        while (end > first && samples[end - 1] == 0) end--;
        return new RecordedAudio(Wav.pcm16(RATE, samples), T0.plusMillis(startMillis), sampleTime(samples.length),
            sampleTime(first), sampleTime(end), 1);
    }

    private static Duration sampleTime(long samples) {
        return Duration.ofNanos(samples * 1_000_000_000L / RATE);
    }

    private static short[] samples(RecordedAudio audio, int channel) {
        return Wav.channelsOf(audio.wav())[channel];
    }

    @Test
    void monoSumsThePartiesWhereTheyOverlapOnTheClock() {
        RecordedAudio caller = capture(0, (short) 100, (short) 100, (short) 100, (short) 100);
        RecordedAudio callee = capture(0, (short) 0, (short) 0, (short) 7, (short) 7, (short) 7, (short) 0);

        RecordedAudio mixed = Mixer.mono(List.of(caller, callee));

        assertThat(samples(mixed, 0)).containsExactly(100, 100, 107, 107, 7, 0);
        assertThat(mixed.channels()).isEqualTo(1);
        assertThat(mixed.start()).isEqualTo(T0);
        assertThat(mixed.duration()).isEqualTo(sampleTime(6));
        assertThat(mixed.speechStart()).isZero();
        assertThat(mixed.speechEnd()).isEqualTo(sampleTime(5));
    }

    @Test
    void aCaptureThatStartedLaterIsPlacedAtItsOffset() {
        short[] tone = new short[8];
        Arrays.fill(tone, (short) 5);
        RecordedAudio early = capture(0, new short[16]);
        RecordedAudio late = capture(1, tone);

        RecordedAudio dual = Mixer.mix(List.of(new Mixer.Track(early, 0), new Mixer.Track(late, 1)), 2);

        assertThat(samples(dual, 0)).containsOnly((short) 0).hasSize(16);
        assertThat(samples(dual, 1)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5);
        assertThat(dual.speechStart()).isEqualTo(Duration.ofMillis(1));
        assertThat(dual.speechEnd()).isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void aMissingChannelIsSilenceAndTheTimelineSpansEveryCapture() {
        RecordedAudio first = capture(1, (short) 1, (short) 1);

        RecordedAudio dual = Mixer.mix(List.of(new Mixer.Track(first, 0)), 2);

        assertThat(samples(dual, 0)).containsExactly(1, 1);
        assertThat(samples(dual, 1)).containsExactly(0, 0);
        assertThat(dual.start()).isEqualTo(T0.plusMillis(1));
    }

    @Test
    void sumsBeyondFullScaleAreClipped() {
        RecordedAudio a = capture(0, Short.MAX_VALUE, Short.MIN_VALUE);
        RecordedAudio b = capture(0, (short) 10, (short) -10);

        assertThat(samples(Mixer.mono(List.of(a, b)), 0)).containsExactly(Short.MAX_VALUE, Short.MIN_VALUE);
    }

    @Test
    void trimmingKeepsFromTheFirstSpeechToTheLastAndMovesTheStart() {
        short[] samples = new short[80];
        Arrays.fill(samples, 16, 40, (short) 9);
        RecordedAudio audio = capture(0, samples);

        RecordedAudio trimmed = Mixer.trimmed(audio);

        assertThat(samples(trimmed, 0)).hasSize(24).containsOnly((short) 9);
        assertThat(trimmed.start()).isEqualTo(T0.plusMillis(2));
        assertThat(trimmed.duration()).isEqualTo(Duration.ofMillis(3));
        assertThat(trimmed.speechStart()).isZero();
        assertThat(trimmed.speechEnd()).isEqualTo(Duration.ofMillis(3));
        assertThat(Mixer.trimmed(capture(0, new short[8]))).as("no speech: as it was").satisfies(same ->
            assertThat(same.duration()).isEqualTo(sampleTime(8)));
    }

    @Test
    void capturesOfDifferentRatesCannotBeMixed() {
        RecordedAudio narrow = capture(0, (short) 1);
        RecordedAudio wide = new RecordedAudio(Wav.pcm16(16000, new short[] {1}), T0, sampleTime(1), Duration.ZERO,
            Duration.ZERO, 1);

        assertThatThrownBy(() -> Mixer.mono(List.of(narrow, wide))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mixer.mono(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
