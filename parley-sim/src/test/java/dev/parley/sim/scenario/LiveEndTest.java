package dev.parley.sim.scenario;

import static dev.parley.sim.scenario.LiveRedirectTest.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.Direction;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Calls API update with {@code Status}: {@code completed} hangs up a call in any state; {@code canceled} ends a
 * call that is not answered yet and leaves an answered one alone. On a dialled leg it ends that leg and the
 * caller's {@code <Dial>} reports it.
 */
class LiveEndTest {

    static final String CALLEE = "+15558880201";
    static final List<String> ALL_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    @Test
    void completingAQueuedApiCallCancelsItBeforeThePhoneRings() {
        try (Scenario s = new Scenario()) {
            s.app.route("/status", r -> TestApp.Response.status(204));
            VirtualPhone callee = s.network.phone(CALLEE);
            AtomicBoolean accepted = new AtomicBoolean();

            Call call = s.frozen(() -> {
                Call created = s.engine.create(apiCall(s).withStatusCallback(s.app.url("/status"), ALL_EVENTS));
                accepted.set(s.engine.end(created.sid(), CallStatus.COMPLETED));
                return created;
            });
            Call ended = s.awaitEnded(call.sid());
            s.await(() -> finalCallback(s).isPresent());

            assertThat(accepted).isTrue();
            assertThat(ended.status()).isEqualTo(CallStatus.CANCELED);
            assertThat(ended.duration()).contains(0L);
            assertThat(callee.calls()).isEmpty();
            assertThat(s.app.requests("/outbound")).isEmpty();
            assertThat(finalCallback(s).orElseThrow().param("CallStatus")).isEqualTo("canceled");
        }
    }

    @Test
    void cancelingARingingApiCallEndsItCanceled() {
        try (Scenario s = new Scenario()) {
            s.app.route("/status", r -> TestApp.Response.status(204));
            VirtualPhone callee = s.network.phone(CALLEE).ringForever();

            Call call = s.frozen(() -> {
                Call created = s.engine.create(apiCall(s).withStatusCallback(s.app.url("/status"), ALL_EVENTS));
                s.after(Duration.ofSeconds(10), () -> s.engine.end(created.sid(), CallStatus.CANCELED));
                return created;
            });
            Call ended = s.awaitEnded(call.sid());
            s.await(() -> s.app.requests("/status").size() == 3);

            assertThat(ended.status()).isEqualTo(CallStatus.CANCELED);
            assertThat(Duration.between(ended.dateCreated(), ended.endTime().orElseThrow())).isEqualTo(Duration.ofSeconds(10));
            assertThat(callee.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.CANCELED);
            assertThat(s.statusCallbacks("/status")).extracting(r -> r.param("CallStatus"))
                .containsExactly("initiated", "ringing", "canceled");
            assertThat(s.app.requests("/outbound")).isEmpty();
        }
    }

    @Test
    void completingARingingApiCallAlsoEndsItCanceled() {
        try (Scenario s = new Scenario()) {
            s.network.phone(CALLEE).ringForever();

            Call call = s.frozen(() -> {
                Call created = s.engine.create(apiCall(s));
                s.after(Duration.ofSeconds(10), () -> s.engine.end(created.sid(), CallStatus.COMPLETED));
                return created;
            });

            assertThat(s.awaitEnded(call.sid()).status()).isEqualTo(CallStatus.CANCELED);
        }
    }

