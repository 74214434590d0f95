package dev.parley.engine.recording;

import dev.parley.engine.telephony.RecordedAudio;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes one recording of several parties: lines their captures up on the clock (each starts when its capture
 * started) and mixes them into a mono file (every party in one channel) or a dual one (each party on its own
 * channel, silence where a channel has none), and cuts leading and trailing silence. The one home for the audio of
 * a recording of joined legs ({@code <Dial record>}, {@code <Conversation record>}).
 *
 * <p>A mix is made a chunk at a time, reading every capture as a stream and writing a temporary file in a scratch
 * directory: memory stays the same whatever the length of the call (hours, for a bridged call up to {@code <Dial>}'s
 * 4-hour limit).
 */
public final class Mixer {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Frames mixed at a time: a second at 8 kHz. */
    static final int CHUNK_FRAMES = 8192;

    /** A party's capture and the channel (from 0) it goes to. */
    public record Track(RecordedAudio audio, int channel) {
    }

    private Mixer() {
    }

    /** Every party in one channel, sample by sample summed (clipped at full scale). */
    public static RecordedAudio mono(List<RecordedAudio> parties, Path scratch) {
        return mix(parties.stream().map(a -> new Track(a, 0)).toList(), 1, scratch);
    }

    /**
     * The tracks on a common timeline from the earliest start to the latest end, in {@code channels} channels,
     * written to a temporary file in {@code scratch} that is deleted when the result's audio is released. Speech
     * spans from the first speech of any track to the last.
     */
    public static RecordedAudio mix(List<Track> tracks, int channels, Path scratch) {
        if (tracks.isEmpty()) throw new IllegalArgumentException("nothing to mix");
        int rate = tracks.get(0).audio().audio().sampleRate();
        Instant start = tracks.get(0).audio().start();
        Instant end = start;
        for (Track track : tracks) {
            if (track.audio().audio().sampleRate() != rate) throw new IllegalArgumentException("sample rates differ");
            if (track.channel() < 0 || track.channel() >= channels) throw new IllegalArgumentException("no channel " + track.channel());
            if (track.audio().start().isBefore(start)) start = track.audio().start();
            Instant trackEnd = track.audio().start().plus(track.audio().duration());
            if (trackEnd.isAfter(end)) end = trackEnd;
        }
        long frames = samples(Duration.between(start, end), rate);
        Duration speechStart = null;
        Duration speechEnd = null;
        List<MixSource> sources = new ArrayList<>();
        for (Track track : tracks) {
            RecordedAudio audio = track.audio();
            Duration offset = Duration.between(start, audio.start());
            sources.add(new MixSource(audio.audio(), samples(offset, rate), track.channel()));
            if (audio.hasSpeech()) {
                Duration from = offset.plus(audio.speechStart());
                Duration to = offset.plus(audio.speechEnd());
                if (speechStart == null || from.compareTo(speechStart) < 0) speechStart = from;
                if (speechEnd == null || to.compareTo(speechEnd) > 0) speechEnd = to;
            }
        }
        AudioFile out = write(sources, channels, frames, rate, scratch);
        return new RecordedAudio(out, start, Duration.between(start, end),
            speechStart == null ? Duration.ZERO : speechStart, speechEnd == null ? Duration.ZERO : speechEnd);
    }

    /**
     * The audio from the first speech to the last ({@code trim-silence}), read in place from the whole; as it is
     * when there is no speech.
     */
    public static RecordedAudio trimmed(RecordedAudio audio) {
        if (!audio.hasSpeech()) return audio;
        Duration length = audio.speechEnd().minus(audio.speechStart());
        long frames = audio.audio().frames();
        int rate = audio.audio().sampleRate();
        long first = Math.min(frames, audio.speechStart().toNanos() * rate / NANOS_PER_SECOND);
        long last = Math.max(first, Math.min(frames, audio.speechEnd().toNanos() * rate / NANOS_PER_SECOND));
        return new RecordedAudio(new AudioSlice(audio.audio(), first, last - first),
            audio.start().plus(audio.speechStart()), length, Duration.ZERO, length);
    }

    /** Sums the sources chunk by chunk into a new file of {@code frames} frames; nothing is left behind on failure. */
    private static AudioFile write(List<MixSource> sources, int channels, long frames, int rate, Path scratch) {
        Path file;
        try {
            Files.createDirectories(scratch);
            file = Files.createTempFile(scratch, "mix-", ".pcm");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage a recording in " + scratch, e);
        }
        AudioFile out = new AudioFile(file, rate, channels, frames);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            int[][] sums = new int[channels][CHUNK_FRAMES];
            byte[] bytes = new byte[CHUNK_FRAMES * channels * 2];
            for (long at = 0; at < frames; at += CHUNK_FRAMES) {
                int length = (int) Math.min(CHUNK_FRAMES, frames - at);
                for (int[] channel : sums) Arrays.fill(channel, 0, length, 0);
                for (MixSource source : sources) source.addTo(sums[source.channel()], at, length);
                int b = 0;
                for (int i = 0; i < length; i++) {
                    for (int c = 0; c < channels; c++) {
                        int sample = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sums[c][i]));
                        bytes[b++] = (byte) sample;
                        bytes[b++] = (byte) (sample >> 8);
                    }
                }
                stream.write(bytes, 0, b);
            }
        } catch (IOException e) {
            out.release();
            throw new UncheckedIOException("cannot mix into " + file, e);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        } finally {
            for (MixSource source : sources) source.close();
        }
        return out;
    }

    /** Whole samples in a duration (as a capture counts them). */
    private static long samples(Duration length, int rate) {
        return Math.floorDiv(length.toNanos() * rate, NANOS_PER_SECOND);
    }
}
