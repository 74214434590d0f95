package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 32501 "Voice Conversation: TwiML attributes validation error" (reference §1.3): a {@code <Conversation>}
 * without {@code serviceInstanceSid} or with any attribute name or value outside the table is an error in
 * both compliance modes (never a 12200 warning); every value the table allows is read, with Twilio's defaults
 * as DESIGN.md decision 9 resolves them.
 */
class ConversationAttributesTest {

    private static final String SID = "IS0123456789abcdef0123456789abcdef";

    /** The document with one extra attribute on {@code <Conversation>}, which starts at line 3, column 5. */
    private static String document(String extraAttributes) {
        return """
            <Response>
              <Connect>
                <Conversation serviceInstanceSid="%s"%s/>
              </Connect>
              <Say>after</Say>
            </Response>
            """.formatted(SID, extraAttributes.isEmpty() ? "" : " " + extraAttributes);
    }

    /** Column of the extra attribute in {@link #document}: after {@code <Conversation serviceInstanceSid="IS…" }. */
    private static final int EXTRA_COLUMN = "    <Conversation serviceInstanceSid=\"".length() + SID.length() + 3;

    // Values outside the allowed ones

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
        routingAssignmentTimeout      | ten
        routingAssignmentTimeout      | 1.5
        routingAssignmentTimeout      | -1
        routingAssignmentTimeout      | 10000000000
        routingAssignmentTimeout      | ''
        inboundTimeout                | sixty
        inboundTimeout                | 60s
        inboundTimeout                | 0x3C
        record                        | yes
        record                        | record
        record                        | record-from-start
        record                        | RECORD-FROM-ANSWER
        trim                          | trim
        trim                          | silence
        trim                          | true
        recordingStatusCallbackEvent  | started
        recordingStatusCallbackEvent  | completed failed
        recordingStatusCallbackEvent  | completed,absent
        recordingStatusCallbackEvent  | ''
        statusCallbackEvent           | completed
        statusCallbackEvent           | call-initiated ringing
        statusCallbackEvent           | initiated
        statusCallbackEvent           | call-answered,call-completed
        statusCallbackEvent           | ''
        recordingStatusCallback       | /recordings
        recordingStatusCallback       | recordings?x=1
        recordingStatusCallback       | //example.com/recordings
        recordingStatusCallback       | ftp://example.com/recordings
        recordingStatusCallback       | http://
        recordingStatusCallback       | ''
        method                        | PUT
        method                        | PATCH
        method                        | DELETE
        recordingStatusCallbackMethod | PUT
        statusCallbackMethod          | HEAD
        inboundAutocreation           | yes
        inboundAutocreation           | 1
        inboundAutocreation           | ''
        url                           | ''
        statusCallback                | '  '
        """)
    void valueOutsideTheAllowedOnesIs32501InBothModes(String attribute, String value) {
        String document = document(attribute + "=\"" + value + "\"");

        for (Compliance compliance : Compliance.values()) {
            ParseResult result = TwimlParser.of(compliance).parse(document);

            assertSingle32501(result, 3, EXTRA_COLUMN);
            assertThat(result.findings().get(0).message()).contains(attribute, "'" + value + "'");
            // The bad attribute is left out; the document is read but does not run.
            Conversation conversation = conversation(result);
            assertThat(conversation.attributes().has(attribute)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"serviceSid", "timeout", "action", "ServiceInstanceSid_", "statusCallbackEvents", "recordingChannels"})
    void unknownAttributeIs32501InBothModes(String attribute) {
        String document = document(attribute + "=\"x\"");

        for (Compliance compliance : Compliance.values()) {
            ParseResult result = TwimlParser.of(compliance).parse(document);

            assertSingle32501(result, 3, EXTRA_COLUMN);
            assertThat(result.findings().get(0).message()).contains(attribute);
        }
    }

    @ParameterizedTest
    @EnumSource(Compliance.class)
    void missingServiceInstanceSidIs32501(Compliance compliance) {
        String document = """
            <Response>
              <Connect action="/done">
                <Conversation inboundTimeout="20"/>
              </Connect>
              <Say>after</Say>
            </Response>
            """;

        ParseResult result = TwimlParser.of(compliance).parse(document);

        assertSingle32501(result, 3, 5);
        assertThat(result.findings().get(0).message()).contains("serviceInstanceSid");
        // No <Conversation> to connect: the <Connect> is dropped without a second (12200) finding.
        assertThat(result.response().orElseThrow().verbs()).containsExactly(Say.builder("after").build());
    }

    @ParameterizedTest
    @EnumSource(Compliance.class)
    void serviceInstanceSidInTheWrongCaseIsUnknownAndMissing(Compliance compliance) {
        String document = "<Response><Connect><Conversation ServiceInstanceSid=\"" + SID + "\"/></Connect></Response>";

        ParseResult result = TwimlParser.of(compliance).parse(document);

        assertThat(result.findings()).extracting(Finding::code, Finding::severity, Finding::column)
            .containsExactly(tuple(32501, Severity.ERROR, 34),
                tuple(32501, Severity.ERROR, 20));
        assertThat(result.runnable()).isFalse();
    }

    @ParameterizedTest(name = "serviceInstanceSid=\"{0}\"")
    @CsvSource({
        "ISabc",
        "CH0123456789abcdef0123456789abcdef",
        "is0123456789abcdef0123456789abcdef",
        "IS0123456789abcdef0123456789abcdef0",
        "IS0123456789abcdef0123456789abcde-",
        "''"})
    void malformedServiceInstanceSidIs32501(String sid) {
        String document = "<Response><Connect><Conversation serviceInstanceSid=\"" + sid + "\"/></Connect></Response>";

        for (Compliance compliance : Compliance.values()) {
            ParseResult result = TwimlParser.of(compliance).parse(document);

            assertThat(result.findings()).isNotEmpty().allSatisfy(f -> {
                assertThat(f.code()).isEqualTo(32501);
                assertThat(f.error()).isEqualTo(TwimlError.CONVERSATION_ATTRIBUTES);
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
            });
            assertThat(result.findings().get(0).message()).contains("serviceInstanceSid");
            assertThat(result.findings().get(0).column()).isEqualTo(34);
            assertThat(result.runnable()).isFalse();
        }
    }

    @Test
    void everyBadAttributeIsReported() {
        String document = document("record=\"always\" trim=\"maybe\" statusCallbackEvent=\"completed\"");

        ParseResult result = TwimlParser.lenient().parse(document);

        assertThat(result.findings()).extracting(Finding::code).containsExactly(32501, 32501, 32501);
        assertThat(result.findings()).extracting(Finding::message)
            .anySatisfy(m -> assertThat(m).contains("record", "always"))
            .anySatisfy(m -> assertThat(m).contains("trim", "maybe"))
            .anySatisfy(m -> assertThat(m).contains("statusCallbackEvent", "completed"));
        assertThat(result.firstError()).get().extracting(Finding::line, Finding::column).containsExactly(3, EXTRA_COLUMN);
    }

    @Test
    void conversationErrorsAndSchemaWarningsKeepTheirOwnCodes() {
        String document = "<Response><Sya/><Connect><Conversation serviceInstanceSid=\"" + SID
            + "\" record=\"bogus\"/></Connect></Response>";

        ParseResult lenient = TwimlParser.lenient().parse(document);
        ParseResult strict = TwimlParser.strict().parse(document);

        assertThat(lenient.findings()).extracting(Finding::code, Finding::severity).containsExactly(
            tuple(12200, Severity.WARNING),
            tuple(32501, Severity.ERROR));
        assertThat(strict.findings()).extracting(Finding::code, Finding::severity).containsExactly(
            tuple(12200, Severity.ERROR),
            tuple(32501, Severity.ERROR));
        assertThat(lenient.firstError()).get().extracting(Finding::code).isEqualTo(32501);
    }

    @Test
    void badAttributeOnConnectIsOnly12200() {
        ParseResult result = TwimlParser.lenient().parse(
            "<Response><Connect method=\"PUT\"><Conversation serviceInstanceSid=\"" + SID + "\"/></Connect></Response>");

        assertThat(result.findings()).extracting(Finding::code, Finding::severity)
            .containsExactly(tuple(12200, Severity.WARNING));
        assertThat(result.runnable()).isTrue();
    }

    // Allowed values

    static Stream<Arguments> allowedValues() {
        Function<Conversation, Object> record = Conversation::record;
        Function<Conversation, Object> trim = Conversation::trim;
        Function<Conversation, Object> rscEvents = Conversation::recordingStatusCallbackEvents;
        Function<Conversation, Object> scEvents = Conversation::statusCallbackEvents;
        return Stream.of(
            Arguments.of("serviceInstanceSid", "ISABCDEF0123456789abcdef0123456789",
                (Function<Conversation, Object>) Conversation::serviceInstanceSid, "ISABCDEF0123456789abcdef0123456789"),
            Arguments.of("inboundAutocreation", "true", (Function<Conversation, Object>) Conversation::inboundAutocreation, true),
            Arguments.of("inboundAutocreation", "false", (Function<Conversation, Object>) Conversation::inboundAutocreation, false),
            Arguments.of("routingAssignmentTimeout", "0", (Function<Conversation, Object>) Conversation::routingAssignmentTimeout, 0),
            Arguments.of("routingAssignmentTimeout", "10", (Function<Conversation, Object>) Conversation::routingAssignmentTimeout, 10),
            Arguments.of("routingAssignmentTimeout", "3600", (Function<Conversation, Object>) Conversation::routingAssignmentTimeout, 3600),
            Arguments.of("inboundTimeout", "10", (Function<Conversation, Object>) Conversation::inboundTimeout, 10),
            Arguments.of("inboundTimeout", "120", (Function<Conversation, Object>) Conversation::inboundTimeout, 120),
            Arguments.of("url", "/whisper", (Function<Conversation, Object>) Conversation::url, Optional.of("/whisper")),
            Arguments.of("url", "whisper.xml?x=1", (Function<Conversation, Object>) Conversation::url, Optional.of("whisper.xml?x=1")),
            Arguments.of("url", "https://example.com/whisper", (Function<Conversation, Object>) Conversation::url,
                Optional.of("https://example.com/whisper")),
            Arguments.of("method", "GET", (Function<Conversation, Object>) Conversation::method, HttpMethod.GET),
            Arguments.of("method", "POST", (Function<Conversation, Object>) Conversation::method, HttpMethod.POST),
            Arguments.of("record", "do-not-record", record, Conversation.Record.DO_NOT_RECORD),
            Arguments.of("record", "record-from-answer", record, Conversation.Record.RECORD_FROM_ANSWER),
            Arguments.of("record", "record-from-ringing", record, Conversation.Record.RECORD_FROM_RINGING),
            Arguments.of("record", "record-from-answer-dual", record, Conversation.Record.RECORD_FROM_ANSWER_DUAL),
            Arguments.of("record", "record-from-ringing-dual", record, Conversation.Record.RECORD_FROM_RINGING_DUAL),
            Arguments.of("record", "true", record, Conversation.Record.RECORD_FROM_ANSWER),
            Arguments.of("record", "false", record, Conversation.Record.DO_NOT_RECORD),
            Arguments.of("trim", "trim-silence", trim, Conversation.Trim.TRIM_SILENCE),
            Arguments.of("trim", "do-not-trim", trim, Conversation.Trim.DO_NOT_TRIM),
            Arguments.of("recordingStatusCallback", "http://example.com/recordings",
                (Function<Conversation, Object>) Conversation::recordingStatusCallback, Optional.of("http://example.com/recordings")),
            Arguments.of("recordingStatusCallback", "https://user:pw@example.com:8443/r?x=1",
                (Function<Conversation, Object>) Conversation::recordingStatusCallback,
                Optional.of("https://user:pw@example.com:8443/r?x=1")),
            Arguments.of("recordingStatusCallbackMethod", "GET",
                (Function<Conversation, Object>) Conversation::recordingStatusCallbackMethod, HttpMethod.GET),
            Arguments.of("recordingStatusCallbackMethod", "POST",
                (Function<Conversation, Object>) Conversation::recordingStatusCallbackMethod, HttpMethod.POST),
            Arguments.of("recordingStatusCallbackEvent", "in-progress", rscEvents, List.of("in-progress")),
            Arguments.of("recordingStatusCallbackEvent", "completed", rscEvents, List.of("completed")),
            Arguments.of("recordingStatusCallbackEvent", "absent", rscEvents, List.of("absent")),
            Arguments.of("recordingStatusCallbackEvent", "in-progress completed absent", rscEvents,
                List.of("in-progress", "completed", "absent")),
            Arguments.of("recordingStatusCallbackEvent", " completed \t absent ", rscEvents, List.of("completed", "absent")),
            Arguments.of("statusCallback", "/status", (Function<Conversation, Object>) Conversation::statusCallback,
                Optional.of("/status")),
            Arguments.of("statusCallback", "https://example.com/status",
                (Function<Conversation, Object>) Conversation::statusCallback, Optional.of("https://example.com/status")),
            Arguments.of("statusCallbackMethod", "GET", (Function<Conversation, Object>) Conversation::statusCallbackMethod,
                HttpMethod.GET),
            Arguments.of("statusCallbackMethod", "POST", (Function<Conversation, Object>) Conversation::statusCallbackMethod,
                HttpMethod.POST),
            Arguments.of("statusCallbackEvent", "call-initiated", scEvents, List.of("call-initiated")),
            Arguments.of("statusCallbackEvent", "call-ringing", scEvents, List.of("call-ringing")),
            Arguments.of("statusCallbackEvent", "call-answered", scEvents, List.of("call-answered")),
            Arguments.of("statusCallbackEvent", "call-completed", scEvents, List.of("call-completed")),
            Arguments.of("statusCallbackEvent", "call-initiated call-ringing call-answered call-completed", scEvents,
                List.of("call-initiated", "call-ringing", "call-answered", "call-completed")));
    }

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @MethodSource("allowedValues")
    void allowedValueIsAccepted(String attribute, String value, Function<Conversation, Object> accessor, Object expected) {
        String document = attribute.equals("serviceInstanceSid")
            ? "<Response><Connect><Conversation serviceInstanceSid=\"" + value + "\"/></Connect></Response>"
            : document(attribute + "=\"" + value + "\"");

        for (Compliance compliance : Compliance.values()) {
            ParseResult result = TwimlParser.of(compliance).parse(document);

            assertThat(result.findings()).isEmpty();
            assertThat(result.runnable()).isTrue();
            Conversation conversation = conversation(result);
            assertThat(accessor.apply(conversation)).isEqualTo(expected);
            assertThat(conversation.attributes().has(attribute)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @MethodSource("allowedValues")
    void allowedValueSurvivesARoundTrip(String attribute, String value, Function<Conversation, Object> accessor, Object expected) {
        String document = attribute.equals("serviceInstanceSid")
            ? "<Response><Connect><Conversation serviceInstanceSid=\"" + value + "\"/></Connect></Response>"
            : document(attribute + "=\"" + value + "\"");
        VoiceResponse parsed = TwimlParser.strict().parse(document).response().orElseThrow();

        ParseResult again = TwimlParser.strict().parse(TwimlWriter.write(parsed));

        assertThat(again.findings()).isEmpty();
        assertThat(again.response()).contains(parsed);
        assertThat(accessor.apply(conversation(again))).isEqualTo(expected);
    }

    @Test
    void recordAliasesMeanWhatTheSeedSays() {
        assertThat(Conversation.Record.TRUE.canonical()).isEqualTo(Conversation.Record.RECORD_FROM_ANSWER);
        assertThat(Conversation.Record.FALSE.canonical()).isEqualTo(Conversation.Record.DO_NOT_RECORD);
        assertThat(Conversation.Record.TRUE.records()).isTrue();
        assertThat(Conversation.Record.FALSE.records()).isFalse();
        assertThat(Conversation.Record.DO_NOT_RECORD.records()).isFalse();
        assertThat(Conversation.Record.RECORD_FROM_RINGING_DUAL.fromRinging()).isTrue();
        assertThat(Conversation.Record.RECORD_FROM_RINGING_DUAL.dual()).isTrue();
        assertThat(Conversation.Record.RECORD_FROM_ANSWER.dual()).isFalse();
    }

    @Test
    void recordAliasIsKeptAsWrittenAndReadCanonically() {
        Conversation conversation = conversation(TwimlParser.lenient().parse(document("record=\"true\"")));

        assertThat(conversation.attributes().asText()).containsEntry("record", "true");
        assertThat(conversation.record()).isEqualTo(Conversation.Record.RECORD_FROM_ANSWER);
        assertThat(conversation.record().records()).isTrue();
    }

    @Test
    void defaultsWhenOnlyTheSidIsWritten() {
        ParseResult result = TwimlParser.strict().parse(
            "<Response><Connect><Conversation serviceInstanceSid=\"" + SID + "\"/></Connect></Response>");

        assertThat(result.findings()).isEmpty();
        Conversation conversation = conversation(result);
        assertThat(conversation.serviceInstanceSid()).isEqualTo(SID);
        assertThat(conversation.inboundAutocreation()).isTrue();
        assertThat(conversation.routingAssignmentTimeout()).isEqualTo(5);
        assertThat(conversation.inboundTimeout()).isEqualTo(60);
        assertThat(conversation.url()).isEmpty();
        assertThat(conversation.method()).isEqualTo(HttpMethod.POST);
        assertThat(conversation.record()).isEqualTo(Conversation.Record.DO_NOT_RECORD);
        assertThat(conversation.trim()).isEqualTo(Conversation.Trim.DO_NOT_TRIM);
        assertThat(conversation.recordingStatusCallback()).isEmpty();
        assertThat(conversation.recordingStatusCallbackMethod()).isEqualTo(HttpMethod.POST);
        assertThat(conversation.recordingStatusCallbackEvents()).containsExactly("completed", "absent");
        assertThat(conversation.statusCallback()).isEmpty();
        assertThat(conversation.statusCallbackMethod()).isEqualTo(HttpMethod.POST);
        assertThat(conversation.statusCallbackEvents()).containsExactly("call-completed");
        // Only what was written is in the document; defaults are not written back.
        assertThat(conversation.attributes().asText()).containsExactly(Map.entry("serviceInstanceSid", SID));
    }

    @Test
    void seedSampleWithEveryAttributeIsAccepted() {
        String document = """
            <Response>
              <Connect action="https://example.com/connect-action" method="POST">
                <Conversation serviceInstanceSid="%s"
                    inboundAutocreation="true" routingAssignmentTimeout="10" inboundTimeout="10"
                    url="/whisper" method="GET" record="record-from-answer-dual" trim="trim-silence"
                    recordingStatusCallback="https://example.com/recording" recordingStatusCallbackMethod="GET"
                    recordingStatusCallbackEvent="in-progress completed absent"
                    statusCallback="/status" statusCallbackMethod="GET"
                    statusCallbackEvent="call-initiated call-ringing call-answered call-completed"/>
              </Connect>
            </Response>
            """.formatted(SID);

        for (Compliance compliance : Compliance.values()) {
            ParseResult result = TwimlParser.of(compliance).parse(document);
            assertThat(result.findings()).isEmpty();
            Conversation conversation = conversation(result);
            assertThat(conversation.attributes().asMap()).hasSize(14);
            assertThat(conversation.record().dual()).isTrue();
            assertThat(conversation.trim()).isEqualTo(Conversation.Trim.TRIM_SILENCE);
        }
    }

    private static Conversation conversation(ParseResult result) {
        VoiceResponse response = result.response().orElseThrow();
        return ((Connect) response.verbs().get(0)).conversation();
    }

    private static void assertSingle32501(ParseResult result, int line, int column) {
        assertThat(result.findings()).as("findings").hasSize(1);
        Finding finding = result.findings().get(0);
        assertThat(finding.code()).as("code of %s", finding).isEqualTo(32501);
        assertThat(finding.error()).isEqualTo(TwimlError.CONVERSATION_ATTRIBUTES);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.line() + ":" + finding.column()).as("position of %s", finding).isEqualTo(line + ":" + column);
        assertThat(result.runnable()).isFalse();
        assertThat(result.firstError()).contains(finding);
    }
}
