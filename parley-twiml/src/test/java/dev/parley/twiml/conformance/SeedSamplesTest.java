package dev.parley.twiml.conformance;

import static dev.parley.twiml.conformance.Conformance.assertParsesTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.twiml.Connect;
import dev.parley.twiml.Conversation;
import dev.parley.twiml.Finding;
import dev.parley.twiml.HttpMethod;
import dev.parley.twiml.ParseResult;
import dev.parley.twiml.Record;
import dev.parley.twiml.Say;
import dev.parley.twiml.TwimlError;
import dev.parley.twiml.TwimlParser;
import dev.parley.twiml.TwimlWriter;
import dev.parley.twiml.VoiceResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every TwiML sample of the Twilio {@code <Conversation>} page (reference/seed-twiml-voice-conversation.txt),
 * built three ways: with twilio-java 13.0.1's builders (the Java twin of the page's Node.js code), with Parley's
 * builders, and as the page prints it under "Output". All three must read, without a single finding, into the
 * model Parley's builders make.
 *
 * <p>The page's numbers are strings in the Node.js code ({@code routingAssignmentTimeout: '10'}); the Java
 * builders of both libraries take integers, which is what the model holds.
 */
class SeedSamplesTest {

    /** The placeholder SID the page's samples use: IS + 32 characters. */
    private static final String SID = "ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    // ---- The page's "Output" blocks, as printed (line numbers removed), in page order. ----

    private static final String PAGE_MINIMAL = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" />
        </Connect>
        </Response>""";

    private static final String PAGE_ACTION = """
        <Response>
        <Connect action="https://example.com/yourActionUrl">
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" />
        </Connect>
        </Response>""";

    /** The voicemail example, step 1 (printed without Node.js code; its SID is two characters short). */
    private static final String PAGE_VOICEMAIL_CONNECT = """
        <Response>
        <Connect action="https://example.com/myActionUrl">
        <Conversation serviceInstanceSid="ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX" inboundTimeout="20"/>
        </Connect>
        </Response>""";

    /** The voicemail example, step 4. */
    private static final String PAGE_VOICEMAIL_RECORD = """
        <Response>
        <Say>
        Sorry, your personal advisor is not available right now. Please leave a message after the tone. Thank you!
        </Say>
        <Record recordingStatusCallback="https://example.com/myVoicemailRecordingStatusEndpoint" />
        </Response>""";

    private static final String PAGE_ACTION_METHOD = """
        <Response>
        <Connect action="https://example.com/yourActionUrl" method="GET">
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" />
        </Connect>
        </Response>""";

    /** The serviceInstanceSid section repeats the minimal sample. */
    private static final String PAGE_SERVICE_INSTANCE_SID = PAGE_MINIMAL;

    private static final String PAGE_INBOUND_AUTOCREATION = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" inboundAutocreation="true" />
        </Connect>
        </Response>""";

    private static final String PAGE_ROUTING_ASSIGNMENT_TIMEOUT = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" inboundAutocreation="true" routingAssignmentTimeout="10" />
        </Connect>
        </Response>""";

    private static final String PAGE_INBOUND_TIMEOUT = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" inboundTimeout="10"/>
        </Connect>
        </Response>""";

    private static final String PAGE_RECORD = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer"/>
        </Connect>
        </Response>""";

    private static final String PAGE_RECORD_TRIM = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" trim="trim-silence"/>
        </Connect>
        </Response>""";

    private static final String PAGE_RECORDING_STATUS_CALLBACK = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" recordingStatusCallback="https://example.com/yourRecordingStatusCallback"/>
        </Connect>
        </Response>""";

    private static final String PAGE_RECORDING_STATUS_CALLBACK_METHOD = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" recordingStatusCallback="https://example.com/yourRecordingStatusCallback" recordingStatusCallbackMethod="GET"/>
        </Connect>
        </Response>""";

