package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TwimlWriter}: clean XML that the parser reads back to the same document, whatever the text and
 * attribute values hold.
 */
class WriterTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String SID = "IS0123456789abcdef0123456789abcdef";

    @Test
    void writesCompactXmlWithADeclaration() {
        VoiceResponse response = VoiceResponse.builder().say(Say.builder("Hello").build()).build();

        assertThat(TwimlWriter.write(response)).isEqualTo(DECLARATION + "<Response><Say>Hello</Say></Response>");
        assertThat(response.toXml()).isEqualTo(TwimlWriter.write(response));
    }

    @Test
    void escapesMarkupInText() {
        VoiceResponse response = VoiceResponse.builder()
            .say(Say.builder("Tom & Jerry <3 > \"quotes\" 'apos' ]]> done").build()).build();

        String xml = TwimlWriter.write(response);

        assertThat(xml).contains("<Say>Tom &amp; Jerry &lt;3 &gt; \"quotes\" 'apos' ]]&gt; done</Say>");
        assertRoundTrip(response);
    }

    @Test
    void escapesMarkupAndQuotesInAttributes() {
        Parameter parameter = Parameter.builder().name("a&b").value("x < y > z \"q\" 'a' &amp;").build();
        VoiceResponse response = VoiceResponse.builder().hangup(Hangup.builder().parameter(parameter).build()).build();

        String xml = TwimlWriter.write(response);

        assertThat(xml).contains("<Parameter name=\"a&amp;b\" value=\"x &lt; y &gt; z &quot;q&quot; 'a' &amp;amp;\"/>");
        assertRoundTrip(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line1\nline2", "col1\tcol2", "a\r\nb", "a\rb", "\n\t\r", "  leading and trailing  ", "\t"})
    void whitespaceInAttributeValuesSurvivesARoundTrip(String value) {
        Parameter parameter = Parameter.builder().name("n").value(value).build();
        VoiceResponse response = VoiceResponse.builder().hangup(Hangup.builder().parameter(parameter).build()).build();

        String xml = TwimlWriter.write(response);

        assertThat(xml).doesNotContain("\n", "\r", "\t");
        VoiceResponse read = assertRoundTrip(response);
        assertThat(((Hangup) read.verbs().get(0)).parameters().get(0).value()).contains(value);
    }

    @Test
    void newlinesAndTabsInAttributesAreWrittenAsCharacterReferences() {
        Parameter parameter = Parameter.builder().name("n").value("a\nb\tc\rd").build();
        VoiceResponse response = VoiceResponse.builder().hangup(Hangup.builder().parameter(parameter).build()).build();

        assertThat(TwimlWriter.write(response)).contains("value=\"a&#10;b&#9;c&#13;d\"");
    }

    @Test
    void carriageReturnInTextSurvivesARoundTrip() {
        VoiceResponse response = VoiceResponse.builder().say(Say.builder("one\rtwo\r\nthree\nfour\tfive").build()).build();

        assertThat(TwimlWriter.write(response)).contains("one&#13;two&#13;\nthree\nfour\tfive");
        assertRoundTrip(response);
    }

    @Test
    void nonAsciiTextIsWrittenAsIs() {
        VoiceResponse response = VoiceResponse.builder()
            .say(Say.builder("Caf\u00E9 \u2615 \uD83D\uDE00 \u65E5\u672C").language("fr-FR").build()).build();

        assertThat(TwimlWriter.write(response)).contains("Caf\u00E9 \u2615 \uD83D\uDE00 \u65E5\u672C");
        assertRoundTrip(response);
    }

    @Test
    void emptyElementsAreSelfClosing() {
        VoiceResponse response = VoiceResponse.builder()
            .pause(Pause.builder().build())
            .pause(Pause.builder().length(2).build())
            .record(Record.builder().maxLength(30).build())
            .connect(Connect.builder().conversation(Conversation.builder().serviceInstanceSid(SID).build()).build())
            .reject(Reject.builder().reason(Reject.Reason.BUSY).build())
            .hangup(Hangup.builder().build())
            .build();

        assertThat(TwimlWriter.write(response)).isEqualTo(DECLARATION + "<Response>"
            + "<Pause/><Pause length=\"2\"/><Record maxLength=\"30\"/>"
            + "<Connect><Conversation serviceInstanceSid=\"" + SID + "\"/></Connect>"
            + "<Reject reason=\"busy\"/><Hangup/></Response>");
        assertRoundTrip(response);
    }

    @Test
    void emptyResponseIsSelfClosing() {
        VoiceResponse empty = VoiceResponse.builder().build();

        assertThat(TwimlWriter.write(empty)).isEqualTo(DECLARATION + "<Response/>");
        assertThat(TwimlWriter.writePretty(empty)).isEqualTo(DECLARATION + "\n<Response/>\n");
        assertRoundTrip(empty);
    }

    @Test
    void attributesAreWrittenInSchemaOrderWithoutDefaults() {
        ParseResult parsed = TwimlParser.strict().parse(
            "<Response><Gather bargeIn=\"false\" timeout=\"3\" method=\"get\" input=\"dtmf speech\"/></Response>");

        String xml = TwimlWriter.write(parsed.response().orElseThrow());

        assertThat(xml).contains("<Gather input=\"dtmf speech\" method=\"GET\" timeout=\"3\" bargeIn=\"false\"/>");
    }

    @Test
    void emptyFinishOnKeyIsWrittenAndReadBack() {
        VoiceResponse response = VoiceResponse.builder().gather(Gather.builder().finishOnKey("").build()).build();

        assertThat(TwimlWriter.write(response)).contains("<Gather finishOnKey=\"\"/>");
        VoiceResponse read = assertRoundTrip(response);
        assertThat(((Gather) read.verbs().get(0)).finishOnKey()).isEmpty();
    }

    @Test
    void bareDialNumberIsWrittenAsANumber() {
        VoiceResponse response = TwimlParser.strict().parse("<Response><Dial> +15551234567 </Dial></Response>").response().orElseThrow();

        assertThat(TwimlWriter.write(response)).isEqualTo(DECLARATION + "<Response><Dial><Number>+15551234567</Number></Dial></Response>");
        assertThat(response).isEqualTo(VoiceResponse.builder().dial(Dial.builder("+15551234567").build()).build());
    }

    @Test
    void writePrettyIndentsTwoSpacesPerLevel() {
        VoiceResponse response = VoiceResponse.builder()
            .gather(Gather.builder().numDigits(1).say(Say.builder("Press 1").build()).pause(Pause.builder().build()).build())
            .dial(Dial.builder().number(Number.builder("+15551234567").sendDigits("ww1").build())
                .client(Client.builder("alice").parameter(Parameter.builder().name("k").value("v").build()).build()).build())
            .hangup(Hangup.builder().build())
            .build();

        assertThat(TwimlWriter.writePretty(response)).isEqualTo("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Response>
              <Gather numDigits="1">
                <Say>Press 1</Say>
                <Pause/>
              </Gather>
              <Dial>
                <Number sendDigits="ww1">+15551234567</Number>
                <Client>alice
                  <Parameter name="k" value="v"/>
                </Client>
              </Dial>
              <Hangup/>
            </Response>
            """);
        assertThat(TwimlParser.strict().parse(TwimlWriter.writePretty(response)).response()).contains(response);
    }

    @Test
    void everyVerbAndNounRoundTrips() {
        String document = """
            <Response>
              <Say voice="Polly.Joanna" language="en-US" loop="2">Welcome &amp; hello</Say>
              <Play loop="0">https://example.com/a.mp3?x=1&amp;y=2</Play>
              <Play digits="ww1234#"/>
              <Gather input="speech dtmf" action="next" method="GET" timeout="7" speechTimeout="auto" numDigits="4"
                  finishOnKey="*" partialResultCallback="/partial" language="de-DE" hints="a, b" actionOnEmptyResult="true">
                <Say>Enter</Say><Play>/beep.wav</Play><Pause length="3"/>
              </Gather>
              <Record action="/rec" timeout="3" finishOnKey="#" maxLength="20" playBeep="false" trim="do-not-trim"
                  recordingStatusCallback="/rs" recordingStatusCallbackEvent="in-progress completed absent" transcribe="true"/>
              <Dial action="/dialed" timeout="20" callerId="+15550000000" record="record-from-answer-dual" answerOnBridge="true"
                  ringTone="uk" recordingTrack="inbound" sequential="true">
                <Number sendDigits="1" url="/whisper" statusCallbackEvent="initiated ringing answered completed"
                    statusCallback="/s" machineDetection="Enable">+15551234567</Number>
                <Client><Identity>bob</Identity><Parameter name="p" value="q"/></Client>
                <Sip username="u" password="p&quot;w">sip:alice@example.com;transport=tls</Sip>
              </Dial>
              <Connect action="/after" method="GET">
                <Conversation serviceInstanceSid="%s" inboundAutocreation="false" routingAssignmentTimeout="10"
                    record="true" statusCallbackEvent="call-answered call-completed"/>
              </Connect>
              <Redirect method="GET">../again?x=1&amp;y=2</Redirect>
              <Reject reason="busy"><Parameter name="why" value="closed"/></Reject>
              <Hangup><Parameter name="bye" value="now"/></Hangup>
            </Response>
            """.formatted(SID);
        ParseResult parsed = TwimlParser.strict().parse(document);
        assertThat(parsed.findings()).isEmpty();
        VoiceResponse response = parsed.response().orElseThrow();

        assertRoundTrip(response);
        assertThat(TwimlParser.strict().parse(TwimlWriter.writePretty(response)).response()).contains(response);
        // Writing is stable: the written document writes itself again.
        String once = TwimlWriter.write(response);
        assertThat(TwimlWriter.write(TwimlParser.strict().parse(once).response().orElseThrow())).isEqualTo(once);
    }

    @Test
    void listValuesAreJoinedWithSingleSpaces() {
        VoiceResponse response = VoiceResponse.builder().connect(Connect.builder().conversation(Conversation.builder()
                .serviceInstanceSid(SID)
                .recordingStatusCallbackEvents(List.of(Conversation.RecordingEvent.IN_PROGRESS, Conversation.RecordingEvent.ABSENT))
                .statusCallbackEvents(List.of(Conversation.Event.CALL_RINGING, Conversation.Event.CALL_COMPLETED))
                .build()).build())
            .build();

        assertThat(TwimlWriter.write(response)).contains(
            "recordingStatusCallbackEvent=\"in-progress absent\"", "statusCallbackEvent=\"call-ringing call-completed\"");
        assertRoundTrip(response);
    }

    /** Writes, parses strictly (no finding at all), and checks the same document comes back. */
    private static VoiceResponse assertRoundTrip(VoiceResponse response) {
        String xml = TwimlWriter.write(response);
        ParseResult read = TwimlParser.strict().parse(xml);
        assertThat(read.findings()).as("findings reading %s", xml).isEmpty();
        assertThat(read.response()).contains(response);
        return read.response().orElseThrow();
    }
}
