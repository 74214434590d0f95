package dev.parley.sim.conversation;

import static dev.parley.sim.conversation.Frontdesk.ALICE;
import static dev.parley.sim.conversation.Frontdesk.COMPANY;
import static dev.parley.sim.conversation.Frontdesk.CUSTOMER;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ParticipantConversation;
import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.engine.conversation.Routing;
import dev.parley.engine.recording.Recording;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.Audio;
import dev.parley.sim.scenario.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed page's examples, run as written: each output document verbatim, with the service its placeholder SID
 * names ({@code ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx}) and its {@code https://example.com} URLs served by the test app.
 * In each, the customer calls, Alice (who owns the conversation) answers after a second, and the customer hangs up
 * ten seconds after the call was answered. The voicemail example runs end to end with the correct check.
 */
class SeedExamplesTest {

    static final String PLACEHOLDER_SID = "ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    /** A Frontline desk whose service has the SID the seed's examples name. */
    private static Frontdesk seeded() {
        Frontdesk f = new Frontdesk();
        ConversationService seed = new ConversationService(PLACEHOLDER_SID, f.account.sid(), "Frontline Service",
            f.clock.now(), f.clock.now(), Routing.none());
        f.store.atomically(f.account.sid(), tx -> {
            tx.put(seed);
            return null;
        });
        f.worker(ALICE);
        var conversation = f.frontline.conversations().create(f.account.sid(), PLACEHOLDER_SID,
            dev.parley.engine.conversation.ConversationParams.NONE);
        f.frontline.participants().add(f.account.sid(), PLACEHOLDER_SID, conversation.sid(),
            ParticipantParams.customer(CUSTOMER, COMPANY));
        f.frontline.participants().add(f.account.sid(), PLACEHOLDER_SID, conversation.sid(), ParticipantParams.chat(ALICE));
        f.accepting("/yourActionUrl", "/yourRecordingStatusCallback", "/yourStatusCallback");
        return f;
    }

    /** Serves the document as printed on the seed page and runs the call; returns the CallSid. */
    private static String run(Frontdesk f, String document) {
        f.app.twiml("/voice", document.replace("https://example.com", f.app.url("")));
        f.phoneOf(ALICE).answerAfter(ofSeconds(1)).talk(ofSeconds(2), ofSeconds(2));
        f.customer().talk(ofSeconds(5), ofSeconds(2)).hangupAt(ofSeconds(10));
        String callSid = f.customerCalls();
        f.awaitEnded(callSid);
        return callSid;
    }

    /** The customer was connected to Alice. */
    private static void connected(Frontdesk f, String callSid) {
        assertThat(f.leg(callSid).to()).isEqualTo("client:alice");
        assertThat(f.customer().lastCall().orElseThrow().connections()).singleElement()
            .satisfies(c -> assertThat(c.peer()).isEqualTo("client:alice"));
    }

    @Test
    void useConnectConversation() {
        try (Frontdesk f = seeded()) {
            String callSid = run(f, """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" />
                </Connect>
                </Response>""");

            connected(f, callSid);
            assertThat(f.app.requests()).extracting(TestApp.Request::path).containsExactly("/voice");
        }
    }

    @Test
    void useConnectsActionAttribute() {
        try (Frontdesk f = seeded()) {
            run(f, """
                <Response>
                <Connect action="https://example.com/yourActionUrl">
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" />
                </Connect>
                </Response>""");

            TestApp.Request action = f.only("/yourActionUrl");
            assertThat(action.method()).isEqualTo("POST");
            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("WorkerInitiated", "false");
        }
    }

    @Test
    void useConnectsActionAndMethodAttributes() {
        try (Frontdesk f = seeded()) {
            run(f, """
                <Response>
                <Connect action="https://example.com/yourActionUrl" method="GET">
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" />
                </Connect>
                </Response>""");

            TestApp.Request action = f.only("/yourActionUrl");
            assertThat(action.method()).isEqualTo("GET");
            assertThat(action.params()).containsEntry("Result", "session-success");
        }
    }

    @Test
    void useConversationWithInboundAutocreation() {
        try (Frontdesk f = seeded()) {
            String callSid = run(f, """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" inboundAutocreation="true" />
                </Connect>
                </Response>""");

            connected(f, callSid);
        }
    }

    @Test
    void useConversationWithInboundAutocreationAndRoutingAssignmentTimeout() {
        try (Frontdesk f = seeded()) {
            VirtualPhone newCustomer = f.network.phone("+15551230099").hangupAt(ofSeconds(30));
            f.app.twiml("/voice", """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" inboundAutocreation="true" routingAssignmentTimeout="10" />
                </Connect>
                </Response>""");
            String callSid = newCustomer.call(COMPANY).orElseThrow();

            f.awaitEnded(callSid);

            List<ParticipantConversation> made = f.frontline.participants().ofAddress(f.account.sid(), PLACEHOLDER_SID,
                "+15551230099");
            assertThat(made).as("a conversation was made for the new caller").hasSize(1);
            assertThat(f.dialled(callSid)).isEmpty();
            assertThat(f.engine.alertsOf(callSid)).singleElement().satisfies(a -> {
                assertThat(a.errorCode()).isEqualTo(32506);
                assertThat(a.alertText()).contains("within 10 s");
            });
        }
    }

    @Test
    void useConversationWithInboundTimeout() {
        try (Frontdesk f = seeded()) {
            f.app.twiml("/voice", """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" inboundTimeout="10"/>
                </Connect>
                </Response>""");
            f.phoneOf(ALICE).ringForever();
            String callSid = f.customerCalls();

            f.awaitEnded(callSid);

            var leg = f.leg(callSid);
            assertThat(leg.endTime()).contains(leg.dateCreated().plusSeconds(10));
            assertThat(leg.status().value()).isEqualTo("no-answer");
        }
    }

    @Test
    void useConversationWithRecord() {
        try (Frontdesk f = seeded()) {
            String callSid = run(f, """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer"/>
                </Connect>
                </Response>""");

            Recording recording = f.engine.recordings().ofCall(callSid).get(0);
            assertThat(recording.channels()).isEqualTo(1);
            Audio audio = Audio.of(recording);
            assertThat(audio.level(0, ofSeconds(2), ofSeconds(4), f.phoneOf(ALICE).toneHz())).isCloseTo(0.5, offset(0.01));
        }
    }

    @Test
    void useConversationWithRecordAndTrim() {
        try (Frontdesk f = seeded()) {
            String callSid = run(f, """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" trim="trim-silence"/>
                </Connect>
                </Response>""");

            Recording recording = f.engine.recordings().ofCall(callSid).get(0);
            assertThat(recording.durationSeconds()).as("Alice's first word to the customer's last").isEqualTo(4);
        }
    }

    @Test
    void useConversationWithRecordAndRecordingStatusCallback() {
        try (Frontdesk f = seeded()) {
            run(f, """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" recordingStatusCallback="https://example.com/yourRecordingStatusCallback"/>
                </Connect>
                </Response>""");

            TestApp.Request completed = f.only("/yourRecordingStatusCallback");
            assertThat(completed.method()).isEqualTo("POST");
            assertThat(completed.params()).containsEntry("RecordingStatus", "completed").containsEntry("RecordingChannels", "1")
                .containsKeys("AccountSid", "CallSid", "RecordingSid", "RecordingUrl", "RecordingDuration", "RecordingSource");
        }
    }

    @Test
    void useConversationWithRecordingStatusCallbackMethod() {
        try (Frontdesk f = seeded()) {
            run(f, """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" recordingStatusCallback="https://example.com/yourRecordingStatusCallback" recordingStatusCallbackMethod="GET"/>
                </Connect>
                </Response>""");

            assertThat(f.only("/yourRecordingStatusCallback").method()).isEqualTo("GET");
        }
    }

    @Test
    void useConversationWithRecordingStatusCallbackEvent() {
        try (Frontdesk f = seeded()) {
            run(f, """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" recordingStatusCallback="https://example.com/yourRecordingStatusCallback" recordingStatusCallbackEvent="in-progress completed"/>
                </Connect>
                </Response>""");

            f.await(() -> f.app.requests("/yourRecordingStatusCallback").size() == 2);
            assertThat(f.app.requests("/yourRecordingStatusCallback")).extracting(r -> r.param("RecordingStatus"))
                .containsExactlyInAnyOrder("in-progress", "completed");
        }
    }

    @Test
    void useConversationWithStatusCallback() {
        try (Frontdesk f = seeded()) {
            run(f, """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" statusCallback="https://example.com/yourStatusCallback"/>
                </Connect>
                </Response>""");

            assertThat(f.only("/yourStatusCallback").params()).containsEntry("Status", "call-completed")
                .containsEntry("CallbackSource", "voice-conversation-service");
        }
    }

    @Test
    void useConversationWithStatusCallbackMethod() {
        try (Frontdesk f = seeded()) {
            run(f, """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" statusCallback="https://example.com/yourStatusCallback" statusCallbackMethod="GET" />
                </Connect>
                </Response>""");

            assertThat(f.only("/yourStatusCallback").method()).isEqualTo("GET");
        }
    }

    @Test
    void useConversationWithStatusCallbackEvent() {
        try (Frontdesk f = seeded()) {
            run(f, """
                <Response>
                <Connect>
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" statusCallback="https://example.com/yourStatusCallback" statusCallbackEvent="call-initiated call-ringing call-answered call-completed"/>
                </Connect>
                </Response>""");

            assertThat(f.statusCallbacks("/yourStatusCallback", 4)).extracting(r -> r.param("Status"))
                .containsExactly("call-initiated", "call-ringing", "call-answered", "call-completed");
        }
    }

    /**
     * The voicemail example, end to end: Alice does not answer within 20 seconds, the action URL gets
     * {@code Result=dialed-call-incomplete} with {@code DialCallStatus=no-answer} (the seed's own check, for
     * {@code Result} {@code no-answer}, would never match), and answers with the seed's voicemail TwiML; the customer
     * leaves a message, which {@code <Record>} (not {@code <Conversation>}) reports to its own callback. The printed
     * SID placeholder is two characters short, so this runs with the page's 34-character one.
     */
    @Test
    void theVoicemailExampleWorksEndToEndWithTheCorrectCheck() {
        try (Frontdesk f = seeded()) {
            f.app.twiml("/voice", """
                <Response>
                <Connect action="https://example.com/myActionUrl">
                <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" inboundTimeout="20"/>
                </Connect>
                </Response>""".replace("https://example.com", f.app.url("")));
            String voicemail = """
                <Response>
                <Say>
                Sorry, your personal advisor is not available right now. Please leave a message after the tone. Thank you!
                </Say>
                <Record recordingStatusCallback="https://example.com/myVoicemailRecordingStatusEndpoint" />
                </Response>""".replace("https://example.com", f.app.url(""));
            f.app.route("/myActionUrl", r -> TestApp.Response.twiml(
                "dialed-call-incomplete".equals(r.param("Result")) && "no-answer".equals(r.param("DialCallStatus"))
                    ? voicemail : "<Response><Hangup/></Response>"));
            f.accepting("/myVoicemailRecordingStatusEndpoint");
            f.phoneOf(ALICE).ringForever();
            VirtualPhone customer = f.customer().talk(ofSeconds(30), ofSeconds(3)).hangupAt(ofSeconds(45));
            String callSid = f.customerCalls();

            f.awaitEnded(callSid);

            List<TestApp.Request> requests = f.app.requests("/myActionUrl");
            TestApp.Request sessionEnd = requests.get(0);
            assertThat(sessionEnd.params()).containsEntry("Result", "dialed-call-incomplete")
                .containsEntry("DialCallStatus", "no-answer");
            assertThat(sessionEnd.param("Result")).as("the seed's literal check").isNotEqualTo("no-answer");
            assertThat(customer.saidTexts()).singleElement().asString().contains("Please leave a message after the tone");
            TestApp.Request recorded = f.only("/myVoicemailRecordingStatusEndpoint");
            assertThat(recorded.params()).containsEntry("RecordingStatus", "completed").containsEntry("RecordingSource", "RecordVerb");
            Recording message = f.engine.recordings().recording(recorded.param("RecordingSid")).orElseThrow();
            assertThat(Audio.of(message).level(0, ofSeconds(0), ofSeconds(3), customer.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(requests).as("then <Record>'s own request (its action defaults to the document's URL)").hasSize(2);
            assertThat(requests.get(1).params()).containsEntry("RecordingSid", message.sid()).doesNotContainKey("Result");
        }
    }

    @Test
    void theVoicemailExampleAsPrintedNamesAServiceSidTwoCharactersShort32501() {
        try (Frontdesk f = seeded()) {
            f.app.twiml("/voice", """
                <Response>
                <Connect action="https://example.com/myActionUrl">
                <Conversation serviceInstanceSid="ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX" inboundTimeout="20"/>
                </Connect>
                </Response>""".replace("https://example.com", f.app.url("")));
            String callSid = f.customerCalls();

            f.awaitEnded(callSid);

            assertThat(f.alertCodes(callSid)).containsExactly(32501);
            assertThat(f.app.requests("/myActionUrl")).isEmpty();
            assertThat(f.phoneOf(ALICE).calls()).isEmpty();
        }
    }
}
