package dev.parley.sim.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Voice activity: while a capture runs, the network reports when the party starts and stops speaking. */
class SpeechTest {

    private static final String PHONE = "+15551230001";

    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final EventLog log = new EventLog(clock);
    private final VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ZERO);
    private final AtomicReference<Instant> answered = new AtomicReference<>();

    /** Dials, captures from {@code startAfter} the answer to {@code stopAfter} it; returns the audio. */
    private RecordedAudio capture(Duration startAfter, Duration stopAfter) {
        AtomicReference<RecordedAudio> audio = new AtomicReference<>();
        Sim.engine(clock, () -> {
            network.dial("CA1", "+15550000001", PHONE, log);
            log.waitFor(LegEvent.Answered.class);
            answered.set(clock.now());
            Sim.sleep(clock, startAfter);
            network.startRecording("CA1", "RE1");
            Sim.sleep(clock, stopAfter.minus(startAfter));
            audio.set(network.stopRecording("CA1", "RE1"));
            Sim.sleep(clock, Duration.ofSeconds(5));
        });
        return audio.get();
    }

    private List<EventLog.Timed> speech() {
        return log.timed().stream()
                .filter(t -> t.event() instanceof LegEvent.SpeechStarted || t.event() instanceof LegEvent.SpeechStopped)
                .toList();
    }

    private EventLog.Timed at(long millis, LegEvent event) {
        return new EventLog.Timed(answered.get().plusMillis(millis), event);
    }

    @Test
    void aCaptureHearsWhenThePartyStartsAndStopsSpeakingWithOverlappingTalksAsOne() {
        phone.talk(Duration.ofSeconds(1), Duration.ofSeconds(2)).talk(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .talk(Duration.ofSeconds(6), Duration.ofMillis(500));

        capture(Duration.ZERO, Duration.ofSeconds(10));

        assertThat(speech()).containsExactly(
                at(1000, new LegEvent.SpeechStarted()), at(4000, new LegEvent.SpeechStopped()),
                at(6000, new LegEvent.SpeechStarted()), at(6500, new LegEvent.SpeechStopped()));
    }

    @Test
    void aCaptureStartedMidTalkHearsSpeechAtOnce() {
        phone.talk(Duration.ofSeconds(1), Duration.ofSeconds(3));

        capture(Duration.ofSeconds(2), Duration.ofSeconds(10));

        assertThat(speech()).containsExactly(at(2000, new LegEvent.SpeechStarted()), at(4000, new LegEvent.SpeechStopped()));
    }

    @Test
    void speechIsReportedOnlyWhileACaptureRuns() {
        phone.talk(Duration.ofSeconds(1), Duration.ofSeconds(1)).talk(Duration.ofSeconds(4), Duration.ofSeconds(1))
                .talk(Duration.ofSeconds(8), Duration.ofSeconds(1));

        capture(Duration.ofSeconds(3), Duration.ofSeconds(6));

        assertThat(speech()).containsExactly(at(4000, new LegEvent.SpeechStarted()), at(5000, new LegEvent.SpeechStopped()));
    }

    @Test
    void talkingNowIsReportedToo() {
        Sim.engine(clock, () -> {
            network.dial("CA1", "+15550000001", PHONE, log);
            log.waitFor(LegEvent.Answered.class);
            answered.set(clock.now());
            network.startRecording("CA1", "RE1");
            Sim.sleep(clock, Duration.ofSeconds(1));
            phone.talkNow(Duration.ofMillis(700));
            log.waitFor(LegEvent.SpeechStopped.class);
        });

        assertThat(speech()).containsExactly(at(1000, new LegEvent.SpeechStarted()), at(1700, new LegEvent.SpeechStopped()));
    }

    @Test
    void theAudioStartsWhenTheCaptureStarted() {
        RecordedAudio audio = capture(Duration.ofSeconds(2), Duration.ofSeconds(5));

        assertThat(audio.start()).isEqualTo(answered.get().plusSeconds(2));
        assertThat(audio.duration()).isEqualTo(Duration.ofSeconds(3));
    }
}
