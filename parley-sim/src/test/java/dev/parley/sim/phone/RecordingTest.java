package dev.parley.sim.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.engine.telephony.Track;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.Audio;
import dev.parley.engine.recording.Wav;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Captures: a real WAV of what the leg's party sent, with the speech bounds. */
class RecordingTest {

    private static final String PHONE = "+15551230001";
    private static final int RATE = 8000;

    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final EventLog log = new EventLog(clock);
    private final VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ZERO);

    /** A parsed WAV file (header checked by {@link #parse}). */
    record Parsed(int format, int channels, int sampleRate, int byteRate, int blockAlign, int bits, short[] samples) {
    }

    /** Reads the RIFF header and the data chunk, independently of the writer. */
    /** The WAV file of a capture, as the engine stores it. */
    static Parsed parse(RecordedAudio audio) {
        return parse(Wav.media(audio.audio()).bytes());
    }

    static Parsed parse(byte[] wav) {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ascii(in, 4)).isEqualTo("RIFF");
        assertThat(in.getInt()).as("RIFF size").isEqualTo(wav.length - 8);
        assertThat(ascii(in, 4)).isEqualTo("WAVE");
        assertThat(ascii(in, 4)).isEqualTo("fmt ");
        int fmtSize = in.getInt();
        assertThat(fmtSize).isEqualTo(16);
        int format = in.getShort();
        int channels = in.getShort();
        int sampleRate = in.getInt();
        int byteRate = in.getInt();
        int blockAlign = in.getShort();
        int bits = in.getShort();
        assertThat(ascii(in, 4)).isEqualTo("data");
        int dataSize = in.getInt();
        assertThat(dataSize).isEqualTo(in.remaining());
        short[] samples = new short[dataSize / 2];
        in.asShortBuffer().get(samples);
        return new Parsed(format, channels, sampleRate, byteRate, blockAlign, bits, samples);
    }

    private static String ascii(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** Dials, starts recording {@code startAfter} the answer, stops {@code stopAfter} the answer. */
    private RecordedAudio record(Duration startAfter, Duration stopAfter) {
        AtomicReference<RecordedAudio> audio = new AtomicReference<>();
        Sim.engine(clock, () -> {
            network.dial("CA1", "+15550000001", PHONE, log);
            log.waitFor(LegEvent.Answered.class);
            Sim.sleep(clock, startAfter);
            network.startRecording("CA1", "RE1");
            Sim.sleep(clock, stopAfter.minus(startAfter));
            audio.set(network.stopRecording("CA1", "RE1"));
        });
        return audio.get();
    }

    private static void assertSoundOnlyWithin(short[] samples, Duration from, Duration to) {
        long first = from.toNanos() * RATE / 1_000_000_000L;
        long end = to.toNanos() * RATE / 1_000_000_000L;
        for (int i = 0; i < samples.length; i++) {
            if (i < first || i >= end) {
                assertThat(samples[i]).as("sample %d outside %s..%s", i, from, to).isZero();
            }
        }
        assertThat(nonSilent(samples, (int) first, (int) end)).as("sound within %s..%s", from, to).isGreaterThan(0);
    }

    private static int nonSilent(short[] samples, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (samples[i] != 0) n++;
        return n;
    }

    @Test
    void aCaptureIsAMonoWavOfThePhonesTalkWithTheSpeechBounds() {
        phone.talk(Duration.ofSeconds(1), Duration.ofSeconds(2)).talk(Duration.ofSeconds(4), Duration.ofSeconds(1));

        RecordedAudio audio = record(Duration.ZERO, Duration.ofSeconds(6));

        Parsed wav = parse(audio);
        assertThat(wav.format()).isEqualTo(1);
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(wav.sampleRate()).isEqualTo(RATE);
        assertThat(wav.bits()).isEqualTo(16);
        assertThat(wav.blockAlign()).isEqualTo(2);
        assertThat(wav.byteRate()).isEqualTo(RATE * 2);
        assertThat(audio.duration()).isEqualTo(Duration.ofSeconds(6));
        assertThat(wav.samples()).hasSize(6 * RATE);
        assertThat(audio.speechStart()).isEqualTo(Duration.ofSeconds(1));
        assertThat(audio.speechEnd()).isEqualTo(Duration.ofSeconds(5));
        assertThat(audio.hasSpeech()).isTrue();
        assertSoundOnlyWithin(wav.samples(), audio.speechStart(), audio.speechEnd());
        assertThat(nonSilent(wav.samples(), 3 * RATE, 4 * RATE)).as("silence between the two talks").isZero();
        assertThat(nonSilent(wav.samples(), 1 * RATE, 3 * RATE)).isGreaterThan(RATE);
        assertThat(nonSilent(wav.samples(), 4 * RATE, 5 * RATE)).isGreaterThan(RATE / 2);
    }

    @Test
    void anOutboundCaptureIsWhatThePartyHearsParleysMediaAsPlayedThenTheBridgedPartyWhileBridged() {
        phone.talk(Duration.ZERO, Duration.ofSeconds(4));
        VirtualPhone other = network.phone("+15551230002").answerAfter(Duration.ZERO)
            .talk(Duration.ofSeconds(1), Duration.ofSeconds(3));
        EventLog otherLog = new EventLog(clock);
        AtomicReference<RecordedAudio> heard = new AtomicReference<>();
        Sim.engine(clock, () -> {
            network.dial("CA1", "+15550000001", PHONE, log);
            log.waitFor(LegEvent.Answered.class);
            network.startRecording("CA1", "RE1", Track.OUTBOUND);
            network.say("CA1", "one two three four five", "", "");
            Sim.sleep(clock, Duration.ofMillis(500));
            network.stopMedia("CA1");
            network.dial("CA2", "+15550000001", other.address(), otherLog);
            otherLog.waitFor(LegEvent.Answered.class);
            Sim.sleep(clock, Duration.ofMillis(1400));
            network.bridge("CA1", "CA2");
            Sim.sleep(clock, Duration.ofSeconds(1));
            network.unbridge("CA1", "CA2");
            Sim.sleep(clock, Duration.ofSeconds(1));
            heard.set(network.stopRecording("CA1", "RE1", Track.OUTBOUND));
        });

        RecordedAudio audio = heard.get();
        Audio wav = Audio.of(Wav.media(audio.audio()).bytes());
        assertThat(wav.frames()).as("0 .. 4 s after the answer").isEqualTo(4 * RATE);
        assertThat(wav.level(0, Duration.ZERO, Duration.ofMillis(500), VirtualNetwork.PARLEY_HZ))
            .as("the say, stopped after 0.5 s").isCloseTo(0.5, offset(0.01));
        assertThat(wav.silent(0, Duration.ofMillis(500), Duration.ofSeconds(2))).isTrue();
        assertThat(wav.level(0, Duration.ofSeconds(2), Duration.ofSeconds(3), other.toneHz()))
            .as("the other party, talking since 1.6 s, heard while bridged").isCloseTo(0.5, offset(0.01));
        assertThat(wav.silent(0, Duration.ofSeconds(3), Duration.ofSeconds(4))).isTrue();
        assertThat(wav.level(0, Duration.ZERO, Duration.ofSeconds(4), phone.toneHz()))
            .as("never the party's own voice").isLessThan(0.01);
        assertThat(audio.speechStart()).isEqualTo(Duration.ZERO);
        assertThat(audio.speechEnd()).isEqualTo(Duration.ofSeconds(3));
        assertThat(log.events()).as("only a capture of what the party says reports its speech")
            .noneMatch(e -> e instanceof LegEvent.SpeechStarted);
    }

    @Test
    void theToneIsThePhonesOwn() {
        phone.talk(Duration.ZERO, Duration.ofSeconds(1));
        VirtualPhone other = network.phone("+15551230002");

        short[] samples = parse(record(Duration.ZERO, Duration.ofSeconds(1))).samples();

        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) crossings++;
        }
        assertThat((double) crossings / 2).isCloseTo(phone.toneHz(), org.assertj.core.data.Offset.offset(2.0));
        assertThat(other.toneHz()).isNotEqualTo(phone.toneHz());
        int peak = 0;
        for (short s : samples) peak = Math.max(peak, Math.abs(s));
        assertThat(peak).isBetween(Short.MAX_VALUE / 3, Short.MAX_VALUE - 1);
    }

    @Test
    void aCaptureStartedMidTalkStartsWithSpeech() {
        phone.talk(Duration.ofSeconds(1), Duration.ofSeconds(2));

        RecordedAudio audio = record(Duration.ofSeconds(2), Duration.ofMillis(4500));

        assertThat(audio.duration()).isEqualTo(Duration.ofMillis(2500));
        assertThat(parse(audio).samples()).hasSize(20000);
        assertThat(audio.speechStart()).isZero();
        assertThat(audio.speechEnd()).isEqualTo(Duration.ofSeconds(1));
        assertSoundOnlyWithin(parse(audio).samples(), audio.speechStart(), audio.speechEnd());
    }

    @Test
    void aSilentCaptureHasNoSpeech() {
        RecordedAudio audio = record(Duration.ZERO, Duration.ofSeconds(3));

        assertThat(audio.hasSpeech()).isFalse();
        assertThat(audio.speechStart()).isZero();
        assertThat(audio.speechEnd()).isZero();
        short[] samples = parse(audio).samples();
        assertThat(samples).hasSize(3 * RATE);
        assertThat(nonSilent(samples, 0, samples.length)).isZero();
    }

    @Test
    void aCaptureEndsWhenTheLegEnds() {
        phone.talk(Duration.ZERO, Duration.ofSeconds(10)).hangupAt(Duration.ofSeconds(3));
        AtomicReference<RecordedAudio> audio = new AtomicReference<>();

        Sim.engine(clock, () -> {
            network.dial("CA1", "+15550000001", PHONE, log);
            log.waitFor(LegEvent.Answered.class);
            network.startRecording("CA1", "RE1");
            log.waitFor(LegEvent.HungUp.class);
            Sim.sleep(clock, Duration.ofSeconds(2));
            audio.set(network.stopRecording("CA1", "RE1"));
        });

        assertThat(audio.get().duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(audio.get().speechEnd()).isEqualTo(Duration.ofSeconds(3));
        assertThat(parse(audio.get()).samples()).hasSize(3 * RATE);
    }

    @Test
    void talkingNowIsRecorded() {
        AtomicReference<RecordedAudio> audio = new AtomicReference<>();

        Sim.engine(clock, () -> {
            network.dial("CA1", "+15550000001", PHONE, log);
            log.waitFor(LegEvent.Answered.class);
            network.startRecording("CA1", "RE1");
            Sim.sleep(clock, Duration.ofSeconds(1));
            phone.talkNow(Duration.ofMillis(500));
            Sim.sleep(clock, Duration.ofSeconds(1));
            audio.set(network.stopRecording("CA1", "RE1"));
        });

        assertThat(audio.get().speechStart()).isEqualTo(Duration.ofSeconds(1));
        assertThat(audio.get().speechEnd()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void recordingsAreNamed() {
        network.phone(PHONE).ringForever();
        network.dial("CA1", "+15550000001", PHONE, log);
        network.startRecording("CA1", "RE1");

        assertThatThrownBy(() -> network.startRecording("CA1", "RE1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> network.stopRecording("CA1", "RE2")).isInstanceOf(IllegalArgumentException.class);
        network.stopRecording("CA1", "RE1");
        assertThatThrownBy(() -> network.stopRecording("CA1", "RE1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wavInterleavesChannels() {
        Parsed stereo = parse(Wav.pcm16(RATE, new short[] {1, 2, 3}, new short[] {-1, -2, -3}));

        assertThat(stereo.channels()).isEqualTo(2);
        assertThat(stereo.blockAlign()).isEqualTo(4);
        assertThat(stereo.byteRate()).isEqualTo(RATE * 4);
        assertThat(stereo.samples()).containsExactly(1, -1, 2, -2, 3, -3);
        assertThatThrownBy(() -> Wav.pcm16(RATE, new short[1], new short[2])).isInstanceOf(IllegalArgumentException.class);
    }
}
