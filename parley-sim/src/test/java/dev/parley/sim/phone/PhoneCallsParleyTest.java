package dev.parley.sim.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.telephony.CallArrivals;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A virtual phone calls Parley through a fake CallArrivals. */
class PhoneCallsParleyTest {

    private static final String CUSTOMER = "+15557770001";
    private static final String PARLEY_NUMBER = "+15551112222";

    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final EventLog log = new EventLog(clock);
    private final Arrivals arrivals = new Arrivals();

    /** Answers for {@link #PARLEY_NUMBER} with CA1, CA2, ...; nothing else. */
    private final class Arrivals implements CallArrivals {
        final List<String> seen = new CopyOnWriteArrayList<>();
        volatile Consumer<String> onArrival = sid -> { };

        @Override
        public Optional<Arrival> arrive(String from, String to) {
            seen.add(from + "->" + to);
            if (!to.equals(PARLEY_NUMBER)) return Optional.empty();
            String sid = "CA" + seen.size();
            onArrival.accept(sid);
            return Optional.of(new Arrival(sid, log));
        }
    }

    @Test
    void theCallRingsUntilParleyAnswersThenTheScriptRunsFromTheAnswer() {
        network.arrivals(arrivals);
        VirtualPhone phone = network.phone(CUSTOMER).pressDigitsAt(Duration.ofSeconds(1), "7")
                .hangupAt(Duration.ofSeconds(2));

        Optional<String> sid = phone.call(PARLEY_NUMBER);

        assertThat(sid).contains("CA1");
        assertThat(arrivals.seen).containsExactly(CUSTOMER + "->" + PARLEY_NUMBER);
        PhoneCall ringing = phone.lastCall().orElseThrow();
        assertThat(ringing.direction()).isEqualTo(PhoneCall.Direction.OUTGOING);
        assertThat(ringing.peer()).isEqualTo(PARLEY_NUMBER);
        assertThat(ringing.status()).isEqualTo(PhoneCall.Status.RINGING);

        clock.advance(Duration.ofSeconds(30)); // nothing happens until Parley answers
        assertThat(log.events()).isEmpty();
        Instant answered = clock.now();
        network.answer("CA1");
        Sim.await(clock, () -> log.has(LegEvent.HungUp.class));

        assertThat(log.timed()).containsExactly(
                new EventLog.Timed(answered.plusSeconds(1), new LegEvent.Digit('7')),
                new EventLog.Timed(answered.plusSeconds(2), new LegEvent.HungUp()));
        PhoneCall call = phone.lastCall().orElseThrow();
        assertThat(call.answeredAt()).contains(answered);
        assertThat(call.status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_ME);
        assertThat(call.endedAt()).contains(answered.plusSeconds(2));
    }

    @Test
    void nothingAtParleyForTheNumberFailsTheCall() {
        network.arrivals(arrivals);
        VirtualPhone phone = network.phone(CUSTOMER);

        assertThat(phone.call("+15550000000")).isEmpty();

        PhoneCall call = phone.lastCall().orElseThrow();
        assertThat(call.status()).isEqualTo(PhoneCall.Status.FAILED);
        assertThat(call.callSid()).isEmpty();
        assertThat(call.peer()).isEqualTo("+15550000000");
    }

    @Test
    void parleyRejectsBusyOrNot() {
        network.arrivals(arrivals);
        VirtualPhone phone = network.phone(CUSTOMER);

        String first = phone.call(PARLEY_NUMBER).orElseThrow();
        network.reject(first, true);
        String second = phone.call(PARLEY_NUMBER).orElseThrow();
        network.reject(second, false);
        network.answer(second); // too late: nothing happens

        assertThat(phone.calls()).extracting(PhoneCall::status)
                .containsExactly(PhoneCall.Status.BUSY, PhoneCall.Status.REJECTED);
        assertThat(log.events()).isEmpty();
    }

    @Test
    void thePhoneGivingUpWhileRingingCancels() {
        network.arrivals(arrivals);
        VirtualPhone phone = network.phone(CUSTOMER);
        phone.call(PARLEY_NUMBER);

        phone.hangup();

        assertThat(log.events()).containsExactly(new LegEvent.HungUp());
        assertThat(phone.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.CANCELED);
    }

    @Test
    void parleyHangingUpEndsTheCallForThePhone() {
        network.arrivals(arrivals);
        VirtualPhone phone = network.phone(CUSTOMER);
        String sid = phone.call(PARLEY_NUMBER).orElseThrow();
        network.answer(sid);

        network.hangup(sid);

        assertThat(phone.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
        assertThat(log.events()).isEmpty();
    }

    @Test
    void parleyMayActOnTheNewLegBeforeArriveReturns() {
        network.arrivals(arrivals);
        // the engine's call thread starts inside arrive() and answers at once, racing the registration
        arrivals.onArrival = sid -> clock.spawn("call " + sid, () -> {
            network.answer(sid);
            network.say(sid, "Welcome", "", "");
        });
        VirtualPhone phone = network.phone(CUSTOMER);

        phone.call(PARLEY_NUMBER);
        Sim.await(clock, () -> log.has(LegEvent.MediaDone.class));

        assertThat(phone.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.IN_PROGRESS);
        assertThat(phone.saidTexts()).containsExactly("Welcome");
    }

    @Test
    void callingNeedsArrivalsAndOnlyThePhoneAnswersItsIncomingCalls() {
        VirtualPhone phone = network.phone(CUSTOMER).ringForever();

        assertThatThrownBy(() -> phone.call(PARLEY_NUMBER)).isInstanceOf(IllegalStateException.class);
        network.dial("CA9", PARLEY_NUMBER, CUSTOMER, log);
        assertThatThrownBy(() -> network.answer("CA9")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> network.reject("CA9", true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void arrivalsCanBeGivenAtConstruction() {
        VirtualNetwork withArrivals = new VirtualNetwork(clock, arrivals);

        assertThat(withArrivals.phone(CUSTOMER).call(PARLEY_NUMBER)).contains("CA1");
    }
}