    @Test
    void cancelingAnAnsweredCallChangesNothing() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Say>first part</Say><Pause length=\"5\"/><Say>second part</Say></Response>");
            VirtualPhone caller = s.network.phone(CALLER);
            AtomicBoolean accepted = new AtomicBoolean(true);

            String sid = s.callThen(caller, Duration.ofSeconds(3),
                callSid -> accepted.set(s.engine.end(callSid, CallStatus.CANCELED)));
            Call call = s.awaitEnded(sid);

            assertThat(accepted).as("end(canceled) of an in-progress call").isFalse();
            assertThat(caller.saidTexts()).containsExactly("first part", "second part");
            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        }
    }

    @Test
    void cancelingAnAnsweredApiCallChangesNothing() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/outbound", "<Response><Pause length=\"10\"/><Say>still here</Say></Response>");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(Duration.ofSeconds(1));
            AtomicBoolean accepted = new AtomicBoolean(true);

            Call call = s.frozen(() -> {
                Call created = s.engine.create(apiCall(s));
                s.after(Duration.ofSeconds(5), () -> accepted.set(s.engine.end(created.sid(), CallStatus.CANCELED)));
                return created;
            });

            assertThat(s.awaitEnded(call.sid()).status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(accepted).isFalse();
            assertThat(callee.saidTexts()).containsExactly("still here");
        }
    }

    @Test
    void cancelingAnInboundCallWhileItsFirstDocumentIsFetchedEndsItUnanswered() throws InterruptedException {
        try (Scenario s = new Scenario()) {
            CountDownLatch fetching = new CountDownLatch(1);
            CountDownLatch canceled = new CountDownLatch(1);
            s.app.route("/voice", r -> {
                fetching.countDown();
                awaitLatch(canceled);
                return TestApp.Response.twiml("<Response><Say>Never heard</Say></Response>");
            });
            s.numberStatusCallback("/status");
            s.app.route("/status", r -> TestApp.Response.status(204));
            VirtualPhone caller = s.network.phone(CALLER);

            String sid = caller.call(Scenario.NUMBER).orElseThrow();
            assertThat(fetching.await(Scenario.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            boolean accepted = s.engine.end(sid, CallStatus.CANCELED);
            canceled.countDown();
            Call call = s.awaitEnded(sid);
            s.await(() -> s.app.requests("/status").size() == 1);

            assertThat(accepted).isTrue();
            assertThat(call.status()).isEqualTo(CallStatus.CANCELED);
            assertThat(call.startTime()).isEmpty();
            assertThat(caller.saidTexts()).isEmpty();
            assertThat(caller.lastCall().orElseThrow().answered()).isFalse();
            assertThat(s.app.requests("/status").get(0).param("CallStatus")).isEqualTo("canceled");
        }
    }

    @Test
    void completingAnInProgressCallHangsItUp() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Say>" + LiveRedirectTest.LONG_TEXT + "</Say><Say>Never heard</Say></Response>");
            s.numberStatusCallback("/status");
            s.app.route("/status", r -> TestApp.Response.status(204));
            VirtualPhone caller = s.network.phone(CALLER);

            String sid = s.callThen(caller, Duration.ofSeconds(3), callSid -> s.engine.end(callSid, CallStatus.COMPLETED));
            Call call = s.awaitEnded(sid);
            s.await(() -> s.app.requests("/status").size() == 1);

            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(call.duration()).contains(3L);
            assertThat(caller.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(caller.saidTexts()).containsExactly(LiveRedirectTest.LONG_TEXT);
            TestApp.Request last = s.app.requests("/status").get(0);
            assertThat(last.param("CallStatus")).isEqualTo("completed");
            assertThat(last.param("CallDuration")).isEqualTo("3");
        }
    }

    @Test
    void completingACallWhileItsDialRingsCancelsTheDialledLegAndRequestsTheAction() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial action=\"/dialed\"><Number>" + CALLEE + "</Number></Dial></Response>");
            s.app.twiml("/dialed", "<Response><Say>Not run</Say></Response>");
            s.network.phone(CALLEE).ringForever();
            VirtualPhone caller = s.network.phone(CALLER);

            String sid = s.callThen(caller, Duration.ofSeconds(5), callSid -> s.engine.end(callSid, CallStatus.COMPLETED));
            Call call = s.awaitEnded(sid);

            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(s.app.requests("/dialed")).singleElement().satisfies(action -> {
                assertThat(action.param("DialCallStatus")).isEqualTo("canceled");
                assertThat(s.engine.call(action.param("DialCallSid")).orElseThrow().status()).isEqualTo(CallStatus.CANCELED);
            });
            assertThat(caller.saidTexts()).isEmpty();
        }
    }

    @Test
    void completingABridgedCallHangsUpBothLegsAndReportsACompletedDial() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial action=\"/dialed\"><Number>" + CALLEE + "</Number></Dial></Response>");
            s.app.twiml("/dialed", "<Response><Say>Not run</Say></Response>");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(Duration.ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER);

            String sid = s.callThen(caller, Duration.ofSeconds(20), callSid -> s.engine.end(callSid, CallStatus.COMPLETED));
            Call call = s.awaitEnded(sid);

            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(call.duration()).contains(20L);
            assertThat(s.app.requests("/dialed")).singleElement().satisfies(action -> {
                assertThat(action.param("DialCallStatus")).isEqualTo("completed");
                assertThat(s.engine.call(action.param("DialCallSid")).orElseThrow().status()).isEqualTo(CallStatus.COMPLETED);
            });
            assertThat(callee.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(caller.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(caller.saidTexts()).isEmpty();
        }
    }

    @Test
    void cancelingTheRingingDialledLegEndsTheDialCanceledAndTheActionDecidesWhatFollows() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial action=\"/dialed\"><Number statusCallback=\"/child-status\">"
                + CALLEE + "</Number></Dial></Response>");
            s.app.route("/dialed", r -> TestApp.Response.twiml("<Response><Say>Dial " + r.param("DialCallStatus")
                + "</Say></Response>"));
            s.app.route("/child-status", r -> TestApp.Response.status(204));
            s.network.phone(CALLEE).ringForever();
            VirtualPhone caller = s.network.phone(CALLER);
            AtomicBoolean accepted = new AtomicBoolean();

            String sid = s.callThen(caller, Duration.ofSeconds(5),
                callSid -> accepted.set(endChild(s, callSid, CallStatus.CANCELED)));
            s.awaitEnded(sid);
            s.await(() -> s.app.requests("/child-status").size() == 1);

            assertThat(accepted).isTrue();
            assertThat(caller.saidTexts()).containsExactly("Dial canceled");
            Call child = childOf(s, sid);
            assertThat(child.status()).isEqualTo(CallStatus.CANCELED);
            assertThat(s.app.requests("/dialed").get(0).param("DialCallSid")).isEqualTo(child.sid());
            assertThat(s.app.requests("/child-status").get(0).param("CallStatus")).isEqualTo("canceled");
        }
    }

    @Test
    void completingTheBridgedDialledLegReturnsTheCallerToTheApp() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial action=\"/dialed\"><Number>" + CALLEE + "</Number></Dial></Response>");
            s.app.route("/dialed", r -> TestApp.Response.twiml("<Response><Say>Dial " + r.param("DialCallStatus")
                + "</Say></Response>"));
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(Duration.ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER);
            AtomicBoolean canceled = new AtomicBoolean(true);
            AtomicBoolean completed = new AtomicBoolean();
            Instant start = s.clock.now();

            String sid = s.frozen(() -> {
                String callSid = caller.call(Scenario.NUMBER).orElseThrow();
                s.after(Duration.ofSeconds(8), () -> canceled.set(endChild(s, callSid, CallStatus.CANCELED)));
                s.after(Duration.ofSeconds(10), () -> completed.set(endChild(s, callSid, CallStatus.COMPLETED)));
                return callSid;
            });
            s.awaitEnded(sid);

            assertThat(canceled).as("canceling an answered dialled leg").isFalse();
            assertThat(completed).isTrue();
            assertThat(caller.saidTexts()).containsExactly("Dial completed");
            assertThat(LiveRedirectTest.heard(caller, "Dial completed").at()).isEqualTo(start.plusSeconds(10));
            Call child = childOf(s, sid);
            assertThat(child.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(callee.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
        }
    }

    static CallRequest apiCall(Scenario s) {
        return CallRequest.of(s.account.sid(), CALLEE, Scenario.NUMBER, s.app.url("/outbound"));
    }

    static java.util.Optional<TestApp.Request> finalCallback(Scenario s) {
        return s.app.requests("/status").stream().filter(r -> !List.of("initiated", "ringing", "in-progress")
            .contains(r.param("CallStatus"))).findFirst();
    }

    /** Ends the leg the call dialled through the API. */
    static boolean endChild(Scenario s, String parentSid, CallStatus status) {
        return s.engine.end(childOf(s, parentSid).sid(), status);
    }

    static Call childOf(Scenario s, String parentSid) {
        return s.engine.calls(s.account.sid()).stream()
            .filter(c -> c.direction() == Direction.OUTBOUND_DIAL && c.parentCallSid().orElse("").equals(parentSid))
            .findFirst().orElseThrow();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(Scenario.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
