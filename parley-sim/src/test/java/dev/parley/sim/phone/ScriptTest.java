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
import org.junit.jupiter.api.Test;

/** A phone's script (keys, hangup), timed from the answer, and what a test makes it do right now. */
class ScriptTest {

    private static final String PHONE = "+15551230001";

    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final EventLog log = new EventLog(clock);
    private final Instant t0 = clock.now();

    private void dialAndWaitFor(Class<? extends LegEvent> last) {
        network.dial("CA1", "+15550000001", PHONE, log);
        Sim.await(clock, () -> log.has(last));
    }

    @Test
    void keysArePressedATenthOfASecondApartFromTheirTimeAfterTheAnswer() {
        VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ofSeconds(3))
                .pressDigitsAt(Duration.ofSeconds(2), "12#");

        network.dial("CA1", "+15550000001", PHONE, log);
        Sim.await(clock, () -> log.count(LegEvent.Digit.class) == 3);

        Instant answered = t0.plus(SIGNALLING_DELAY).plusSeconds(3);
        assertThat(log.timed()).containsExactly(
                new EventLog.Timed(t0.plus(SIGNALLING_DELAY), new LegEvent.Ringing()),
                new EventLog.Timed(answered, new LegEvent.Answered()),
                new EventLog.Timed(answered.plusMillis(2000), new LegEvent.Digit('1')),
                new EventLog.Timed(answered.plusMillis(2100), new LegEvent.Digit('2')),
                new EventLog.Timed(answered.plusMillis(2200), new LegEvent.Digit('#')));
        assertThat(phone.lastCall().orElseThrow().pressed()).isEqualTo("12#");
    }

    @Test
    void wWaitsHalfASecond() {
        network.phone(PHONE).answerAfter(Duration.ZERO).pressDigitsAt(Duration.ZERO, "1w2");

        dialAndWaitFor(LegEvent.Answered.class);
        Sim.await(clock, () -> log.count(LegEvent.Digit.class) == 2);

        Instant answered = log.timeOf(LegEvent.Answered.class);
        assertThat(log.timed()).endsWith(
                new EventLog.Timed(answered, new LegEvent.Digit('1')),
                new EventLog.Timed(answered.plusMillis(600), new LegEvent.Digit('2')));
    }

    @Test
    void hangupAtEndsTheCallFromThePhone() {
        VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ofSeconds(1)).hangupAt(Duration.ofSeconds(5))
                .pressDigitsAt(Duration.ofSeconds(6), "9");

        dialAndWaitFor(LegEvent.HungUp.class);
        clock.advance(Duration.ofSeconds(10));

        Instant answered = t0.plus(SIGNALLING_DELAY).plusSeconds(1);
        assertThat(log.timed()).endsWith(new EventLog.Timed(answered.plusSeconds(5), new LegEvent.HungUp()));
        assertThat(log.has(LegEvent.Digit.class)).as("keys scripted after the hangup").isFalse();
        PhoneCall call = phone.lastCall().orElseThrow();
        assertThat(call.status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_ME);
        assertThat(call.answeredAt()).contains(answered);
        assertThat(call.endedAt()).contains(answered.plusSeconds(5));
        assertThat(call.completed()).isTrue();
    }

    @Test
    void parleyHangingUpCancelsTheScript() {
        VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ZERO).pressDigitsAt(Duration.ofSeconds(2), "1")
                .hangupAt(Duration.ofSeconds(3));

        Sim.engine(clock, () -> {
            network.dial("CA1", "+15550000001", PHONE, log);
            log.waitFor(LegEvent.Answered.class);
            Sim.sleep(clock, Duration.ofSeconds(1));
            network.hangup("CA1");
            Sim.sleep(clock, Duration.ofSeconds(10));
        });

        assertThat(log.events()).containsExactly(new LegEvent.Ringing(), new LegEvent.Answered());
        assertThat(phone.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
    }

    @Test
    void theScriptRunsOnEveryCallUntilCleared() {
        VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ZERO).hangupAt(Duration.ofSeconds(1));
        EventLog second = new EventLog(clock);
        EventLog third = new EventLog(clock);

        dialAndWaitFor(LegEvent.HungUp.class);
        network.dial("CA2", "+15550000001", PHONE, second);
        Sim.await(clock, () -> second.has(LegEvent.HungUp.class));
        phone.clearScript();
        network.dial("CA3", "+15550000001", PHONE, third);
        Sim.await(clock, () -> third.has(LegEvent.Answered.class));
        clock.advance(Duration.ofSeconds(10));

        assertThat(phone.calls()).extracting(PhoneCall::status).containsExactly(PhoneCall.Status.HUNG_UP_BY_ME,
                PhoneCall.Status.HUNG_UP_BY_ME, PhoneCall.Status.IN_PROGRESS);
    }

    @Test
    void pressAndHangupActNow() {
        VirtualPhone phone = network.phone(PHONE).answerAfter(Duration.ZERO);
        dialAndWaitFor(LegEvent.Answered.class);
        Instant pressed = clock.now();

        phone.press("42");
        Sim.await(clock, () -> log.count(LegEvent.Digit.class) == 2);
        phone.hangup();

        assertThat(log.timed()).endsWith(
                new EventLog.Timed(pressed, new LegEvent.Digit('4')),
                new EventLog.Timed(pressed.plus(VirtualNetwork.KEY_INTERVAL), new LegEvent.Digit('2')),
                new EventLog.Timed(clock.now(), new LegEvent.HungUp()));
        assertThat(phone.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_ME);
        assertThat(phone.lastCall().orElseThrow().pressed()).isEqualTo("42");
    }

    @Test
    void actingNowNeedsACall() {
        VirtualPhone phone = network.phone(PHONE).ringForever();

        assertThatThrownBy(phone::hangup).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> phone.press("1")).isInstanceOf(IllegalStateException.class);
        dialAndWaitFor(LegEvent.Ringing.class);
        assertThatThrownBy(() -> phone.press("1")).as("not answered yet").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> phone.talkNow(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyKeysCanBePressed() {
        VirtualPhone phone = network.phone(PHONE);

        assertThatThrownBy(() -> phone.pressDigitsAt(Duration.ZERO, "12x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> phone.press("e")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> phone.hangupAt(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        phone.pressDigitsAt(Duration.ZERO, "0123456789*#ABCDwW");
    }
}