    private static final String PAGE_RECORDING_STATUS_CALLBACK_EVENT = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" recordingStatusCallback="https://example.com/yourRecordingStatusCallback" recordingStatusCallbackEvent="in-progress completed"/>
        </Connect>
        </Response>""";

    private static final String PAGE_STATUS_CALLBACK = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" statusCallback="https://example.com/yourStatusCallback"/>
        </Connect>
        </Response>""";

    private static final String PAGE_STATUS_CALLBACK_METHOD = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" statusCallback="https://example.com/yourStatusCallback" statusCallbackMethod="GET" />
        </Connect>
        </Response>""";

    private static final String PAGE_STATUS_CALLBACK_EVENT = """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" statusCallback="https://example.com/yourStatusCallback" statusCallbackEvent="call-initiated call-ringing call-answered call-completed"/>
        </Connect>
        </Response>""";

    /** Every {@code <Response>} the page prints, in page order: what {@link #theTestsCoverEverySampleOnThePage} checks. */
    private static final List<String> PAGE_SAMPLES = List.of(PAGE_MINIMAL, PAGE_ACTION, PAGE_VOICEMAIL_CONNECT,
        PAGE_VOICEMAIL_RECORD, PAGE_ACTION_METHOD, PAGE_SERVICE_INSTANCE_SID, PAGE_INBOUND_AUTOCREATION,
        PAGE_ROUTING_ASSIGNMENT_TIMEOUT, PAGE_INBOUND_TIMEOUT, PAGE_RECORD, PAGE_RECORD_TRIM,
        PAGE_RECORDING_STATUS_CALLBACK, PAGE_RECORDING_STATUS_CALLBACK_METHOD, PAGE_RECORDING_STATUS_CALLBACK_EVENT,
        PAGE_STATUS_CALLBACK, PAGE_STATUS_CALLBACK_METHOD, PAGE_STATUS_CALLBACK_EVENT);

    // ---- "Use <Connect><Conversation>" ----

    @Test
    void minimalConnectConversation() {
        var twilio = new com.twilio.twiml.VoiceResponse.Builder()
            .connect(new com.twilio.twiml.voice.Connect.Builder()
                .conversation(new com.twilio.twiml.voice.Conversation.Builder()
                    .serviceInstanceSid(SID)
                    .build())
                .build())
            .build();
        var parley = VoiceResponse.builder()
            .connect(Connect.builder()
                .conversation(Conversation.builder()
                    .serviceInstanceSid(SID)
                    .build())
                .build())
            .build();
        assertConforms(twilio, parley, PAGE_MINIMAL);
    }

    // ---- <Connect> attributes ----

    @Test
    void connectAction() {
        var twilio = new com.twilio.twiml.VoiceResponse.Builder()
            .connect(new com.twilio.twiml.voice.Connect.Builder()
                .action("https://example.com/yourActionUrl")
                .conversation(new com.twilio.twiml.voice.Conversation.Builder()
                    .serviceInstanceSid(SID)
                    .build())
                .build())
            .build();
        var parley = VoiceResponse.builder()
            .connect(Connect.builder()
                .action("https://example.com/yourActionUrl")
                .conversation(Conversation.builder()
                    .serviceInstanceSid(SID)
                    .build())
                .build())
            .build();
        assertConforms(twilio, parley, PAGE_ACTION);
    }

    @Test
    void connectActionAndMethod() {
        var twilio = new com.twilio.twiml.VoiceResponse.Builder()
            .connect(new com.twilio.twiml.voice.Connect.Builder()
                .action("https://example.com/yourActionUrl")
                .method(com.twilio.http.HttpMethod.GET)
                .conversation(new com.twilio.twiml.voice.Conversation.Builder()
                    .serviceInstanceSid(SID)
                    .build())
                .build())
            .build();
        var parley = VoiceResponse.builder()
            .connect(Connect.builder()
                .action("https://example.com/yourActionUrl")
                .method(HttpMethod.GET)
                .conversation(Conversation.builder()
                    .serviceInstanceSid(SID)
                    .build())
                .build())
            .build();
        assertConforms(twilio, parley, PAGE_ACTION_METHOD);
    }

    // ---- The voicemail example (XML only on the page; no Node.js code) ----

    /**
     * Step 1 of the voicemail example. The page's SID, {@code ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX}, is IS + 30
     * characters, not IS + 32 like every other sample: read as printed it earns 32501 (a malformed
     * {@code serviceInstanceSid}) and the {@code <Connect>} is dropped. With a well-formed SID in its place the
     * document is read exactly like the builders' one.
     */
    @Test
    void voicemailExampleConnectWithActionAndInboundTimeout() {
        String pageSid = "ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
        String wellFormedSid = "ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
        var twilio = new com.twilio.twiml.VoiceResponse.Builder()
            .connect(new com.twilio.twiml.voice.Connect.Builder()
                .action("https://example.com/myActionUrl")
                .conversation(new com.twilio.twiml.voice.Conversation.Builder()
                    .serviceInstanceSid(wellFormedSid)
                    .inboundTimeout(20)
                    .build())
                .build())
            .build();
        var parley = VoiceResponse.builder()
            .connect(Connect.builder()
                .action("https://example.com/myActionUrl")
                .conversation(Conversation.builder()
                    .serviceInstanceSid(wellFormedSid)
                    .inboundTimeout(20)
                    .build())
                .build())
            .build();
        assertConforms(twilio, parley, PAGE_VOICEMAIL_CONNECT.replace(pageSid, wellFormedSid));

        ParseResult asPrinted = TwimlParser.lenient().parse(PAGE_VOICEMAIL_CONNECT);
        assertThat(pageSid).hasSize(32);
        assertThat(asPrinted.runnable()).isFalse();
        assertThat(asPrinted.findings()).isNotEmpty()
            .allSatisfy(f -> assertThat(f.error()).isEqualTo(TwimlError.CONVERSATION_ATTRIBUTES));
        assertThat(asPrinted.findings()).map(Finding::message).anySatisfy(m -> assertThat(m).contains(pageSid));
    }

    /** Step 4 of the voicemail example: the page spreads the {@code <Say>} text over its own lines. */
    @Test
    void voicemailExampleSayAndRecordWithRecordingStatusCallback() {
        String sorry = "Sorry, your personal advisor is not available right now. Please leave a message after the tone."
            + " Thank you!";
        var twilio = new com.twilio.twiml.VoiceResponse.Builder()
            .say(new com.twilio.twiml.voice.Say.Builder(sorry).build())
            .record(new com.twilio.twiml.voice.Record.Builder()
                .recordingStatusCallback("https://example.com/myVoicemailRecordingStatusEndpoint")
                .build())
            .build();
        var parley = VoiceResponse.builder()
            .say(Say.builder(sorry).build())
            .record(Record.builder()
                .recordingStatusCallback("https://example.com/myVoicemailRecordingStatusEndpoint")
                .build())
            .build();
        assertConforms(twilio, parley, PAGE_VOICEMAIL_RECORD);
    }

    // ---- <Conversation> attributes, in page order ----

    @Test
    void serviceInstanceSid() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID));
        assertConforms(twilio, parley, PAGE_SERVICE_INSTANCE_SID);
    }

    @Test
    void inboundAutocreation() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .inboundAutocreation(true));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .inboundAutocreation(true));
        assertConforms(twilio, parley, PAGE_INBOUND_AUTOCREATION);
    }

    @Test
    void inboundAutocreationAndRoutingAssignmentTimeout() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .inboundAutocreation(true)
            .routingAssignmentTimeout(10));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .inboundAutocreation(true)
            .routingAssignmentTimeout(10));
        assertConforms(twilio, parley, PAGE_ROUTING_ASSIGNMENT_TIMEOUT);
    }

    @Test
    void inboundTimeout() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .inboundTimeout(10));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .inboundTimeout(10));
        assertConforms(twilio, parley, PAGE_INBOUND_TIMEOUT);
    }

    @Test
    void record() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .record(com.twilio.twiml.voice.Conversation.Record.RECORD_FROM_ANSWER));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .record(Conversation.Record.RECORD_FROM_ANSWER));
        assertConforms(twilio, parley, PAGE_RECORD);
    }

    @Test
    void recordAndTrim() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .record(com.twilio.twiml.voice.Conversation.Record.RECORD_FROM_ANSWER)
            .trim(com.twilio.twiml.voice.Conversation.Trim.TRIM_SILENCE));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .record(Conversation.Record.RECORD_FROM_ANSWER)
            .trim(Conversation.Trim.TRIM_SILENCE));
        assertConforms(twilio, parley, PAGE_RECORD_TRIM);
    }

    @Test
    void recordAndRecordingStatusCallback() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .record(com.twilio.twiml.voice.Conversation.Record.RECORD_FROM_ANSWER)
            .recordingStatusCallback("https://example.com/yourRecordingStatusCallback"));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .record(Conversation.Record.RECORD_FROM_ANSWER)
            .recordingStatusCallback("https://example.com/yourRecordingStatusCallback"));
        assertConforms(twilio, parley, PAGE_RECORDING_STATUS_CALLBACK);
    }

    @Test
    void recordAndRecordingStatusCallbackMethod() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .record(com.twilio.twiml.voice.Conversation.Record.RECORD_FROM_ANSWER)
            .recordingStatusCallback("https://example.com/yourRecordingStatusCallback")
            .recordingStatusCallbackMethod(com.twilio.http.HttpMethod.GET));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .record(Conversation.Record.RECORD_FROM_ANSWER)
            .recordingStatusCallback("https://example.com/yourRecordingStatusCallback")
            .recordingStatusCallbackMethod(HttpMethod.GET));
        assertConforms(twilio, parley, PAGE_RECORDING_STATUS_CALLBACK_METHOD);
    }

    @Test
    void recordAndRecordingStatusCallbackEvent() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .record(com.twilio.twiml.voice.Conversation.Record.RECORD_FROM_ANSWER)
            .recordingStatusCallback("https://example.com/yourRecordingStatusCallback")
            .recordingStatusCallbackEvents(List.of(
                com.twilio.twiml.voice.Conversation.RecordingEvent.IN_PROGRESS,
                com.twilio.twiml.voice.Conversation.RecordingEvent.COMPLETED)));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .record(Conversation.Record.RECORD_FROM_ANSWER)
            .recordingStatusCallback("https://example.com/yourRecordingStatusCallback")
            .recordingStatusCallbackEvents(List.of(
                Conversation.RecordingEvent.IN_PROGRESS,
                Conversation.RecordingEvent.COMPLETED)));
        assertConforms(twilio, parley, PAGE_RECORDING_STATUS_CALLBACK_EVENT);
    }

    @Test
    void statusCallback() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .statusCallback("https://example.com/yourStatusCallback"));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .statusCallback("https://example.com/yourStatusCallback"));
        assertConforms(twilio, parley, PAGE_STATUS_CALLBACK);
    }

    @Test
    void statusCallbackAndMethod() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .statusCallback("https://example.com/yourStatusCallback")
            .statusCallbackMethod(com.twilio.http.HttpMethod.GET));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .statusCallback("https://example.com/yourStatusCallback")
            .statusCallbackMethod(HttpMethod.GET));
        assertConforms(twilio, parley, PAGE_STATUS_CALLBACK_METHOD);
    }

    @Test
    void statusCallbackAndAllStatusCallbackEvents() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .statusCallback("https://example.com/yourStatusCallback")
            .statusCallbackEvents(List.of(
                com.twilio.twiml.voice.Conversation.Event.CALL_INITIATED,
                com.twilio.twiml.voice.Conversation.Event.CALL_RINGING,
                com.twilio.twiml.voice.Conversation.Event.CALL_ANSWERED,
                com.twilio.twiml.voice.Conversation.Event.CALL_COMPLETED)));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .statusCallback("https://example.com/yourStatusCallback")
            .statusCallbackEvents(List.of(
                Conversation.Event.CALL_INITIATED,
                Conversation.Event.CALL_RINGING,
                Conversation.Event.CALL_ANSWERED,
                Conversation.Event.CALL_COMPLETED)));
        assertConforms(twilio, parley, PAGE_STATUS_CALLBACK_EVENT);
    }

    /**
     * The page ends with the prose of the {@code url} attribute but prints no sample for it; this is the sample
     * it would have had, with the {@code method} twilio-java pairs with it. Only the two builders are compared.
     */
    @Test
    void urlAndMethodWithoutPageSample() {
        var twilio = twilioDocument(new com.twilio.twiml.voice.Conversation.Builder()
            .serviceInstanceSid(SID)
            .url("https://example.com/whisper")
            .method(com.twilio.http.HttpMethod.GET));
        var parley = parleyDocument(Conversation.builder()
            .serviceInstanceSid(SID)
            .url("https://example.com/whisper")
            .method(HttpMethod.GET));
        assertParsesTo("twilio-java", twilio.toXml(), parley);
        assertParsesTo("Parley", parley.toXml(), parley);
    }

    // ---- The page itself ----

    /**
     * The {@code <Response>} documents of the page are exactly {@link #PAGE_SAMPLES}, so no sample goes
     * untested. Skipped where the reference page is not on disk (-Dparley.reference.dir=… to point at it).
     */
    @Test
    void theTestsCoverEverySampleOnThePage() throws IOException {
        Optional<Path> page = referencePage();
        assumeTrue(page.isPresent(), "reference page seed-twiml-voice-conversation.txt not found");
        List<String> printed = responsesOn(Files.readAllLines(page.get()));
        assertThat(printed).containsExactlyElementsOf(PAGE_SAMPLES.stream().map(SeedSamplesTest::normalise).toList());
    }

    // ---- Helpers ----

    private static void assertConforms(com.twilio.twiml.VoiceResponse twilio, VoiceResponse parley, String page) {
        assertParsesTo("twilio-java", twilio.toXml(), parley);
        assertParsesTo("Parley", parley.toXml(), parley);
        assertParsesTo("Parley (pretty)", TwimlWriter.writePretty(parley), parley);
        assertParsesTo("the seed page", page, parley);
    }

    /** {@code <Response><Connect><Conversation …/></Connect></Response>}, built with twilio-java. */
    private static com.twilio.twiml.VoiceResponse twilioDocument(com.twilio.twiml.voice.Conversation.Builder conversation) {
        return new com.twilio.twiml.VoiceResponse.Builder()
            .connect(new com.twilio.twiml.voice.Connect.Builder().conversation(conversation.build()).build())
            .build();
    }

    /** {@code <Response><Connect><Conversation …/></Connect></Response>}, built with Parley. */
    private static VoiceResponse parleyDocument(Conversation.Builder conversation) {
        return VoiceResponse.builder()
            .connect(Connect.builder().conversation(conversation.build()).build())
            .build();
    }

    private static Optional<Path> referencePage() {
        String name = "seed-twiml-voice-conversation.txt";
        String configured = System.getProperty("parley.reference.dir");
        if (configured != null) {
            Path p = Path.of(configured, name);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve("reference").resolve(name);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The {@code <Response>…</Response>} blocks of the page text, without the code listing's line numbers. */
    private static List<String> responsesOn(List<String> lines) {
        List<String> responses = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            String t = line.strip();
            if (t.equals("<Response>")) current = new StringBuilder();
            if (current == null || t.isEmpty() || t.matches("\\d+")) continue;
            if (!current.isEmpty()) current.append('\n');
            current.append(t);
            if (t.equals("</Response>")) {
                responses.add(current.toString());
                current = null;
            }
        }
        return responses;
    }

    private static String normalise(String xml) {
        return xml.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
