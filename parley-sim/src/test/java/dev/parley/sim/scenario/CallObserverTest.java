package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallObserver;
import dev.parley.engine.call.WebhookPurpose;
import dev.parley.engine.webhook.WebhookOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The engine tells its {@link CallObserver} of every call set up and ended and every webhook, with its purpose. */
class CallObserverTest {

    private record Seen(String what, String callSid, String label, Optional<Integer> failure) {
    }

    private static final class Recorder implements CallObserver {
        final List<Seen> seen = new CopyOnWriteArrayList<>();

        @Override
        public void callCreated(Call call) {
            seen.add(new Seen("created", call.sid(), call.direction().value(), Optional.empty()));
        }

        @Override
        public void callEnded(Call call) {
            seen.add(new Seen("ended", call.sid(), call.status().value(), Optional.empty()));
        }

        @Override
        public void webhookSent(String accountSid, Optional<String> callSid, WebhookPurpose purpose, String url,
                                WebhookOutcome outcome) {
            seen.add(new Seen("webhook", callSid.orElseThrow(), purpose.value(), purpose.failureCode(outcome)));
        }

        List<Seen> of(String what) {
            return seen.stream().filter(s -> s.what().equals(what)).toList();
        }
    }

    @Test
    void aDialledCallReportsBothLegsEachWebhookWithItsPurposeAndFailureCodeAndTheEnd() {
        try (Scenario s = new Scenario()) {
            Recorder recorder = new Recorder();
            s.engine.observer(CallObserver.all(List.of(recorder)));
            s.numberStatusCallback("/status");
            s.app.twiml("/voice", "<Response><Dial action=\"/after\"><Number>+15558880001</Number></Dial></Response>");
            s.app.route("/after", r -> TestApp.Response.status(404));
            s.app.route("/status", r -> TestApp.Response.status(204));
            s.network.phone("+15558880001").hangupAt(Duration.ofSeconds(2));

            String callSid = s.network.phone("+15557770001").call(Scenario.NUMBER).orElseThrow();
            s.awaitEnded(callSid);
            s.await(() -> recorder.of("webhook").size() == 3);

            Call dialled = s.engine.calls(s.account.sid()).stream()
                .filter(c -> c.parentCallSid().equals(Optional.of(callSid))).findFirst().orElseThrow();
            assertThat(recorder.of("created")).containsExactly(
                new Seen("created", callSid, "inbound", Optional.empty()),
                new Seen("created", dialled.sid(), "outbound-dial", Optional.empty()));
            assertThat(recorder.of("webhook")).containsExactlyInAnyOrder(
                new Seen("webhook", callSid, "twiml", Optional.empty()),
                new Seen("webhook", callSid, "twiml", Optional.of(11217)),
                new Seen("webhook", callSid, "status-callback", Optional.empty()));
            assertThat(recorder.of("ended")).containsExactly(new Seen("ended", callSid, "completed", Optional.empty()));
        }
    }

    @Test
    void callbacksTheOutboxDeliversAreReportedWithTheirPurposeAndTheCodeOfTheirAlert() {
        try (Scenario s = new Scenario()) {
            Recorder recorder = new Recorder();
            s.engine.observer(recorder);
            s.numberStatusCallback("/status");
            s.app.twiml("/voice", "<Response><Dial action=\"/after\"><Number>+15558880001</Number></Dial></Response>");
            s.app.route("/after", r -> TestApp.Response.status(404));
            s.app.route("/status", r -> TestApp.Response.status(500));
            s.network.phone("+15558880001").answerAfter(Duration.ofSeconds(1));

            String callSid = s.network.phone("+15557770001").hangupAt(Duration.ofSeconds(3)).call(Scenario.NUMBER)
                .orElseThrow();
            s.awaitEnded(callSid);
            s.await(() -> recorder.of("webhook").size() == 3);

            assertThat(recorder.of("webhook")).containsExactlyInAnyOrder(
                new Seen("webhook", callSid, "twiml", Optional.empty()),
                new Seen("webhook", callSid, "action", Optional.of(11200)),
                new Seen("webhook", callSid, "status-callback", Optional.of(11200)));
            assertThat(s.engine.alertsOf(callSid)).extracting(a -> a.errorCode()).containsExactly(11200, 11200);
        }
    }
}
