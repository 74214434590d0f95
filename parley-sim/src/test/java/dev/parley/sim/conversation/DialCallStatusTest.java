package dev.parley.sim.conversation;

import static dev.parley.sim.conversation.Frontdesk.ALICE;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.TwimlSource;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.TestApp;
import dev.parley.twiml.HttpMethod;
import org.junit.jupiter.api.Test;

/**
 * Every {@code DialCallStatus} of the seed page, as the worker's leg ends: {@code completed}, {@code busy},
 * {@code no-answer}, {@code failed}, and {@code canceled} through a live update (of the dialled leg, or of the call
 * itself). The dialled leg's own final status agrees with it.
 */
class DialCallStatusTest {

    private static Frontdesk aliceOwnsTheCustomer() {
        Frontdesk f = new Frontdesk();
        f.aliceOwnsTheCustomer();
        f.connectWithAction("inboundTimeout=\"10\"");
        return f;
    }

    @Test
    void completedWhenTheCustomerHangsUpFirstAndTheActionIsStillRequested() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            f.phoneOf(ALICE).answerAfter(ofSeconds(1));
            f.customer().hangupAt(ofSeconds(20));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallDuration", String.valueOf(leg.duration().orElseThrow()));
            assertThat(leg.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(f.phoneOf(ALICE).lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(f.customer().saidTexts()).as("the customer is gone: the action's TwiML does not run").isEmpty();
        }
    }

    @Test
    void completedAfterFourHoursTwiliosLimitOnACall() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            f.phoneOf(ALICE).answerAfter(ofSeconds(1));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallDuration", "14400");
            assertThat(leg.duration()).contains(14_400L);
            assertThat(f.customer().saidTexts()).as("the customer is still there").containsExactly("session-success");
        }
    }

    @Test
    void busyWhenTheWorkersPhoneIsBusy() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            f.phoneOf(ALICE).busy();
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").params()).containsEntry("Result", "dialed-call-incomplete")
                .containsEntry("DialCallStatus", "busy");
            assertThat(f.leg(callSid).status()).isEqualTo(CallStatus.BUSY);
        }
    }

    @Test
    void busyWhenTheWorkerDeclinesTheCall() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            f.phoneOf(ALICE).rejectAfter(ofSeconds(2));
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").param("DialCallStatus")).isEqualTo("busy");
            assertThat(f.leg(callSid).status()).isEqualTo(CallStatus.BUSY);
        }
    }

    @Test
    void noAnswerWhenTheWorkerDoesNotAnswerWithinInboundTimeout() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            f.phoneOf(ALICE).ringForever();
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            assertThat(action.params()).containsEntry("Result", "dialed-call-incomplete").containsEntry("DialCallStatus", "no-answer")
                .containsEntry("DialCallDuration", "0");
            assertThat(leg.status()).isEqualTo(CallStatus.NO_ANSWER);
            assertThat(leg.endTime().orElseThrow()).isEqualTo(leg.dateCreated().plusSeconds(10));
            assertThat(f.phoneOf(ALICE).lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.CANCELED);
        }
    }

    @Test
    void inboundTimeoutDefaultsToSixtySeconds() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction("");
            f.phoneOf(ALICE).ringForever();
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").param("DialCallStatus")).isEqualTo("no-answer");
            Call leg = f.leg(callSid);
            assertThat(leg.endTime().orElseThrow()).isEqualTo(leg.dateCreated().plusSeconds(60));
        }
    }

    @Test
    void failedWhenTheWorkersPhoneCannotBeReached() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            f.phoneOf(ALICE).unreachable();
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").params()).containsEntry("Result", "dialed-call-incomplete")
                .containsEntry("DialCallStatus", "failed");
            assertThat(f.leg(callSid).status()).isEqualTo(CallStatus.FAILED);
        }
    }

    @Test
    void failedWhenTheWorkerHasNoPhoneAtAll() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").param("DialCallStatus")).isEqualTo("failed");
        }
    }

    @Test
    void canceledWhenALiveUpdateCancelsTheRingingLeg() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            f.phoneOf(ALICE).ringForever();
            String callSid = f.callThen(f::customerCalls, ofSeconds(4),
                sid -> assertThat(f.engine.end(f.leg(sid).sid(), CallStatus.CANCELED)).isTrue());

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            assertThat(action.params()).containsEntry("Result", "dialed-call-incomplete").containsEntry("DialCallStatus", "canceled")
                .containsEntry("DialCallSid", leg.sid());
            assertThat(leg.status()).isEqualTo(CallStatus.CANCELED);
            assertThat(f.customer().saidTexts()).as("the customer is still there for the action's TwiML")
                .containsExactly("dialed-call-incomplete");
        }
    }

    @Test
    void canceledWhenALiveUpdateEndsTheCallWhileTheWorkerRings() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            f.phoneOf(ALICE).ringForever();
            String callSid = f.callThen(f::customerCalls, ofSeconds(4),
                sid -> assertThat(f.engine.end(sid, CallStatus.COMPLETED)).isTrue());

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsEntry("Result", "dialed-call-incomplete").containsEntry("DialCallStatus", "canceled");
            assertThat(f.leg(callSid).status()).isEqualTo(CallStatus.CANCELED);
            assertThat(f.engine.call(callSid).orElseThrow().status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(f.customer().saidTexts()).isEmpty();
        }
    }

    @Test
    void canceledWhenALiveUpdateRedirectsTheCallAndTheNewTwimlRuns() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            f.phoneOf(ALICE).ringForever();
            f.app.twiml("/elsewhere", "<Response><Say>Redirected</Say></Response>");
            String callSid = f.callThen(f::customerCalls, ofSeconds(4), sid -> assertThat(f.engine.redirect(sid,
                TwimlSource.Url.of(f.app.url("/elsewhere"), HttpMethod.POST))).isTrue());

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.param("DialCallStatus")).isEqualTo("canceled");
            VirtualPhone customer = f.customer();
            assertThat(customer.saidTexts()).as("the redirect's TwiML runs, not the action's").containsExactly("Redirected");
        }
    }

    @Test
    void completedWhenALiveUpdateHangsUpTheConnectedWorker() {
        try (Frontdesk f = aliceOwnsTheCustomer()) {
            f.phoneOf(ALICE).answerAfter(ofSeconds(1));
            String callSid = f.callThen(f::customerCalls, ofSeconds(6),
                sid -> assertThat(f.engine.end(f.leg(sid).sid(), CallStatus.COMPLETED)).isTrue());

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallDuration", "4");
            assertThat(f.customer().saidTexts()).containsExactly("session-success");
        }
    }
}
