package dev.parley.engine.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.telephony.Audio;
import dev.parley.engine.telephony.RecordedAudio;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mixer that streams in chunks makes the very file the whole-array mixer it replaced made (kept here as the
 * reference, as it was): on tricky alignments (offsets that are not whole samples, captures ending before or after
 * the others, across chunk boundaries), clipping, stereo captures, dual silence, and trimming as a byte range.
 * Nothing stays in the scratch directory once the audio is released, nor when a mix fails.
 */
class StreamingMixerTest {

    private static final int RATE = 8000;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path scratch;

    @Test
    void randomAlignmentsMixBitForBitAsTheWholeArrayMixerDid() {
        SplittableRandom random = new SplittableRandom(18);
        for (int round = 0; round < 60; round++) {
            int channels = 1 + random.nextInt(2);
            List<Mixer.Track> tracks = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int t = 0; t < count; t++) {
                tracks.add(new Mixer.Track(randomCapture(random), random.nextInt(channels)));
            }
            assertSameAsReference(tracks, channels, "round " + round);
        }
    }

    @Test
    void clippingOffsetsAndDualSilenceAcrossChunkBoundaries() {
        int chunk = Mixer.CHUNK_FRAMES;
        short[] loud = new short[chunk + 5];
        java.util.Arrays.fill(loud, Short.MAX_VALUE);
        short[] quiet = new short[2 * chunk + 3];
        java.util.Arrays.fill(quiet, 3, 2 * chunk, (short) -Short.MAX_VALUE);
        RecordedAudio a = capture(T0, 0, loud, loud);
        RecordedAudio b = capture(T0.plusNanos(125_001), 1, quiet);
        RecordedAudio silent = capture(T0.plusSeconds(1), 0, new short[chunk - 1]);

        assertSameAsReference(List.of(new Mixer.Track(a, 0), new Mixer.Track(b, 0)), 1, "mono clipping");
        assertSameAsReference(List.of(new Mixer.Track(a, 0), new Mixer.Track(b, 0), new Mixer.Track(silent, 0)), 2,
            "dual with a silent second channel");
        assertSameAsReference(List.of(new Mixer.Track(silent, 1), new Mixer.Track(b, 0)), 2, "silence first");
        assertSameAsReference(List.of(new Mixer.Track(capture(T0, 0, new short[0]), 0), new Mixer.Track(b, 1)), 2,
            "an empty capture lines the mix up");
    }

    @Test
    void theMixIsATemporaryFileGoneOnceReleasedTrimmedOrNot() throws IOException {
        RecordedAudio a = capture(T0, 3, new short[4000]);
        RecordedAudio mixed = Mixer.mono(List.of(a), scratch);
        RecordedAudio trimmed = Mixer.trimmed(mixed);
        assertThat(files()).hasSize(1);

        trimmed.audio().release();

        assertThat(files()).isEmpty();
    }

    @Test
    void aMixThatFailsLeavesNothingBehind() throws IOException {
        RecordedAudio good = capture(T0, 0, new short[3 * Mixer.CHUNK_FRAMES]);
        RecordedAudio broken = new RecordedAudio(new Broken(3 * Mixer.CHUNK_FRAMES), T0, good.duration(),
            Duration.ZERO, Duration.ZERO);

        assertThatThrownBy(() -> Mixer.mix(List.of(new Mixer.Track(good, 0), new Mixer.Track(broken, 1)), 2, scratch))
            .isInstanceOf(UncheckedIOException.class);
        assertThat(files()).isEmpty();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listed = Files.list(scratch)) {
            return listed.toList();
        }
    }

    private void assertSameAsReference(List<Mixer.Track> tracks, int channels, String what) {
        RecordedAudio mixed = Mixer.mix(tracks, channels, scratch);
        try {
            Reference expected = Reference.mix(tracks, channels);
            assertThat(Wav.media(mixed.audio()).bytes()).as(what).isEqualTo(expected.wav());
            assertThat(mixed.start()).as(what).isEqualTo(expected.audio().start());
            assertThat(mixed.duration()).as(what).isEqualTo(expected.audio().duration());
            assertThat(mixed.speechStart()).as(what).isEqualTo(expected.audio().speechStart());
            assertThat(mixed.speechEnd()).as(what).isEqualTo(expected.audio().speechEnd());
            RecordedAudio trimmed = Mixer.trimmed(mixed);
            Reference expectedTrim = Reference.trimmed(expected);
            assertThat(Wav.media(trimmed.audio()).bytes()).as(what + ", trimmed").isEqualTo(expectedTrim.wav());
            assertThat(trimmed.start()).as(what).isEqualTo(expectedTrim.audio().start());
            assertThat(trimmed.duration()).as(what).isEqualTo(expectedTrim.audio().duration());
        } finally {
            mixed.audio().release();
        }
    }

    /** A capture at a random offset (not always whole samples) of random length, channels and speech. */
    private static RecordedAudio randomCapture(SplittableRandom random) {
        int frames = random.nextInt(3 * Mixer.CHUNK_FRAMES);
        int channels = 1 + random.nextInt(2);
        short[][] samples = new short[channels][frames];
        int from = frames == 0 ? 0 : random.nextInt(frames);
        int to = frames == 0 ? 0 : from + random.nextInt(frames - from + 1);
        for (short[] channel : samples) {
            for (int i = from; i < to; i++) channel[i] = (short) random.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1);
        }
        Instant start = T0.plusNanos(random.nextLong(2_000_000_000L));
        return capture(start, from, to, samples);
    }

    private static RecordedAudio capture(Instant start, int speechFrom, short[]... channels) {
        return capture(start, speechFrom, channels[0].length, channels);
    }

    private static RecordedAudio capture(Instant start, int speechFrom, int speechTo, short[]... channels) {
        int frames = channels[0].length;
        return new RecordedAudio(Pcm.of(RATE, channels), start, time(frames), time(Math.min(speechFrom, frames)),
            time(Math.max(Math.min(speechFrom, frames), speechTo)));
    }

    private static Duration time(long frames) {
        return Duration.ofNanos(frames * 1_000_000_000L / RATE);
    }

    /** Audio whose stream fails after its first chunk. */
    private record Broken(long frames) implements Audio {

        @Override
        public int sampleRate() {
            return RATE;
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public InputStream open() {
            return new InputStream() {
                private long left = 2L * Mixer.CHUNK_FRAMES;

                @Override
                public int read() throws IOException {
                    if (left-- <= 0) throw new IOException("the capture broke");
                    return 0;
                }
            };
        }
    }

    /** Today's mixer as it was before it streamed: whole arrays in memory. The reference for the files. */
    private record Reference(RecordedAudio audio, byte[] wav) {

        static Reference mix(List<Mixer.Track> tracks, int channels) {
            int rate = tracks.get(0).audio().audio().sampleRate();
            Instant start = tracks.get(0).audio().start();
            Instant end = start;
            for (Mixer.Track track : tracks) {
                if (track.audio().start().isBefore(start)) start = track.audio().start();
                Instant trackEnd = track.audio().start().plus(track.audio().duration());
                if (trackEnd.isAfter(end)) end = trackEnd;
            }
            int frames = (int) samples(Duration.between(start, end), rate);
            int[][] sums = new int[channels][frames];
            Duration speechStart = null;
            Duration speechEnd = null;
            for (Mixer.Track track : tracks) {
                RecordedAudio audio = track.audio();
                Duration offset = Duration.between(start, audio.start());
                short[][] source = Wav.channelsOf(Wav.media(audio.audio()).bytes());
                int first = (int) samples(offset, rate);
                int[] into = sums[track.channel()];
                for (short[] channel : source) {
                    for (int i = 0; i < channel.length && first + i < frames; i++) into[first + i] += channel[i];
                }
                if (audio.hasSpeech()) {
                    Duration from = offset.plus(audio.speechStart());
                    Duration to = offset.plus(audio.speechEnd());
                    if (speechStart == null || from.compareTo(speechStart) < 0) speechStart = from;
                    if (speechEnd == null || to.compareTo(speechEnd) > 0) speechEnd = to;
                }
            }
            short[][] out = new short[channels][frames];
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < frames; i++) {
                    out[c][i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sums[c][i]));
                }
            }
            Duration length = Duration.between(start, end);
            return new Reference(new RecordedAudio(Pcm.of(rate, out), start, length,
                speechStart == null ? Duration.ZERO : speechStart, speechEnd == null ? Duration.ZERO : speechEnd),
                Wav.pcm16(rate, out));
        }

        static Reference trimmed(Reference whole) {
            RecordedAudio audio = whole.audio();
            if (!audio.hasSpeech()) return whole;
            Duration length = audio.speechEnd().minus(audio.speechStart());
            return new Reference(new RecordedAudio(audio.audio(), audio.start().plus(audio.speechStart()), length,
                Duration.ZERO, length), slice(whole.wav(), audio.speechStart(), audio.speechEnd()));
        }

        /** Today's {@code Wav.slice}. */
        private static byte[] slice(byte[] wav, Duration from, Duration to) {
            int rate = Wav.sampleRate(wav);
            int frame = 2 * Wav.channels(wav);
            int dataLength = wav.length - 44;
            int start = (int) Math.min(dataLength, from.toNanos() * rate / 1_000_000_000L * frame);
            int end = (int) Math.min(dataLength, to.toNanos() * rate / 1_000_000_000L * frame);
            end = Math.max(start, end);
            byte[] out = java.util.Arrays.copyOf(wav, 44 + end - start);
            System.arraycopy(wav, 44 + start, out, 44, end - start);
            java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            header.putInt(4, 36 + end - start);
            header.putInt(40, end - start);
            return out;
        }

        private static long samples(Duration length, int rate) {
            return Math.floorDiv(length.toNanos() * rate, 1_000_000_000L);
        }
    }
}
