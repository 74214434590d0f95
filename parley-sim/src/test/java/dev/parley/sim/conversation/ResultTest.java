package dev.parley.sim.conversation;

import static dev.parley.sim.conversation.Frontdesk.ALICE;
import static dev.parley.sim.conversation.Frontdesk.COMPANY;
import static dev.parley.sim.conversation.Frontdesk.CUSTOMER;
import static dev.parley.sim.conversation.Frontdesk.standardAnd;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.conversation.ConversationState;
import dev.parley.engine.conversation.WorkerParams;
import dev.parley.engine.conversation.WorkerState;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Every {@code Result} of the seed page's action request, each reached the way the seed says it happens, with the
 * action request's exact parameters (decision 8: {@code DialCall*} only when a leg was dialled) and its signature.
 */
class ResultTest {

    @Test
    void sessionSuccessWhenTheCustomerAndTheWorkerWereConnectedAndOneHungUp() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction("");
            f.phoneOf(ALICE).answerAfter(ofSeconds(2)).hangupAt(ofSeconds(30));
            VirtualPhone customer = f.customer().hangupAt(ofSeconds(60));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            assertThat(action.params()).containsOnlyKeys(standardAnd("Result", "WorkerInitiated", "DialCallStatus",
                "DialCallSid", "DialCallDuration"));
            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("WorkerInitiated", "false")
                .containsEntry("DialCallStatus", "completed").containsEntry("DialCallSid", leg.sid())
                .containsEntry("DialCallDuration", "30").containsEntry("CallSid", callSid).containsEntry("From", CUSTOMER)
                .containsEntry("To", COMPANY).containsEntry("Direction", "inbound").containsEntry("CallStatus", "in-progress")
                .containsEntry("AccountSid", f.account.sid()).containsEntry("ApiVersion", "2010-04-01");
            assertThat(action.signatureValid()).isTrue();
            assertThat(action.method()).isEqualTo("POST");
            assertThat(customer.saidTexts()).as("the action's TwiML goes on with the customer").containsExactly("session-success");
            assertThat(leg.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(leg.to()).isEqualTo("client:alice");
            assertThat(leg.from()).as("the worker sees the customer calling").isEqualTo(CUSTOMER);
            assertThat(leg.parentCallSid()).contains(callSid);
            assertThat(customer.lastCall().orElseThrow().connections()).hasSize(1);
        }
    }

    @Test
    void dialedCallIncompleteWhenTheWorkerCannotBeConnected() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction("");
            f.phoneOf(ALICE).busy();
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsEntry("Result", "dialed-call-incomplete").containsEntry("DialCallStatus", "busy")
                .containsEntry("DialCallSid", f.leg(callSid).sid()).containsEntry("DialCallDuration", "0")
                .containsEntry("WorkerInitiated", "false");
            assertThat(f.customer().saidTexts()).containsExactly("dialed-call-incomplete");
        }
    }

    @Test
    void failedCreateConversationWhenTheCallerCannotBeAParticipant() {
        try (Frontdesk f = new Frontdesk()) {
            f.connectWithAction("");
            VirtualPhone anonymous = f.network.phone("anonymous");
            String callSid = anonymous.call(COMPANY).orElseThrow();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsOnlyKeys(standardAnd("Result", "WorkerInitiated"))
                .containsEntry("Result", "failed-create-conversation").containsEntry("WorkerInitiated", "false");
            assertThat(f.dialled(callSid)).isEmpty();
            assertThat(f.alertCodes(callSid)).containsExactly(32500);
            assertThat(f.engine.alertsOf(callSid).get(0).alertText()).contains("50407");
            assertThat(anonymous.saidTexts()).containsExactly("failed-create-conversation");
        }
    }

    @Test
    void noOtherParticipantsWhenRoutingAssignsNoWorkerInTime() {
        try (Frontdesk f = new Frontdesk()) {
            f.connectWithAction("routingAssignmentTimeout=\"3\"");
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsOnlyKeys(standardAnd("Result", "WorkerInitiated"))
                .containsEntry("Result", "no-other-participants");
            assertThat(f.alertCodes(callSid)).containsExactly(32506);
            assertThat(f.frontline.participants().ofAddress(f.account.sid(), f.service.sid(), CUSTOMER))
                .as("the conversation made for the caller is left without a worker").hasSize(1);
            assertThat(f.customer().lastCall().orElseThrow().heard().get(0).offset()).isEqualTo(ofSeconds(3));
        }
    }

    @Test
    void invalidConversationWhenAWorkersCallNamesNoConversationOfTheService() {
        try (Frontdesk f = new Frontdesk()) {
            f.worker(ALICE);
            f.connectWithAction("");
            String callSid = f.workerCalls(ALICE, "CH00000000000000000000000000000000");

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsOnlyKeys(standardAnd("Result", "WorkerInitiated"))
                .containsEntry("Result", "invalid-conversation").containsEntry("WorkerInitiated", "true")
                .containsEntry("From", "client:alice");
            assertThat(f.only("/voice").params()).as("the app's webhook carried what the worker's app sent")
                .containsEntry("ConversationSid", "CH00000000000000000000000000000000");
            assertThat(f.dialled(callSid)).isEmpty();
        }
    }

    @Test
    void noExistingConversationRejectsTheCallWhenAutocreationIsOff() {
        try (Frontdesk f = new Frontdesk()) {
            f.connectWithAction("inboundAutocreation=\"false\"");
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsOnlyKeys(standardAnd("Result", "WorkerInitiated"))
                .containsEntry("Result", "no-existing-conversation").containsEntry("CallStatus", "ringing");
            PhoneCall phoneCall = f.customer().lastCall().orElseThrow();
            assertThat(phoneCall.answered()).as("the call is rejected, never answered").isFalse();
            assertThat(phoneCall.status()).isEqualTo(PhoneCall.Status.REJECTED);
            assertThat(f.customer().saidTexts()).as("the action's TwiML cannot run on a rejected call").isEmpty();
            assertThat(f.engine.call(callSid).orElseThrow().status()).isEqualTo(CallStatus.BUSY);
            assertThat(f.frontline.participants().ofAddress(f.account.sid(), f.service.sid(), CUSTOMER)).isEmpty();
        }
    }

    @Test
    void noExistingConversationAfterTheCallWasAnsweredEndsTheSessionAndTheActionGoesOn() {
        try (Frontdesk f = new Frontdesk()) {
            f.app.twiml("/voice", "<Response><Say>Welcome</Say>" + f.connectElement("action=\"/action\"",
                "inboundAutocreation=\"false\"") + "</Response>");
            f.app.route("/action", r -> TestApp.Response.twiml("<Response><Say>" + r.param("Result") + "</Say></Response>"));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsEntry("Result", "no-existing-conversation").containsEntry("CallStatus", "in-progress");
            assertThat(f.customer().saidTexts()).containsExactly("Welcome", "no-existing-conversation");
            assertThat(f.engine.call(callSid).orElseThrow().status()).isEqualTo(CallStatus.COMPLETED);
        }
    }

    /** The session ends without waiting, after the caller hung up during the verb before it: the request is still made. */
    @Test
    void theActionIsRequestedWhenTheCallerHungUpJustBeforeTheSession() {
        try (Frontdesk f = new Frontdesk()) {
            f.app.twiml("/voice", "<Response><Say>Welcome to the company</Say>" + f.connectElement("action=\"/action\"",
                "inboundAutocreation=\"false\"") + "</Response>");
            f.accepting("/action");
            f.customer().hangupAt(java.time.Duration.ofMillis(300));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.param("Result")).isEqualTo("no-existing-conversation");
            assertThat(f.customer().saidTexts()).containsExactly("Welcome to the company");
        }
    }

    @Test
    void internalErrorWhenTheConversationHasNoWorker() {
        try (Frontdesk f = new Frontdesk()) {
            f.customerConversation(CUSTOMER);
            f.connectWithAction("");
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsOnlyKeys(standardAnd("Result", "WorkerInitiated"))
                .containsEntry("Result", "internal-error");
            assertThat(f.alertCodes(callSid)).containsExactly(32504);
        }
    }

    @Test
    void internalErrorWhenTheConversationsWorkerIsNoActiveFrontlineUser() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.frontline.workers().update(f.account.sid(), ALICE, WorkerParams.NONE.withState(WorkerState.DEACTIVATED));
            f.connectWithAction("");
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.param("Result")).isEqualTo("internal-error");
            assertThat(f.alertCodes(callSid)).containsExactly(32505);
        }
    }

    @Test
    void internalErrorWhenParleyFailsDuringTheSession() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction("");
            f.store.goDown();
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsOnlyKeys(standardAnd("Result", "WorkerInitiated"))
                .containsEntry("Result", "internal-error");
            assertThat(f.engine.alertsOf(callSid)).singleElement().satisfies(alert -> {
                assertThat(alert.errorCode()).isEqualTo(32500);
                assertThat(alert.alertText()).contains("the conversation store is unavailable");
            });
            assertThat(f.dialled(callSid)).isEmpty();
            assertThat(f.customer().saidTexts()).containsExactly("internal-error");
        }
    }

    @Test
    void internalErrorWhenTheServiceIsNotTheAccounts() {
        try (Frontdesk f = new Frontdesk()) {
            f.app.twiml("/voice", "<Response><Connect action=\"/action\"><Conversation "
                + "serviceInstanceSid=\"IS0123456789abcdef0123456789abcdef\"/></Connect></Response>");
            f.accepting("/action");
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.param("Result")).isEqualTo("internal-error");
            assertThat(f.alertCodes(callSid)).containsExactly(32500);
            assertThat(f.frontline.conversations().list(f.account.sid(), f.service.sid(), java.util.Optional.of(ConversationState.ACTIVE)))
                .isEmpty();
        }
    }
}
