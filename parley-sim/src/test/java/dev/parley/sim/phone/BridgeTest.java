package dev.parley.sim.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.telephony.LegEvent;
import dev.parley.sim.Connection;
import dev.parley.sim.Heard;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Bridged phones hear each other, and keep when and with whom they were connected. */
class BridgeTest {

    private static final String CUSTOMER = "+15557770001";
    private static final String WORKER = "client:alice";

    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final EventLog customerLog = new EventLog(clock);
    private final EventLog workerLog = new EventLog(clock);
    private final VirtualPhone customer = network.phone(CUSTOMER).answerAfter(Duration.ZERO);
    private final VirtualPhone worker = network.phone(WORKER).answerAfter(Duration.ZERO);
    private final AtomicReference<Instant> bridged = new AtomicReference<>();

    /** On the engine thread: both legs answered (at the same instant), then bridged. */
    private void bridgeBoth() {
        network.dial("CA1", "+15551112222", CUSTOMER, customerLog);
        network.dial("CA2", "+15551112222", WORKER, workerLog);
        customerLog.waitFor(LegEvent.Answered.class);
        workerLog.waitFor(LegEvent.Answered.class);
        bridged.set(clock.now());
        network.bridge("CA1", "CA2");
    }

    @Test
    void bridgedPhonesHearEachOtherAndRecordTheConnection() {
        customer.talk(Duration.ofSeconds(2), Duration.ofSeconds(3));
        worker.talk(Duration.ofSeconds(6), Duration.ofSeconds(1));

        Sim.engine(clock, () -> {
            bridgeBoth();
            Sim.sleep(clock, Duration.ofSeconds(10));
            network.unbridge("CA1", "CA2");
        });

        Instant from = bridged.get();
        assertThat(worker.heard()).containsExactly(
                new Heard("CA2", from.plusSeconds(2), Duration.ofSeconds(2), Heard.Kind.AUDIO, CUSTOMER, "", ""));
        assertThat(customer.heard()).containsExactly(
                new Heard("CA1", from.plusSeconds(6), Duration.ofSeconds(6), Heard.Kind.AUDIO, WORKER, "", ""));
        assertThat(customer.lastCall().orElseThrow().connections())
                .containsExactly(new Connection(WORKER, "CA2", from, Optional.of(from.plusSeconds(10))));
        assertThat(worker.lastCall().orElseThrow().connections())
                .containsExactly(new Connection(CUSTOMER, "CA1", from, Optional.of(from.plusSeconds(10))));
    }

    @Test
    void aPartyTalkingWhenTheBridgeIsMadeIsHeardAtOnce() {
        worker.talk(Duration.ZERO, Duration.ofSeconds(5));

        Sim.engine(clock, () -> {
            network.dial("CA1", "+15551112222", CUSTOMER, customerLog);
            network.dial("CA2", "+15551112222", WORKER, workerLog);
            customerLog.waitFor(LegEvent.Answered.class);
            workerLog.waitFor(LegEvent.Answered.class);
            Sim.sleep(clock, Duration.ofSeconds(1));
            bridged.set(clock.now());
            network.bridge("CA1", "CA2");
        });

        assertThat(customer.heard()).extracting(Heard::kind, Heard::text, Heard::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Heard.Kind.AUDIO, WORKER, bridged.get()));
    }

    @Test
    void noAudioCrossesOnceUnbridged() {
        customer.talk(Duration.ofSeconds(5), Duration.ofSeconds(1));

        Sim.engine(clock, () -> {
            bridgeBoth();
            Sim.sleep(clock, Duration.ofSeconds(1));
            network.unbridge("CA1", "CA2");
            Sim.sleep(clock, Duration.ofSeconds(10));
        });

        assertThat(worker.heard()).isEmpty();
        assertThat(worker.lastCall().orElseThrow().connections()).singleElement()
                .satisfies(c -> assertThat(c.to()).contains(bridged.get().plusSeconds(1)));
    }

    @Test
    void aLegEndingClosesTheConnectionOnBothSides() {
        customer.hangupAt(Duration.ofSeconds(4));

        Sim.engine(clock, () -> {
            bridgeBoth();
            customerLog.waitFor(LegEvent.HungUp.class);
        });

        Instant end = bridged.get().plusSeconds(4);
        assertThat(customer.lastCall().orElseThrow().connections()).singleElement()
                .satisfies(c -> assertThat(c.to()).contains(end));
        PhoneCall workerCall = worker.lastCall().orElseThrow();
        assertThat(workerCall.connections()).singleElement().satisfies(c -> assertThat(c.to()).contains(end));
        assertThat(workerCall.status()).as("the engine decides what happens to the other leg")
                .isEqualTo(PhoneCall.Status.IN_PROGRESS);
        assertThat(workerLog.has(LegEvent.HungUp.class)).isFalse();
    }

    @Test
    void aConnectionLastsWhileTheBridgeDoes() {
        Sim.engine(clock, this::bridgeBoth);

        assertThat(customer.lastCall().orElseThrow().connections())
                .containsExactly(new Connection(WORKER, "CA2", bridged.get(), Optional.empty()));
        network.bridge("CA1", "CA2"); // bridging again changes nothing
        assertThat(customer.lastCall().orElseThrow().connections()).hasSize(1);
    }
}
