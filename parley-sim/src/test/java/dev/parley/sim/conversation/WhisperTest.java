package dev.parley.sim.conversation;

import static dev.parley.sim.conversation.Frontdesk.ALICE;
import static dev.parley.sim.conversation.Frontdesk.CUSTOMER;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.sim.Connection;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.TestApp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code url} and {@code method}: the whisper document runs on the worker's leg once she answers, before the two are
 * joined; the customer hears ringback meanwhile and never hears it. How its end decides the session (decision 6).
 */
class WhisperTest {

    private static final String WHISPER = "Customer calling about an order";
    private static final String SCREEN = "<Response><Gather numDigits=\"1\" action=\"/accept\" timeout=\"3\">"
        + "<Say>Press 1 to accept</Say></Gather><Hangup/></Response>";

    private static PhoneCall callOf(VirtualPhone phone) {
        return phone.lastCall().orElseThrow();
    }

    private static Frontdesk whispering(String attributes) {
        Frontdesk f = new Frontdesk();
        f.aliceOwnsTheCustomer();
        f.connectWithAction(attributes);
        return f;
    }

    @Test
    void theWorkerHearsTheWhisperAndIsThenJoinedToTheCustomer() {
        try (Frontdesk f = whispering("url=\"/whisper\"")) {
            f.app.twiml("/whisper", "<Response><Say>" + WHISPER + "</Say></Response>");
            VirtualPhone alice = f.phoneOf(ALICE).answerAfter(ofSeconds(2)).hangupAt(ofSeconds(20));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            Instant answered = callOf(alice).answeredAt().orElseThrow();
            assertThat(alice.saidTexts()).containsExactly(WHISPER);
            assertThat(f.customer().saidTexts()).as("only the action's TwiML, never the whisper").containsExactly("session-success");
            assertThat(callOf(f.customer()).connections()).extracting(Connection::from)
                .containsExactly(answered.plus(VirtualNetwork.sayLength(WHISPER)));
            TestApp.Request whisper = f.only("/whisper");
            assertThat(whisper.params()).containsEntry("CallSid", leg.sid()).containsEntry("ParentCallSid", callSid)
                .containsEntry("Direction", "outbound-dial").containsEntry("CallStatus", "in-progress")
                .containsEntry("From", CUSTOMER).containsEntry("To", "client:alice");
            assertThat(whisper.method()).isEqualTo("POST");
            assertThat(whisper.signatureValid()).isTrue();
            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("DialCallStatus", "completed");
        }
    }

