package dev.parley.sim.phone;

import static dev.parley.sim.VirtualNetwork.SIGNALLING_DELAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.telephony.LegEvent;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parley dials a virtual phone: each way a phone meets an incoming call. */
class IncomingCallsTest {

    private static final String CALLER = "+15550000001";
    private static final String PHONE = "+15551230001";

    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final EventLog log = new EventLog(clock);
    private final Instant t0 = clock.now();

    @Test
    void ringsThenAnswersAfterTheSetTime() {
        VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ofSeconds(5));

        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Answered.class));

        assertThat(log.timed()).containsExactly(
                new EventLog.Timed(t0.plus(SIGNALLING_DELAY), new LegEvent.Ringing()),
                new EventLog.Timed(t0.plus(SIGNALLING_DELAY).plusSeconds(5), new LegEvent.Answered()));
        PhoneCall call = phone.lastCall().orElseThrow();
        assertThat(call.callSid()).isEqualTo("CA1");
        assertThat(call.direction()).isEqualTo(PhoneCall.Direction.INCOMING);
        assertThat(call.peer()).isEqualTo(CALLER);
        assertThat(call.status()).isEqualTo(PhoneCall.Status.IN_PROGRESS);
        assertThat(call.started()).isEqualTo(t0.plus(SIGNALLING_DELAY));
        assertThat(call.answeredAt()).contains(t0.plus(SIGNALLING_DELAY).plusSeconds(5));
        assertThat(call.endedAt()).isEmpty();
    }

    @Test
    void answersAfterOneSecondByDefault() {
        network.phone(PHONE);

        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Answered.class));

        assertThat(log.timeOf(LegEvent.Answered.class)).isEqualTo(t0.plus(SIGNALLING_DELAY).plusSeconds(1));
    }

    @Test
    void aSixtySecondRingThenHangupTakesOnlyVirtualTime() {
        VirtualPhone phone = network.phone(PHONE).ringForever();

        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Ringing.class));
        clock.advance(Duration.ofSeconds(60));
        network.hangup("CA1");

        Instant ringing = t0.plus(SIGNALLING_DELAY);
        assertThat(clock.now()).isEqualTo(ringing.plusSeconds(60));
        assertThat(log.timed()).containsExactly(new EventLog.Timed(ringing, new LegEvent.Ringing()));
        PhoneCall call = phone.lastCall().orElseThrow();
        assertThat(call.status()).isEqualTo(PhoneCall.Status.CANCELED);
        assertThat(call.answeredAt()).isEmpty();
        assertThat(call.started()).isEqualTo(ringing);
        assertThat(call.endedAt()).contains(ringing.plusSeconds(60));
        assertThat(call.completed()).isFalse();
    }

    @Test
    void busyPhone() {
        VirtualPhone phone = network.phone(PHONE).busy();

        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Busy.class));

        assertThat(log.timed()).containsExactly(new EventLog.Timed(t0.plus(SIGNALLING_DELAY), new LegEvent.Busy()));
        assertThat(phone.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.BUSY);
    }

    @Test
    void unreachablePhone() {
        VirtualPhone phone = network.phone(PHONE).unreachable();

        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Failed.class));

        assertThat(log.timed()).containsExactly(
                new EventLog.Timed(t0.plus(SIGNALLING_DELAY), new LegEvent.Failed("unreachable")));
        assertThat(phone.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.FAILED);
    }

    @Test
    void rejectingPhoneDeclinesWithoutRinging() {
        VirtualPhone phone = network.phone(PHONE).reject();

        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Declined.class));

        assertThat(log.timed()).containsExactly(new EventLog.Timed(t0.plus(SIGNALLING_DELAY), new LegEvent.Declined()));
        assertThat(phone.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.REJECTED);
    }

    @Test
    void phoneCanRingThenReject() {
        network.phone(PHONE).rejectAfter(Duration.ofSeconds(3));

        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Declined.class));

        assertThat(log.timed()).containsExactly(
                new EventLog.Timed(t0.plus(SIGNALLING_DELAY), new LegEvent.Ringing()),
                new EventLog.Timed(t0.plus(SIGNALLING_DELAY).plusSeconds(3), new LegEvent.Declined()));
    }

    @Test
    void unknownAddressFails() {
        network.dial("CA1", CALLER, "+15559999999", log);
        Sim.await(clock, () -> log.has(LegEvent.Failed.class));

        assertThat(log.timed()).hasSize(1);
        assertThat(log.timeOf(LegEvent.Failed.class)).isEqualTo(t0.plus(SIGNALLING_DELAY));
        assertThat(((LegEvent.Failed) log.events().getFirst()).reason()).contains("+15559999999");
        network.hangup("CA1"); // harmless afterwards
    }

    @Test
    void clientAddressesAreAddressesLikeAnyOther() {
        VirtualPhone alice = network.phone("client:alice").answerAfter(Duration.ZERO);

        network.dial("CA1", CALLER, "client:alice", log);
        Sim.await(clock, () -> log.has(LegEvent.Answered.class));

        assertThat(alice.calls()).extracting(PhoneCall::callSid).containsExactly("CA1");
        assertThat(network.find("client:alice")).containsSame(alice);
        assertThat(network.find("client:bob")).isEmpty();
    }

    @Test
    void parleyHangingUpBeforeThePhoneSeesTheCallLeavesNoTrace() {
        VirtualPhone phone = network.phone(PHONE);

        Sim.engine(clock, () -> {
            network.dial("CA1", CALLER, PHONE, log);
            network.hangup("CA1"); // on a thread the clock counts: before the signalling delay has passed
            Sim.sleep(clock, Duration.ofSeconds(10));
        });

        assertThat(phone.calls()).isEmpty();
        assertThat(log.events()).isEmpty();
    }

    @Test
    void parleyHangingUpAnAnsweredCallSendsNoEventBack() {
        VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ZERO);
        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Answered.class));

        network.hangup("CA1");
        network.hangup("CA1");
        clock.advance(Duration.ofSeconds(10));

        assertThat(log.events()).containsExactly(new LegEvent.Ringing(), new LegEvent.Answered());
        PhoneCall call = phone.lastCall().orElseThrow();
        assertThat(call.status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
        assertThat(call.endedAt()).contains(t0.plus(SIGNALLING_DELAY));
        assertThat(call.completed()).isTrue();
    }

    @Test
    void phoneAnswersOrDeclinesByHand() {
        VirtualPhone phone = network.phone(PHONE).ringForever();
        EventLog second = new EventLog(clock);

        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Ringing.class));
        phone.answer();
        network.dial("CA2", CALLER, PHONE, second);
        Sim.await(clock, () -> second.has(LegEvent.Ringing.class));
        phone.decline();

        assertThat(log.events()).containsExactly(new LegEvent.Ringing(), new LegEvent.Answered());
        assertThat(second.events()).containsExactly(new LegEvent.Ringing(), new LegEvent.Declined());
        assertThat(phone.calls()).extracting(PhoneCall::status)
                .containsExactly(PhoneCall.Status.IN_PROGRESS, PhoneCall.Status.REJECTED);
        assertThatThrownBy(phone::answer).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void phoneHangingUpWhileRingingDeclines() {
        VirtualPhone phone = network.phone(PHONE).ringForever();
        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Ringing.class));

        phone.hangup();

        assertThat(log.events()).containsExactly(new LegEvent.Ringing(), new LegEvent.Declined());
        assertThat(phone.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.REJECTED);
    }

    @Test
    void behaviourAppliesToLaterCalls() {
        VirtualPhone phone = network.phone(PHONE).busy();
        EventLog second = new EventLog(clock);
        network.dial("CA1", CALLER, PHONE, log);
        Sim.await(clock, () -> log.has(LegEvent.Busy.class));

        phone.answerAfter(Duration.ZERO);
        network.dial("CA2", CALLER, PHONE, second);
        Sim.await(clock, () -> second.has(LegEvent.Answered.class));

        assertThat(phone.calls()).extracting(PhoneCall::status)
                .containsExactly(PhoneCall.Status.BUSY, PhoneCall.Status.IN_PROGRESS);
    }

    @Test
    void aCallSidIsDialledOnce() {
        network.phone(PHONE);
        network.dial("CA1", CALLER, PHONE, log);

        assertThatThrownBy(() -> network.dial("CA1", CALLER, PHONE, log)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> network.answer("CA1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> network.say("CA404", "hi", "", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyLegKeepsItsEventsInOrder() throws Exception {
        int phones = 40;
        List<EventLog> logs = new java.util.ArrayList<>();
        for (int i = 0; i < phones; i++) {
            network.phone("+1555300" + String.format("%04d", i)).answerAfter(Duration.ofMillis(10L * i))
                    .pressDigitsAt(Duration.ZERO, "123456789").hangupAt(Duration.ofSeconds(1));
            logs.add(new EventLog(clock));
        }
        Thread[] dialers = new Thread[4];
        for (int d = 0; d < dialers.length; d++) {
            int first = d;
            dialers[d] = Thread.ofVirtual().start(() -> {
                for (int i = first; i < phones; i += dialers.length) {
                    network.dial("CA" + i, CALLER, "+1555300" + String.format("%04d", i), logs.get(i));
                }
            });
        }
        for (Thread t : dialers) t.join();
        Sim.await(clock, () -> logs.stream().allMatch(l -> l.has(LegEvent.HungUp.class)));

        for (EventLog l : logs) {
            assertThat(l.events()).containsExactly(new LegEvent.Ringing(), new LegEvent.Answered(),
                    new LegEvent.Digit('1'), new LegEvent.Digit('2'), new LegEvent.Digit('3'), new LegEvent.Digit('4'),
                    new LegEvent.Digit('5'), new LegEvent.Digit('6'), new LegEvent.Digit('7'), new LegEvent.Digit('8'),
                    new LegEvent.Digit('9'), new LegEvent.HungUp());
        }
    }
}
