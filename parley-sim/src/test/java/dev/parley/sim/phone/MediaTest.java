package dev.parley.sim.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.recording.Wav;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.engine.telephony.Track;
import dev.parley.sim.Heard;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.Audio;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Media on a leg: how long each kind lasts, MediaDone ids, the queue, stopping, what the phone heard, ringback. */
class MediaTest {

    private static final String PHONE = "+15551230001";

    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final EventLog log = new EventLog(clock);
    private final VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ZERO);
    /** When the leg was answered (set by {@link #answered()}). */
    private final AtomicReference<Instant> answer = new AtomicReference<>();

    /** On the engine thread: dials the phone and waits for the answer. */
    private void answered() {
        network.dial("CA1", "+15550000001", PHONE, log);
        log.waitFor(LegEvent.Answered.class);
        answer.set(clock.now());
    }

    /** On the engine thread: waits for the MediaDone of an id, returns how long after the answer it came. */
    private Duration done(long id) {
        assertThat(log.waitFor(LegEvent.MediaDone.class).mediaId()).isEqualTo(id);
        return Duration.between(answer.get(), clock.now());
    }

    @Test
    void sayLastsPointFourSecondsPerWordAndAtLeastOneSecond() {
        Sim.engine(clock, () -> {
            answered();
            assertThat(done(network.say("CA1", "Hello", "Polly.Joanna", "en-US"))).isEqualTo(Duration.ofSeconds(1));
            assertThat(done(network.say("CA1", "one two three  four five", "", ""))).isEqualTo(Duration.ofSeconds(3));
            assertThat(done(network.say("CA1", "", "", ""))).isEqualTo(Duration.ofSeconds(4));
        });

        assertThat(phone.heard()).containsExactly(
                new Heard("CA1", answer.get(), Duration.ZERO, Heard.Kind.SAY, "Hello", "Polly.Joanna", "en-US"),
                new Heard("CA1", answer.get().plusSeconds(1), Duration.ofSeconds(1), Heard.Kind.SAY,
                        "one two three  four five", "", ""),
                new Heard("CA1", answer.get().plusSeconds(3), Duration.ofSeconds(3), Heard.Kind.SAY, "", "", ""));
        assertThat(phone.saidTexts()).containsExactly("Hello", "one two three  four five", "");
        assertThat(phone.lastCall().orElseThrow().saidTexts()).isEqualTo(phone.saidTexts());
        assertThat(VirtualNetwork.sayLength("a b c d e f g h i j")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void playLastsTwoSecondsUnlessTheUrlHasALength() {
        network.playLength("https://example.com/long.mp3", Duration.ofSeconds(7));

        Sim.engine(clock, () -> {
            answered();
            assertThat(done(network.play("CA1", "https://example.com/a.mp3"))).isEqualTo(Duration.ofSeconds(2));
            assertThat(done(network.play("CA1", "https://example.com/long.mp3"))).isEqualTo(Duration.ofSeconds(9));
        });

        assertThat(phone.heard()).extracting(Heard::kind, Heard::text, Heard::offset).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Heard.Kind.PLAY, "https://example.com/a.mp3", Duration.ZERO),
                org.assertj.core.groups.Tuple.tuple(Heard.Kind.PLAY, "https://example.com/long.mp3", Duration.ofSeconds(2)));
    }

    @Test
    void digitsLastATenthPerDigitAndHalfASecondPerW() {
        Sim.engine(clock, () -> {
            answered();
            assertThat(done(network.playDigits("CA1", "12w3"))).isEqualTo(Duration.ofMillis(800));
            assertThat(done(network.playDigits("CA1", "WW#"))).isEqualTo(Duration.ofMillis(1900));
        });

        assertThat(phone.heard()).extracting(Heard::kind, Heard::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Heard.Kind.DIGITS, "12w3"),
                org.assertj.core.groups.Tuple.tuple(Heard.Kind.DIGITS, "WW#"));
    }

    @Test
    void beepLastsHalfASecond() {
        Sim.engine(clock, () -> {
            answered();
            assertThat(done(network.beep("CA1"))).isEqualTo(Duration.ofMillis(500));
        });

        assertThat(phone.heard()).extracting(Heard::kind).containsExactly(Heard.Kind.BEEP);
    }

    @Test
    void mediaAskedTogetherPlaysInOrderWithFreshIds() {
        Sim.engine(clock, () -> {
            answered();
            long hello = network.say("CA1", "Hello", "", "");
            long music = network.play("CA1", "https://example.com/a.mp3");
            long beep = network.beep("CA1");
            assertThat(hello).isLessThan(music);
            assertThat(music).isLessThan(beep);
            assertThat(done(hello)).isEqualTo(Duration.ofSeconds(1));
            assertThat(done(music)).isEqualTo(Duration.ofSeconds(3));
            assertThat(done(beep)).isEqualTo(Duration.ofMillis(3500));
        });

        assertThat(phone.heard()).extracting(Heard::offset)
                .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void stopMediaEndsThePlayingOneNowAndDropsTheQueue() {
        Sim.engine(clock, () -> {
            answered();
            long longSay = network.say("CA1", "a b c d e f g h i j", "", ""); // 4 s
            long queued = network.play("CA1", "https://example.com/a.mp3");
            Sim.sleep(clock, Duration.ofSeconds(1));
            network.stopMedia("CA1");
            assertThat(done(longSay)).isEqualTo(Duration.ofSeconds(1));
            assertThat(done(queued)).isEqualTo(Duration.ofSeconds(1));
            Sim.sleep(clock, Duration.ofSeconds(10));
            network.stopMedia("CA1"); // nothing playing: nothing happens
        });

        assertThat(log.count(LegEvent.MediaDone.class)).isEqualTo(2);
        assertThat(phone.heard()).extracting(Heard::kind).containsExactly(Heard.Kind.SAY);
    }

    @Test
    void aKeyPressCanBargeIn() {
        phone.pressDigitsAt(Duration.ofMillis(1500), "5");

        Sim.engine(clock, () -> {
            answered();
            long id = network.say("CA1", "a b c d e f g h i j", "", "");
            assertThat(log.waitFor(LegEvent.Digit.class).key()).isEqualTo('5');
            network.stopMedia("CA1");
            assertThat(done(id)).isEqualTo(Duration.ofMillis(1500));
        });
    }

    @Test
    void mediaOnAnEndedLegIsDoneAtOnce() {
        Sim.engine(clock, () -> {
            answered();
            network.hangup("CA1");
            long id = network.say("CA1", "anyone there", "", "");
            assertThat(done(id)).isEqualTo(Duration.ZERO);
        });

        assertThat(phone.heard()).isEmpty();
    }

    @Test
    void whenThePhoneHangsUpItsMediaIsDoneThenHungUp() {
        phone.hangupAt(Duration.ofSeconds(1));

        Sim.engine(clock, () -> {
            answered();
            long say = network.say("CA1", "a b c d e f g h i j", "", "");
            long play = network.play("CA1", "https://example.com/a.mp3");
            log.waitFor(LegEvent.HungUp.class);
            assertThat(log.events()).as("each MediaDone says the leg ended: the hang-up follows")
                    .containsSubsequence(new LegEvent.MediaDone(say, true), new LegEvent.MediaDone(play, true),
                    new LegEvent.HungUp());
        });

        assertThat(log.timeOf(LegEvent.HungUp.class)).isEqualTo(answer.get().plusSeconds(1));
    }

    @Test
    void parleyHangingUpStopsMediaSilently() {
        Sim.engine(clock, () -> {
            answered();
            network.say("CA1", "a b c d e f g h i j", "", "");
            Sim.sleep(clock, Duration.ofSeconds(1));
            network.hangup("CA1");
            Sim.sleep(clock, Duration.ofSeconds(10));
        });

        assertThat(log.events()).containsExactly(new LegEvent.Ringing(), new LegEvent.Answered());
    }

    // ---- ringback: its two tones in its cadence in what the party hears, from its start to its stop ----

    @Test
    void ringbackSoundsTwoSecondsInSixFromItsStartUntilItIsStopped() {
        AtomicReference<RecordedAudio> heard = new AtomicReference<>();
        Sim.engine(clock, () -> {
            answered();
            network.startRecording("CA1", "RE1", Track.OUTBOUND);
            Sim.sleep(clock, Duration.ofSeconds(1));
            network.startRingback("CA1", "us");
            Sim.sleep(clock, Duration.ofSeconds(7));
            network.startRingback("CA1", "uk");
            Sim.sleep(clock, Duration.ofSeconds(1));
            network.stopRingback("CA1");
            network.stopRingback("CA1");
            Sim.sleep(clock, Duration.ofSeconds(2));
            heard.set(network.stopRecording("CA1", "RE1", Track.OUTBOUND));
        });

        RecordedAudio audio = heard.get();
        Audio wav = Audio.of(Wav.media(audio.audio()).bytes());
        assertThat(wav.frames()).isEqualTo(11 * 8000);
        assertThat(wav.silent(0, Duration.ZERO, Duration.ofSeconds(1))).isTrue();
        for (double hz : VirtualNetwork.RINGBACK_HZ) {
            assertThat(wav.level(0, Duration.ofSeconds(1), Duration.ofSeconds(3), hz)).as(hz + " Hz")
                .isCloseTo(0.25, offset(0.01));
        }
        assertThat(wav.level(0, Duration.ofSeconds(1), Duration.ofSeconds(3), VirtualNetwork.PARLEY_HZ))
            .isLessThan(0.01);
        assertThat(wav.silent(0, Duration.ofSeconds(3), Duration.ofSeconds(7))).as("4 s off").isTrue();
        assertThat(wav.ringback(0, Duration.ofSeconds(7), Duration.ofSeconds(9))).as("on again, though started twice")
            .isCloseTo(0.25, offset(0.01));
        assertThat(wav.silent(0, Duration.ofSeconds(9), Duration.ofSeconds(11))).as("stopped").isTrue();
        assertThat(audio.speechStart()).as("a sound the party hears").isEqualTo(Duration.ofSeconds(1));
        assertThat(audio.speechEnd()).isEqualTo(Duration.ofSeconds(9));
        assertThat(phone.heard()).extracting(Heard::kind, Heard::text, Heard::offset)
            .containsExactly(tuple(Heard.Kind.RINGBACK, "us", Duration.ofSeconds(1)));
    }

    @Test
    void ringbackOnALegThatEndedOrNeverWasIsNothing() {
        Sim.engine(clock, () -> {
            answered();
            network.startRingback("CA1", "us");
            network.hangup("CA1");
            network.stopRingback("CA1");
            network.stopRingback("CA-unknown");
        });

        assertThat(phone.heard()).extracting(Heard::kind).containsExactly(Heard.Kind.RINGBACK);
    }

    @Test
    void noPhoneTalksInARingbackTone() {
        int moved = 0;
        for (int i = 0; i < 500; i++) {
            String address = "+1555000" + String.format("%04d", i);
            double hz = network.phone(address).toneHz();
            assertThat(VirtualNetwork.RINGBACK_HZ).as(address).doesNotContain(hz);
            assertThat(hz).isBetween(300.0, 1320.0);
            if (hz > 1280) moved++;
        }
        assertThat(moved).as("addresses whose tone would have been 440 Hz or 480 Hz").isGreaterThan(0);
    }
}