    @Test
    void methodGetFetchesTheWhisperWithGet() {
        try (Frontdesk f = whispering("url=\"/whisper\" method=\"GET\"")) {
            f.app.twiml("/whisper", "<Response><Say>" + WHISPER + "</Say></Response>");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(10));
            String callSid = f.customerCalls();

            f.actionOf(callSid, "/action");

            TestApp.Request whisper = f.only("/whisper");
            assertThat(whisper.method()).isEqualTo("GET");
            assertThat(whisper.url()).contains("CallSid=" + f.leg(callSid).sid());
            assertThat(whisper.signatureValid()).isTrue();
        }
    }

    @Test
    void aRelativeUrlIsResolvedAgainstTheDocument() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.app.twiml("/voice", "<Response><Redirect>/frontline/connect</Redirect></Response>");
            f.app.twiml("/frontline/connect", "<Response>" + f.connectElement("", "url=\"whisper\"") + "</Response>");
            f.app.twiml("/frontline/whisper", "<Response><Say>" + WHISPER + "</Say></Response>");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(10));
            String callSid = f.customerCalls();

            f.awaitEnded(callSid);

            assertThat(f.phoneOf(ALICE).saidTexts()).containsExactly(WHISPER);
        }
    }

    @Test
    void aWorkerWhoAcceptsInTheWhisperIsJoined() {
        try (Frontdesk f = whispering("url=\"/screen\"")) {
            f.app.twiml("/screen", SCREEN);
            f.app.twiml("/accept", "<Response><Say>Connecting</Say></Response>");
            VirtualPhone alice = f.phoneOf(ALICE).answerAfter(ofSeconds(1)).pressDigitsAt(ofSeconds(1), "1").hangupAt(ofSeconds(20));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(f.only("/accept").params()).containsEntry("Digits", "1").containsEntry("ParentCallSid", callSid);
            assertThat(alice.saidTexts()).containsExactly("Press 1 to accept", "Connecting");
            assertThat(action.param("Result")).isEqualTo("session-success");
            assertThat(callOf(f.customer()).connections()).hasSize(1);
        }
    }

    @Test
    void aWhisperThatHangsUpEndsTheSessionDialedCallIncompleteNoAnswer() {
        try (Frontdesk f = whispering("url=\"/screen\"")) {
            f.app.twiml("/screen", SCREEN);
            VirtualPhone alice = f.phoneOf(ALICE).answerAfter(ofSeconds(1));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            assertThat(action.params()).containsEntry("Result", "dialed-call-incomplete").containsEntry("DialCallStatus", "no-answer")
                .containsEntry("DialCallSid", leg.sid());
            assertThat(leg.status()).as("answered, then hung up by the whisper").isEqualTo(CallStatus.COMPLETED);
            assertThat(callOf(alice).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(callOf(f.customer()).connections()).as("the customer never hears the worker").isEmpty();
            assertThat(f.customer().saidTexts()).containsExactly("dialed-call-incomplete");
        }
    }

    @Test
    void aWorkerWhoHangsUpDuringTheWhisperEndsItNoAnswer() {
        try (Frontdesk f = whispering("url=\"/whisper\"")) {
            f.app.twiml("/whisper", "<Response><Pause length=\"10\"/></Response>");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(3));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsEntry("Result", "dialed-call-incomplete").containsEntry("DialCallStatus", "no-answer");
            assertThat(callOf(f.customer()).connections()).isEmpty();
        }
    }

    /** The hang-up cuts the whisper's speech short: its document ends, yet the worker is gone and is never joined. */
    @Test
    void aWorkerWhoHangsUpWhileTheWhisperSpeaksIsNeverJoined() {
        try (Frontdesk f = whispering("url=\"/whisper\"")) {
            f.app.twiml("/whisper", "<Response><Say>" + WHISPER + "</Say></Response>");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(java.time.Duration.ofMillis(500));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsEntry("Result", "dialed-call-incomplete").containsEntry("DialCallStatus", "no-answer");
            assertThat(callOf(f.customer()).connections()).isEmpty();
            assertThat(f.customer().saidTexts()).containsExactly("dialed-call-incomplete");
        }
    }

    @Test
    void aWhisperThatCannotBeFetchedIsRefused() {
        try (Frontdesk f = whispering("url=\"/whisper\"")) {
            f.app.route("/whisper", r -> TestApp.Response.status(500));
            f.phoneOf(ALICE).answerAfter(ofSeconds(1));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.param("DialCallStatus")).isEqualTo("no-answer");
            assertThat(f.alertCodes(f.leg(callSid).sid())).as("HTTP error response").containsExactly(11217);
        }
    }

    @Test
    void aWhisperMayNotDialOut13201() {
        try (Frontdesk f = whispering("url=\"/whisper\"")) {
            f.app.twiml("/whisper", "<Response><Dial>+15550009999</Dial></Response>");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.param("DialCallStatus")).isEqualTo("no-answer");
            assertThat(f.alertCodes(f.leg(callSid).sid())).containsExactly(13201);
            assertThat(f.network.find("+15550009999")).isEmpty();
        }
    }

    @Test
    void aCustomerWhoHangsUpDuringTheWhisperCancelsTheSession() {
        try (Frontdesk f = whispering("url=\"/whisper\"")) {
            f.app.twiml("/whisper", "<Response><Pause length=\"10\"/></Response>");
            VirtualPhone alice = f.phoneOf(ALICE).answerAfter(ofSeconds(1));
            f.customer().hangupAt(ofSeconds(4));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsEntry("Result", "dialed-call-incomplete").containsEntry("DialCallStatus", "canceled");
            assertThat(f.leg(callSid).status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(callOf(alice).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
        }
    }

    @Test
    void theWhisperIsNotRecordedButCallAnsweredIsReportedWhenTheWorkerAnswers() {
        try (Frontdesk f = whispering("url=\"/whisper\" record=\"record-from-answer-dual\" statusCallback=\"/status\" "
            + "statusCallbackEvent=\"call-answered\"")) {
            f.app.twiml("/whisper", "<Response><Say>" + WHISPER + "</Say></Response>");
            f.accepting("/status");
            VirtualPhone alice = f.phoneOf(ALICE).answerAfter(ofSeconds(1)).talk(ofSeconds(5), ofSeconds(1)).hangupAt(ofSeconds(8));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            Instant answered = callOf(alice).answeredAt().orElseThrow();
            assertThat(f.only("/status").param("Timestamp")).isEqualTo(dev.parley.engine.webhook.Rfc2822.format(answered));
            assertThat(f.engine.recordings().recording(action.param("RecordingSid")).orElseThrow().startTime())
                .as("recorded from the moment the two are joined").isEqualTo(answered.plus(VirtualNetwork.sayLength(WHISPER)));
        }
    }
}
