package dev.parley.engine.recording;

import dev.parley.engine.telephony.RecordedAudio;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Makes one recording of several parties: lines their captures up on the clock (each starts when its capture
 * started) and mixes them into a mono file (every party in one channel) or a dual one (each party on its own
 * channel, silence where a channel has none), and cuts leading and trailing silence. The one home for the audio of
 * a recording of joined legs ({@code <Dial record>}, {@code <Conversation record>}).
 */
public final class Mixer {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** A party's capture and the channel (from 0) it goes to. */
    public record Track(RecordedAudio audio, int channel) {
    }

    private Mixer() {
    }

    /** Every party in one channel, sample by sample summed (clipped at full scale). */
    public static RecordedAudio mono(List<RecordedAudio> parties) {
        return mix(parties.stream().map(a -> new Track(a, 0)).toList(), 1);
    }

    /**
     * The tracks on a common timeline from the earliest start to the latest end, in {@code channels} channels.
     * Speech spans from the first speech of any track to the last.
     */
    public static RecordedAudio mix(List<Track> tracks, int channels) {
        if (tracks.isEmpty()) throw new IllegalArgumentException("nothing to mix");
        int rate = Wav.sampleRate(tracks.get(0).audio().wav());
        Instant start = tracks.get(0).audio().start();
        Instant end = start;
        for (Track track : tracks) {
            if (Wav.sampleRate(track.audio().wav()) != rate) throw new IllegalArgumentException("sample rates differ");
            if (track.channel() < 0 || track.channel() >= channels) throw new IllegalArgumentException("no channel " + track.channel());
            if (track.audio().start().isBefore(start)) start = track.audio().start();
            Instant trackEnd = track.audio().start().plus(track.audio().duration());
            if (trackEnd.isAfter(end)) end = trackEnd;
        }
        int frames = (int) samples(Duration.between(start, end), rate);
        int[][] sums = new int[channels][frames];
        Duration speechStart = null;
        Duration speechEnd = null;
        for (Track track : tracks) {
            RecordedAudio audio = track.audio();
            Duration offset = Duration.between(start, audio.start());
            short[][] source = Wav.channelsOf(audio.wav());
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
        return new RecordedAudio(Wav.pcm16(rate, out), start, length,
            speechStart == null ? Duration.ZERO : speechStart, speechEnd == null ? Duration.ZERO : speechEnd, channels);
    }

    /** The audio from the first speech to the last ({@code trim-silence}); as it is when there is no speech. */
    public static RecordedAudio trimmed(RecordedAudio audio) {
        if (!audio.hasSpeech()) return audio;
        Duration length = audio.speechEnd().minus(audio.speechStart());
        return new RecordedAudio(Wav.slice(audio.wav(), audio.speechStart(), audio.speechEnd()),
            audio.start().plus(audio.speechStart()), length, Duration.ZERO, length, audio.channels());
    }

    /** Whole samples in a duration (as a capture counts them). */
    private static long samples(Duration length, int rate) {
        return Math.floorDiv(length.toNanos() * rate, NANOS_PER_SECOND);
    }
}
