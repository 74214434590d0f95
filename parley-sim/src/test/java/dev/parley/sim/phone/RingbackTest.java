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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Ringback on a leg: its two tones in its cadence in what the party hears, from its start to its stop. */
class RingbackTest {

    private static final String PHONE = "+15551230001";
    private static final int RATE = 8000;

    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final EventLog log = new EventLog(clock);
    private final VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ZERO);

    @Test
    void ringbackSoundsTwoSecondsInSixFromItsStartUntilItIsStopped() {
        AtomicReference<RecordedAudio> heard = new AtomicReference<>();
        Sim.engine(clock, () -> {
            network.dial("CA1", "+15550000001", PHONE, log);
            log.waitFor(LegEvent.Answered.class);
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
        assertThat(wav.frames()).isEqualTo(11 * RATE);
        assertThat(wav.silent(0, Duration.ZERO, Duration.ofSeconds(1))).isTrue();
        for (double hz : VirtualNetwork.RINGBACK_HZ) {
            assertThat(wav.level(0, Duration.ofSeconds(1), Duration.ofSeconds(3), hz)).as(hz + " Hz")
                .isCloseTo(0.25, offset(0.01));
        }
        assertThat(wav.level(0, Duration.ofSeconds(1), Duration.ofSeconds(3), VirtualNetwork.PARLEY_HZ)).isLessThan(0.01);
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
            network.dial("CA1", "+15550000001", PHONE, log);
            log.waitFor(LegEvent.Answered.class);
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
