package dev.parley.sim.conversation;

import static dev.parley.sim.conversation.Frontdesk.ALICE;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.TwimlSource;
import dev.parley.sim.scenario.TestApp;
import dev.parley.twiml.HttpMethod;
import org.junit.jupiter.api.Test;

/**
 * {@code <Connect action method>}: exactly one request when the session ends, whose TwiML continues the call; without
 * {@code action} the verbs after {@code </Connect>} run (decision 1). And the seed's three ways to run TwiML before
 * connecting: verbs before {@code <Connect>}, {@code <Connect>} from a {@code <Gather>} action, and a live update.
 */
class ConnectActionTest {

    private static Frontdesk aliceAnswersAndHangsUp() {
        Frontdesk f = new Frontdesk();
        f.aliceOwnsTheCustomer();
        f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(3));
        return f;
    }

    @Test
    void theActionIsRequestedOnceWithPostByDefaultAndItsTwimlContinuesTheCall() {
        try (Frontdesk f = aliceAnswersAndHangsUp()) {
            f.connect("action=\"/action\"", "");
            f.app.twiml("/action", "<Response><Say>Thanks for calling</Say><Redirect>/after</Redirect></Response>");
            f.app.twiml("/after", "<Response><Say>Goodbye</Say></Response>");
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.method()).isEqualTo("POST");
            assertThat(f.customer().saidTexts()).containsExactly("Thanks for calling", "Goodbye");
            assertThat(f.engine.call(callSid).orElseThrow().status()).isEqualTo(CallStatus.COMPLETED);
        }
    }

    @Test
    void methodGetSendsTheActionParametersInTheQuery() {
        try (Frontdesk f = aliceAnswersAndHangsUp()) {
            f.connect("action=\"/action\" method=\"GET\"", "");
            f.accepting("/action");
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.method()).isEqualTo("GET");
            assertThat(action.url()).contains("Result=session-success").contains("DialCallStatus=completed");
            assertThat(action.signatureValid()).isTrue();
        }
    }

    @Test
    void aRelativeActionIsResolvedAgainstTheDocument() {
        try (Frontdesk f = aliceAnswersAndHangsUp()) {
            f.app.twiml("/voice", "<Response><Redirect>/frontline/inbound</Redirect></Response>");
            f.app.twiml("/frontline/inbound", "<Response>" + f.connectElement("action=\"after-call\"", "") + "</Response>");
            f.accepting("/frontline/after-call");
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/frontline/after-call").param("Result")).isEqualTo("session-success");
        }
    }

    @Test
    void withoutActionTheVerbsAfterConnectRunWhenTheSessionEnds() {
        try (Frontdesk f = aliceAnswersAndHangsUp()) {
            f.app.twiml("/voice", "<Response>" + f.connectElement("", "") + "<Say>After the conversation</Say></Response>");
            String callSid = f.customerCalls();

            f.awaitEnded(callSid);

            assertThat(f.customer().saidTexts()).containsExactly("After the conversation");
            assertThat(f.app.requests()).extracting(TestApp.Request::path).containsExactly("/voice");
        }
    }

    @Test
    void withoutActionAndWithoutMoreVerbsTheCallEndsWithTheSession() {
        try (Frontdesk f = aliceAnswersAndHangsUp()) {
            f.connect("", "");
            String callSid = f.customerCalls();

            f.awaitEnded(callSid);

            assertThat(f.engine.call(callSid).orElseThrow().status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(f.customer().lastCall().orElseThrow().endedAt())
                .isEqualTo(f.phoneOf(ALICE).lastCall().orElseThrow().endedAt());
        }
    }

    @Test
    void verbsBeforeConnectRunFirst() {
        try (Frontdesk f = aliceAnswersAndHangsUp()) {
            f.app.twiml("/voice", "<Response><Say>Connecting you to your advisor</Say>" + f.connectElement("", "") + "</Response>");
            String callSid = f.customerCalls();

            f.awaitEnded(callSid);

            assertThat(f.customer().saidTexts()).containsExactly("Connecting you to your advisor");
            assertThat(f.leg(callSid).dateCreated()).isEqualTo(f.customer().lastCall().orElseThrow().heard().get(0).at()
                .plus(dev.parley.sim.VirtualNetwork.sayLength("Connecting you to your advisor")));
        }
    }

    @Test
    void connectFromAGatherActionConnectsWhenTheCustomerAsks() {
        try (Frontdesk f = aliceAnswersAndHangsUp()) {
            f.app.twiml("/voice", "<Response><Gather numDigits=\"1\" action=\"/menu\"><Say>Press 1 for your advisor</Say>"
                + "</Gather></Response>");
            f.app.route("/menu", r -> TestApp.Response.twiml(r.param("Digits").equals("1")
                ? "<Response>" + f.connectElement("action=\"/action\"", "") + "</Response>" : "<Response><Hangup/></Response>"));
            f.accepting("/action");
            f.customer().pressDigitsAt(ofSeconds(1), "1");
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("session-success");
        }
    }

    @Test
    void connectFromALiveUpdateOfTheCall() {
        try (Frontdesk f = aliceAnswersAndHangsUp()) {
            f.app.twiml("/voice", "<Response><Say loop=\"0\">Please hold</Say></Response>");
            f.app.twiml("/connect", "<Response>" + f.connectElement("action=\"/action\"", "") + "</Response>");
            f.accepting("/action");
            String callSid = f.callThen(f::customerCalls, ofSeconds(5),
                sid -> f.engine.redirect(sid, TwimlSource.Url.of(f.app.url("/connect"), HttpMethod.POST)));

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("session-success");
            assertThat(f.leg(callSid).dateCreated()).isEqualTo(f.customer().lastCall().orElseThrow().answeredAt()
                .orElseThrow().plusSeconds(5));
        }
    }

    @Test
    void anActionThatFailsIsAnApplicationErrorAndIsNotRequestedAgain() {
        try (Frontdesk f = aliceAnswersAndHangsUp()) {
            f.connect("action=\"/action\"", "");
            f.app.route("/action", r -> TestApp.Response.status(500));
            String callSid = f.customerCalls();

            f.actionOf(callSid, "/action");

            assertThat(f.customer().saidTexts()).containsExactly("We're sorry, an application error has occurred. Goodbye!");
            assertThat(f.alertCodes(callSid)).containsExactly(11217);
        }
    }

    @Test
    void connectInADialWhisperCannotDialOut13201() {
        try (Frontdesk f = new Frontdesk()) {
            f.app.twiml("/voice", "<Response><Dial><Number url=\"/whisper\">+15558880001</Number></Dial></Response>");
            f.app.twiml("/whisper", "<Response>" + f.connectElement("", "") + "</Response>");
            f.network.phone("+15558880001").answerAfter(ofSeconds(1));
            String callSid = f.customerCalls();

            f.awaitEnded(callSid);

            assertThat(f.alertCodes(f.dialled(callSid).get(0).sid())).containsExactly(13201);
        }
    }
}
