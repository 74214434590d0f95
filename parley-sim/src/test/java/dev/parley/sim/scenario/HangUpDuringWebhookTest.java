package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.call.CallStatus;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.InProcessTransport.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A party that hangs up while Parley waits on a slow webhook (found by {@link RandomFlowsTest}): the call ends
 * when they hung up, a call still ringing is never answered, and nothing more is fetched for it, not even the
 * fallback URL.
 */
class HangUpDuringWebhookTest {

    @Test
    void aCallerWhoHangsUpWhileTheFirstDocumentIsFetchedIsCanceledThenAndNeverAnswered() {
        MemoryScenario s = new MemoryScenario()
            .route("/voice", Answer.hanging())
            .route("/fallback", Answer.twiml("<Response><Say>Fallback</Say></Response>"));
        VirtualPhone caller = s.network.phone("+15557770301");
        Instant start = s.clock.now();

        String sid = s.frozen(() -> {
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();
            s.clock.schedule(start.plusSeconds(2), caller::hangup);
            return callSid;
        });
        Call call = s.awaitEnded(sid);

        assertThat(call.status()).isEqualTo(CallStatus.CANCELED);
        assertThat(call.startTime()).isEmpty();
        assertThat(call.endTime()).contains(start.plusSeconds(2));
        assertThat(caller.lastCall().orElseThrow().answered()).isFalse();
        assertThat(caller.saidTexts()).isEmpty();
        assertThat(s.requests("/fallback")).isEmpty();
        assertThat(s.requests("/status")).singleElement().satisfies(r -> {
            assertThat(r.param("CallStatus")).isEqualTo("canceled");
            assertThat(r.param("CallDuration")).isEqualTo("0");
        });
    }

    @Test
    void aCallerWhoHangsUpDuringASlowActionEndsThenAndNothingMoreIsFetched() {
        MemoryScenario s = new MemoryScenario()
            .route("/voice", Answer.twiml("<Response><Gather numDigits=\"1\" action=\"/slow\"><Say>Press one</Say>"
                + "</Gather></Response>"))
            .route("/slow", Answer.hanging())
            .route("/fallback", Answer.twiml("<Response><Redirect>/next</Redirect></Response>"));
        VirtualPhone caller = s.network.phone("+15557770302").pressDigitsAt(Duration.ofSeconds(1), "1")
            .hangupAt(Duration.ofSeconds(5));
        Instant start = s.clock.now();

        String sid = s.frozen(() -> caller.call(Scenario.NUMBER).orElseThrow());
        Call call = s.awaitEnded(sid);

        assertThat(s.requests("/slow")).hasSize(1);
        assertThat(s.requests("/fallback")).as("no fallback for a call that is over").isEmpty();
        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(call.endTime()).contains(start.plusSeconds(5));
        assertThat(call.duration()).contains(5L);
        assertThat(s.requests("/status")).singleElement()
            .satisfies(r -> assertThat(r.param("CallDuration")).isEqualTo("5"));
    }

    @Test
    void anApiCallWhoseCalleeHangsUpDuringASlowFirstDocumentEndsThen() {
        MemoryScenario s = new MemoryScenario().route("/outbound", Answer.hanging());
        VirtualPhone callee = s.network.phone("+15558880301").answerAfter(Duration.ofSeconds(2))
            .hangupAt(Duration.ofSeconds(3));
        Instant start = s.clock.now();

        Call call = s.frozen(() -> s.engine.create(CallRequest.of(s.account.sid(),
            "+15558880301", Scenario.NUMBER, MemoryScenario.BASE + "/outbound").withFallback(MemoryScenario.BASE + "/fallback")));
        Call ended = s.awaitEnded(call.sid());

        assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
        Instant answered = ended.startTime().orElseThrow();
        assertThat(ended.endTime()).contains(answered.plusSeconds(3));
        assertThat(answered).isAfter(start);
        assertThat(s.requests("/fallback")).isEmpty();
        assertThat(callee.saidTexts()).isEmpty();
    }
}
