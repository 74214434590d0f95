package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.call.CallStatus;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundAndDialTest {

    @Test
    void anApiCallReportsEverySubscribedEventOnceWithSequenceNumbersFromZero() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/outbound", "<Response><Say>Hi from the API</Say></Response>");
            s.app.route("/status", r -> TestApp.Response.status(204));
            VirtualPhone callee = s.network.phone("+15558880001").answerAfter(Duration.ofSeconds(3));
            Call call = s.engine.create(CallRequest.of(s.account.sid(), "+15558880001", Scenario.NUMBER, s.app.url("/outbound"))
                .withStatusCallback(s.app.url("/status"), List.of("initiated", "ringing", "answered", "completed")));

            s.awaitEnded(call.sid());
            s.await(() -> s.app.requests("/status").size() == 4);

            assertThat(callee.saidTexts()).containsExactly("Hi from the API");
            List<TestApp.Request> status = s.app.requests("/status").stream()
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.param("SequenceNumber")), Integer.parseInt(b.param("SequenceNumber"))))
                .toList();
            assertThat(status).extracting(r -> r.param("CallStatus")).containsExactly("initiated", "ringing", "in-progress", "completed");
            assertThat(status).extracting(r -> r.param("SequenceNumber")).containsExactly("0", "1", "2", "3");
            assertThat(status).allSatisfy(r -> {
                assertThat(r.param("CallbackSource")).isEqualTo("call-progress-events");
                assertThat(r.param("Direction")).isEqualTo("outbound-api");
                assertThat(r.param("Timestamp")).matches("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
                assertThat(r.signatureValid()).isTrue();
            });
            assertThat(status.get(3).param("CallDuration")).isEqualTo(String.valueOf(call.duration().orElseThrow()));
        }
    }

    @Test
    void aCalleeThatNeverAnswersEndsAsNoAnswerAfterTheTimeoutInVirtualTime() {
        try (Scenario s = new Scenario()) {
            s.app.route("/status", r -> TestApp.Response.status(200));
            s.network.phone("+15558880002").ringForever();
            Call call = s.engine.create(CallRequest.of(s.account.sid(), "+15558880002", Scenario.NUMBER, s.app.url("/never"))
                .withStatusCallback(s.app.url("/status"), List.of("completed")));

            Call ended = s.awaitEnded(call.sid());

            assertThat(ended.status()).isEqualTo(CallStatus.NO_ANSWER);
            assertThat(Duration.between(ended.dateCreated(), ended.endTime().orElseThrow())).isEqualTo(Duration.ofSeconds(60));
            s.await(() -> s.app.requests("/status").size() == 1);
            assertThat(s.app.requests("/status").get(0).param("CallStatus")).isEqualTo("no-answer");
            assertThat(s.app.requests("/never")).isEmpty();
        }
    }

    @Test
    void aDialThatRingsOutItsTimeoutReportsNoAnswerToItsAction() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial timeout=\"60\" action=\"/dialed\"><Number>+15558880003</Number></Dial></Response>");
            s.app.twiml("/dialed", "<Response><Say>Nobody answered</Say></Response>");
            s.network.phone("+15558880003").ringForever();
            VirtualPhone caller = s.network.phone("+15557770010");
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            TestApp.Request action = s.app.requests("/dialed").get(0);
            assertThat(action.param("DialCallStatus")).isEqualTo("no-answer");
            Call child = s.engine.call(action.param("DialCallSid")).orElseThrow();
            assertThat(child.status()).isEqualTo(CallStatus.NO_ANSWER);
            assertThat(child.parentCallSid()).contains(callSid);
            assertThat(caller.saidTexts()).containsExactly("Nobody answered");
        }
    }

    @Test
    void aBridgedDialEndsCompletedWhenTheCallerHangsUpAndTheActionIsStillRequested() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial action=\"/dialed\"><Client>alice</Client></Dial><Say>never heard</Say></Response>");
            s.app.twiml("/dialed", "<Response><Say>ignored</Say></Response>");
            VirtualPhone alice = s.network.phone("client:alice").answerAfter(Duration.ofSeconds(2));
            VirtualPhone caller = s.network.phone("+15557770011").hangupAt(Duration.ofSeconds(30));
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            Call call = s.awaitEnded(callSid);
            s.await(() -> s.app.requests("/dialed").size() == 1);

            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
            TestApp.Request action = s.app.requests("/dialed").get(0);
            assertThat(action.param("DialCallStatus")).isEqualTo("completed");
            Call child = s.engine.call(action.param("DialCallSid")).orElseThrow();
            assertThat(child.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(child.to()).isEqualTo("client:alice");
            assertThat(Long.parseLong(action.param("DialCallDuration"))).isBetween(27L, 30L);
            assertThat(caller.saidTexts()).isEmpty();
            assertThat(alice.calls()).hasSize(1);
        }
    }
}
