package dev.parley.sim.conversation;

import static dev.parley.sim.conversation.Frontdesk.ALICE;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.webhook.Rfc2822;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.scenario.TestApp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code statusCallback}, {@code statusCallbackMethod} and {@code statusCallbackEvent}: one request per subscribed
 * event of the worker's leg, with exactly the seed page's parameters, {@code SequenceNumber} from 1, an RFC 2822
 * {@code Timestamp} of the moment it happened and {@code CallbackSource=voice-conversation-service}.
 */
class StatusCallbackTest {

    private static final List<String> SESSION_PARAMS = List.of("AccountSid", "ConversationSid", "DialCallSid",
        "WorkerInitiated", "Status", "SequenceNumber", "Timestamp", "CallbackSource");

    /** Alice (who owns the customer's conversation) answers after 2 s; the customer hangs up 10 s after the answer. */
    private static String talk(Frontdesk f, String attributes) {
        f.connect("", attributes);
        f.accepting("/status");
        f.phoneOf(ALICE).answerAfter(ofSeconds(2));
        f.customer().hangupAt(ofSeconds(10));
        String callSid = f.customerCalls();
        f.awaitEnded(callSid);
        return callSid;
    }

    @Test
    void byDefaultOnlyCallCompletedIsSentWithExactlyTheSeedsParameters() {
        try (Frontdesk f = new Frontdesk()) {
            Conversation conversation = f.aliceOwnsTheCustomer();
            String callSid = talk(f, "statusCallback=\"/status\"");

            TestApp.Request completed = f.only("/status");
            Call leg = f.leg(callSid);
            assertThat(completed.params()).containsOnlyKeys(SESSION_PARAMS.toArray(String[]::new))
                .containsEntry("AccountSid", f.account.sid()).containsEntry("ConversationSid", conversation.sid())
                .containsEntry("DialCallSid", leg.sid()).containsEntry("WorkerInitiated", "false")
                .containsEntry("Status", "call-completed").containsEntry("SequenceNumber", "1")
                .containsEntry("Timestamp", Rfc2822.format(leg.endTime().orElseThrow()))
                .containsEntry("CallbackSource", "voice-conversation-service");
            assertThat(completed.param("Timestamp")).matches(Frontdesk.RFC_2822);
            assertThat(completed.method()).isEqualTo("POST");
            assertThat(completed.signatureValid()).isTrue();
        }
    }

    @Test
    void everyEventIsSentOnceInOrderWithSequenceNumbersFromOne() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            String callSid = talk(f, "statusCallback=\"/status\" "
                + "statusCallbackEvent=\"call-initiated call-ringing call-answered call-completed\"");

            List<TestApp.Request> callbacks = f.statusCallbacks("/status", 4);
            Call leg = f.leg(callSid);
            Instant dialled = leg.dateCreated();
            assertThat(callbacks).extracting(r -> r.param("Status"))
                .containsExactly("call-initiated", "call-ringing", "call-answered", "call-completed");
            assertThat(callbacks).extracting(r -> r.param("SequenceNumber")).containsExactly("1", "2", "3", "4");
            assertThat(callbacks).extracting(r -> r.param("Timestamp")).containsExactly(Rfc2822.format(dialled),
                Rfc2822.format(dialled.plus(VirtualNetwork.SIGNALLING_DELAY)), Rfc2822.format(leg.startTime().orElseThrow()),
                Rfc2822.format(leg.endTime().orElseThrow()));
            assertThat(callbacks).allSatisfy(r -> {
                assertThat(r.params()).containsOnlyKeys(SESSION_PARAMS.toArray(String[]::new))
                    .containsEntry("DialCallSid", leg.sid()).containsEntry("CallbackSource", "voice-conversation-service");
                assertThat(r.signatureValid()).isTrue();
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"call-initiated", "call-ringing", "call-answered", "call-completed"})
    void eachEventAloneIsTheSessionsFirstCallback(String event) {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            talk(f, "statusCallback=\"/status\" statusCallbackEvent=\"" + event + "\"");

            TestApp.Request only = f.only("/status");
            assertThat(only.params()).containsEntry("Status", event).containsEntry("SequenceNumber", "1");
        }
    }

    @Test
    void statusCallbackMethodGetPutsTheParametersInTheQuery() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            talk(f, "statusCallback=\"/status\" statusCallbackMethod=\"GET\" statusCallbackEvent=\"call-answered\"");

            TestApp.Request answered = f.only("/status");
            assertThat(answered.method()).isEqualTo("GET");
            assertThat(answered.url()).contains("?").contains("Status=call-answered").contains("SequenceNumber=1");
            assertThat(answered.signatureValid()).isTrue();
        }
    }

    @Test
    void aRelativeStatusCallbackIsResolvedAgainstTheDocument() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.app.twiml("/voice", "<Response><Redirect>/app/frontline</Redirect></Response>");
            f.app.twiml("/app/frontline", "<Response>" + f.connectElement("", "statusCallback=\"status\"") + "</Response>");
            f.accepting("/app/status");
            f.phoneOf(ALICE).busy();
            String callSid = f.customerCalls();
            f.awaitEnded(callSid);

            assertThat(f.only("/app/status").param("Status")).isEqualTo("call-completed");
        }
    }

    @Test
    void callCompletedIsSentWhenTheWorkerDidNotAnswerWithinTheTimeout() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connect("action=\"/action\"", "inboundTimeout=\"10\" statusCallback=\"/status\" statusCallbackEvent=\"call-completed\"");
            f.accepting("/status", "/action");
            f.phoneOf(ALICE).ringForever();
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsEntry("Result", "dialed-call-incomplete").containsEntry("DialCallStatus", "no-answer");
            assertThat(f.only("/status").param("Status")).as("the leg is complete, whatever its outcome").isEqualTo("call-completed");
        }
    }

    @Test
    void noCallbackWhenNoLegWasDialled() {
        try (Frontdesk f = new Frontdesk()) {
            f.connect("action=\"/action\"", "inboundAutocreation=\"false\" statusCallback=\"/status\" "
                + "statusCallbackEvent=\"call-initiated call-ringing call-answered call-completed\"");
            f.accepting("/status", "/action");
            String callSid = f.customerCalls();

            f.actionOf(callSid, "/action");

            assertThat(f.app.requests("/status")).isEmpty();
        }
    }

    @Test
    void anErrorAnswerIsWarning32503AndTheCallGoesOn() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction("statusCallback=\"/status\" statusCallbackEvent=\"call-answered call-completed\"");
            f.app.route("/status", r -> TestApp.Response.status(500));
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(5));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");
            f.await(() -> f.engine.alertsOf(callSid).size() == 2);

            assertThat(action.param("Result")).isEqualTo("session-success");
            assertThat(f.engine.alertsOf(callSid)).allSatisfy(alert -> {
                assertThat(alert.errorCode()).isEqualTo(32503);
                assertThat(alert.logLevel()).isEqualTo("warning");
                assertThat(alert.requestUrl()).contains(f.app.url("/status"));
            });
            assertThat(f.customer().saidTexts()).containsExactly("session-success");
        }
    }
}
