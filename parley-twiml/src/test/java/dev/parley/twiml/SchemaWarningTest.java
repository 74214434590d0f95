package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 12200 "Schema validation warning": TwiML that is well-formed but not what the schema allows. In
 * {@link Compliance#LENIENT} mode (Twilio's) each problem is a warning, the offending element or attribute is
 * skipped and the rest of the document runs; in {@link Compliance#STRICT} mode the same findings are errors and
 * the document does not run.
 */
class SchemaWarningTest {

    private static final String SID = "IS0123456789abcdef0123456789abcdef";

    // Unknown verbs

    @Test
    void unknownVerbIsSkipped() {
        VoiceResponse response = assertSchemaFindings("""
            <Response>
              <Sya>Hello</Sya>
              <Say>Bye</Say>
            </Response>
            """, "2:3");

        assertThat(response).isEqualTo(VoiceResponse.builder().say(Say.builder("Bye").build()).build());
    }

    @Test
    void verbInTheWrongCaseIsUnknown() {
        String document = "<Response><say>Hello</say><Hangup/></Response>";

        VoiceResponse response = assertSchemaFindings(document, "1:11");

        assertThat(response).isEqualTo(VoiceResponse.builder().hangup(Hangup.builder().build()).build());
        assertThat(TwimlParser.lenient().parse(document).findings().get(0).message()).contains("<say>", "case-sensitive");
    }

    @Test
    void unknownVerbWithChildrenIsSkippedWhole() {
        VoiceResponse response = assertSchemaFindings("""
            <Response>
              <Menu><Say>one</Say><Gather/></Menu>
              <Pause length="2"/>
            </Response>
            """, "2:3");

        assertThat(response).isEqualTo(VoiceResponse.builder().pause(Pause.builder().length(2).build()).build());
    }

    @Test
    void verbParleyDoesNotSupportYetIsSkippedWithItsOwnMessage() {
        String document = """
            <Response>
              <Say>Please hold</Say>
              <Enqueue waitUrl="/wait">support</Enqueue>
              <Hangup/>
            </Response>
            """;

        VoiceResponse response = assertSchemaFindings(document, "3:3");

        assertThat(response).isEqualTo(VoiceResponse.builder()
            .say(Say.builder("Please hold").build()).hangup(Hangup.builder().build()).build());
        assertThat(TwimlParser.lenient().parse(document).findings().get(0).message())
            .contains("<Enqueue>", "not supported by Parley");
    }

    @Test
    void ssmlInsideSayIsSkippedAndTheTextKept() {
        VoiceResponse response = assertSchemaFindings("<Response><Say>Hello<break time=\"1s\"/></Say></Response>", "1:21");

        assertThat(response).isEqualTo(VoiceResponse.builder().say(Say.builder("Hello").build()).build());
    }

    // Unknown attributes

    @Test
    void unknownAttributeIsSkippedAndTheElementKept() {
        VoiceResponse response = assertSchemaFindings("""
            <Response>
              <Gather actoin="/next" numDigits="1"><Say>Hi</Say></Gather>
            </Response>
            """, "2:11");

        Gather expected = Gather.builder().numDigits(1).say(Say.builder("Hi").build()).build();
        assertThat(response).isEqualTo(VoiceResponse.builder().gather(expected).build());
        assertThat(((Gather) response.verbs().get(0)).action()).isEmpty();
    }

    @Test
    void attributeInTheWrongCaseIsUnknown() {
        VoiceResponse response = assertSchemaFindings(
            "<Response><Say Voice=\"alice\" loop=\"2\">Hi</Say></Response>", "1:16");

        Say say = (Say) response.verbs().get(0);
        assertThat(say.voice()).isEmpty();
        assertThat(say.loop()).isEqualTo(2);
    }

    @Test
    void attributeOnResponseIsUnknown() {
        VoiceResponse response = assertSchemaFindings("<Response foo=\"bar\"><Hangup/></Response>", "1:11");

        assertThat(response.verbs()).containsExactly(Hangup.builder().build());
    }

    @Test
    void attributeOnAnElementThatTakesNoneIsUnknown() {
        VoiceResponse response = assertSchemaFindings("<Response><Hangup reason=\"busy\"/></Response>", "1:19");

        assertThat(response.verbs()).containsExactly(Hangup.builder().build());
    }

    @Test
    void namespaceDeclarationsAreNotAttributes() {
        String document = "<Response xmlns=\"http://www.twilio.com/twiml\" xmlns:x=\"urn:x\"><Hangup/></Response>";

        for (Compliance compliance : Compliance.values()) {
            ParseResult result = TwimlParser.of(compliance).parse(document);
            assertThat(result.findings()).isEmpty();
            assertThat(result.runnable()).isTrue();
        }
    }

    // Nesting

    @Test
    void gatherInsideGatherIsSkipped() {
        VoiceResponse response = assertSchemaFindings("""
            <Response>
              <Gather numDigits="1">
                <Gather><Say>inner</Say></Gather>
                <Say>outer</Say>
              </Gather>
              <Hangup/>
            </Response>
            """, "3:5");

        assertThat(response).isEqualTo(VoiceResponse.builder()
            .gather(Gather.builder().numDigits(1).say(Say.builder("outer").build()).build())
            .hangup(Hangup.builder().build()).build());
        assertThat(TwimlParser.lenient().parse("<Response><Gather><Gather/></Gather></Response>").findings().get(0).message())
            .contains("<Gather> is not allowed in <Gather>");
    }

    @Test
    void dialInsideGatherIsSkipped() {
        VoiceResponse response = assertSchemaFindings("""
            <Response>
              <Gather action="/menu">
                <Dial>+15551234567</Dial>
                <Play>https://example.com/menu.mp3</Play>
              </Gather>
            </Response>
            """, "3:5");

        assertThat(response).isEqualTo(VoiceResponse.builder()
            .gather(Gather.builder().action("/menu").play(Play.builder("https://example.com/menu.mp3").build()).build())
            .build());
    }

    @Test
    void conversationDirectlyInResponseIsSkipped() {
        VoiceResponse response = assertSchemaFindings("""
            <Response>
              <Conversation serviceInstanceSid="%s"/>
              <Say>after</Say>
            </Response>
            """.formatted(SID), "2:3");

        assertThat(response).isEqualTo(VoiceResponse.builder().say(Say.builder("after").build()).build());
    }

    @Test
    void numberDirectlyInResponseIsSkipped() {
        VoiceResponse response = assertSchemaFindings("""
            <Response>
              <Number>+15551234567</Number>
              <Say>after</Say>
            </Response>
            """, "2:3");

        assertThat(response).isEqualTo(VoiceResponse.builder().say(Say.builder("after").build()).build());
    }

    @Test
    void secondNounInConnectIsSkipped() {
        VoiceResponse response = assertSchemaFindings("""
            <Response>
              <Connect>
                <Conversation serviceInstanceSid="%s"/>
                <Conversation serviceInstanceSid="%s" inboundTimeout="5"/>
              </Connect>
            </Response>
            """.formatted(SID, SID), "4:5");

        Connect connect = (Connect) response.verbs().get(0);
        assertThat(connect.conversation().inboundTimeout()).isEqualTo(60);
    }

    @Test
    void connectWithoutConversationIsSkipped() {
        VoiceResponse response = assertSchemaFindings("<Response><Connect/><Hangup/></Response>", "1:11");

        assertThat(response.verbs()).containsExactly(Hangup.builder().build());
    }

    @Test
    void dialWithoutTargetIsSkipped() {
        VoiceResponse response = assertSchemaFindings("<Response><Dial timeout=\"10\"/><Hangup/></Response>", "1:11");

        assertThat(response.verbs()).containsExactly(Hangup.builder().build());
    }

    @Test
    void dialWhoseOnlyNounIsUnsupportedIsSkippedToo() {
        VoiceResponse response = assertSchemaFindings(
            "<Response>\n<Dial>\n<Queue>support</Queue>\n</Dial>\n<Hangup/>\n</Response>", "3:1", "2:1");

        assertThat(response.verbs()).containsExactly(Hangup.builder().build());
    }

    @Test
    void emptyNumberIsSkippedAndTheOtherNounsDialled() {
        VoiceResponse response = assertSchemaFindings(
            "<Response><Dial><Number> </Number><Number>+15551234567</Number></Dial></Response>", "1:17");

        assertThat(response).isEqualTo(VoiceResponse.builder()
            .dial(Dial.builder().number(Number.builder("+15551234567").build()).build()).build());
    }

    @Test
    void clientWithoutIdentityIsSkipped() {
        VoiceResponse response = assertSchemaFindings(
            "<Response><Dial><Client/><Client><Identity>alice</Identity></Client></Dial></Response>", "1:17");

        Dial dial = (Dial) response.verbs().get(0);
        assertThat(dial.targets()).extracting(DialTarget::address).containsExactly("client:alice");
    }

    @Test
    void redirectWithoutUrlIsSkipped() {
        VoiceResponse response = assertSchemaFindings("<Response><Redirect method=\"GET\"></Redirect><Hangup/></Response>", "1:11");

        assertThat(response.verbs()).containsExactly(Hangup.builder().build());
    }

    @Test
    void playWithoutUrlOrDigitsIsSkipped() {
        VoiceResponse response = assertSchemaFindings("<Response><Play loop=\"2\"/><Hangup/></Response>", "1:11");

        assertThat(response.verbs()).containsExactly(Hangup.builder().build());
    }

    // Text where none is allowed

    @Test
    void textInResponseIsSkipped() {
        VoiceResponse response = assertSchemaFindings("""
            <Response>
              Hello
              <Hangup/>
            </Response>
            """, "2:3");

        assertThat(response.verbs()).containsExactly(Hangup.builder().build());
    }

    @Test
    void textInPauseIsSkippedAndThePauseKept() {
        VoiceResponse response = assertSchemaFindings("<Response><Pause length=\"3\">  wait</Pause></Response>", "1:31");

        assertThat(response.verbs()).containsExactly(Pause.builder().length(3).build());
    }

    @Test
    void textInGatherIsSkippedAndThePromptsKept() {
        VoiceResponse response = assertSchemaFindings(
            "<Response><Gather>Press 1<Say>Hi</Say></Gather></Response>", "1:19");

        assertThat(response.verbs()).containsExactly(Gather.builder().say(Say.builder("Hi").build()).build());
    }

    @Test
    void cdataTextInResponseIsSkipped() {
        VoiceResponse response = assertSchemaFindings("<Response><![CDATA[hi]]><Hangup/></Response>", "1:11");

        assertThat(response.verbs()).containsExactly(Hangup.builder().build());
    }

    @Test
    void whitespaceAndCommentsAreNotText() {
        String document = "<Response>\n\t <!-- c --> \r\n<Hangup> <?pi x?> </Hangup><![CDATA[  ]]></Response>";

        for (Compliance compliance : Compliance.values()) {
            assertThat(TwimlParser.of(compliance).parse(document).findings()).isEmpty();
        }
    }

    // Values outside the allowed ones, on elements other than <Conversation>

    @ParameterizedTest(name = "<{0} {1}=\"{2}\">")
    @CsvSource(delimiter = '|', textBlock = """
        Pause    | length                | two
        Pause    | length                | 1.5
        Pause    | length                | -1
        Pause    | length                | 10000000000
        Pause    | length                | ''
        Say      | loop                  | once
        Gather   | timeout               | 5s
        Gather   | numDigits             | +1
        Gather   | method                | PUT
        Gather   | input                 | dtmf voice
        Gather   | finishOnKey           | ##
        Gather   | profanityFilter       | yes
        Gather   | speechTimeout         | soon
        Record   | trim                  | trim
        Record   | recordingStatusCallbackEvent | completed failed
        Record   | playBeep              | 1
        Dial     | record                | record-from-start
        Dial     | timeLimit             | 4h
        Dial     | ringTone              | zz
        Redirect | method                | PATCH
        Reject   | reason                | maybe
        """)
    void unusableValueIsSkippedAndTheDefaultApplies(String element, String attribute, String value) {
        String document = switch (element) {
            case "Say" -> "<Response><Say %s=\"%s\">Hi</Say></Response>";
            case "Redirect" -> "<Response><Redirect %s=\"%s\">/next</Redirect></Response>";
            case "Dial" -> "<Response><Dial %s=\"%s\">+15551234567</Dial></Response>";
            default -> "<Response><" + element + " %s=\"%s\"/></Response>";
        };
        document = document.formatted(attribute, value);
        int column = "<Response><".length() + element.length() + 2;

        VoiceResponse response = assertSchemaFindings(document, "1:" + column);

        Verb verb = response.verbs().get(0);
        assertThat(verb.name()).isEqualTo(element);
        assertThat(verb.attributes().has(attribute)).isFalse();
        String message = TwimlParser.lenient().parse(document).findings().get(0).message();
        assertThat(message).contains(attribute, "'" + value + "'");
    }

    @Test
    void defaultAppliesWhereTheValueWasUnusable() {
        VoiceResponse response = assertSchemaFindings("""
            <Response>
              <Gather timeout="soon" numDigits="x" method="PUT" finishOnKey="*"/>
              <Record maxLength="-5"/>
              <Dial timeout="abc">+15551234567</Dial>
            </Response>
            """, "2:11", "2:26", "2:40", "3:11", "4:9");

        Gather gather = (Gather) response.verbs().get(0);
        assertThat(gather.timeout()).isEqualTo(5);
        assertThat(gather.numDigits()).isEmpty();
        assertThat(gather.method()).isEqualTo(HttpMethod.POST);
        assertThat(gather.finishOnKey()).isEqualTo("*");
        assertThat(((Record) response.verbs().get(1)).maxLength()).isEqualTo(3600);
        assertThat(((Dial) response.verbs().get(2)).timeout()).isEqualTo(30);
    }

    @Test
    void playWhoseOnlyDigitsAreUnusableIsSkipped() {
        VoiceResponse response = assertSchemaFindings("<Response><Play digits=\"12a\"/><Hangup/></Response>", "1:17", "1:11");

        assertThat(response.verbs()).containsExactly(Hangup.builder().build());
    }

    // Many problems in one document: every one is reported, in document order.

    @Test
    void everyProblemIsReportedInDocumentOrder() {
        String document = """
            <Response bogus="1">
              <Sya>Hi</Sya>
              <Gather timeout="x"><Dial>+1</Dial><Say>menu</Say></Gather>
              stray
              <Enqueue>q</Enqueue>
              <Hangup/>
            </Response>
            """;

        VoiceResponse response = assertSchemaFindings(document, "1:11", "2:3", "3:11", "3:23", "4:3", "5:3");

        assertThat(response.verbs()).extracting(Verb::name).containsExactly("Gather", "Hangup");
    }

    @Test
    void schemaFindingPrintsAsAWarningOnlyWhenLenient() {
        String document = "<Response>\n  <Sya/>\n</Response>";

        assertThat(TwimlParser.lenient().parse(document).findings().get(0).toString()).startsWith("2:3 12200 warning: ");
        assertThat(TwimlParser.strict().parse(document).findings().get(0).toString()).startsWith("2:3 12200 ")
            .doesNotContain("warning");
    }

    @Test
    void cleanDocumentHasNoFindingsInEitherMode() {
        String document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response>
              <Gather input="dtmf speech" action="/menu" numDigits="1" timeout="3">
                <Say voice="alice" loop="2">Press 1</Say>
                <Play>/audio/menu.mp3</Play>
                <Pause/>
              </Gather>
              <Dial action="/after" record="true"><Number sendDigits="ww1">+15551234567</Number><Client>alice</Client></Dial>
              <Connect action="/done"><Conversation serviceInstanceSid="%s"/></Connect>
              <Record maxLength="30"/>
              <Redirect method="GET">/again</Redirect>
              <Reject reason="busy"/>
              <Hangup/>
            </Response>
            """.formatted(SID);

        for (Compliance compliance : Compliance.values()) {
            ParseResult result = TwimlParser.of(compliance).parse(document);
            assertThat(result.findings()).isEmpty();
            assertThat(result.runnable()).isTrue();
            assertThat(result.response()).get().extracting(r -> r.verbs().size()).isEqualTo(7);
        }
    }

    /**
     * Parses in both modes and checks that both find the same 12200 problems at the given positions: warnings
     * that leave the document runnable when lenient, errors that stop it when strict. Returns the lenient model.
     */
    private static VoiceResponse assertSchemaFindings(String document, String... positions) {
        ParseResult lenient = TwimlParser.lenient().parse(document);
        ParseResult strict = TwimlParser.strict().parse(document);

        assertThat(positionsOf(lenient)).as("lenient findings %s", lenient.findings()).containsExactly(positions);
        assertThat(lenient.findings()).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(12200);
            assertThat(f.error()).isEqualTo(TwimlError.SCHEMA_VALIDATION);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(lenient.runnable()).as("lenient runnable").isTrue();
        assertThat(lenient.firstError()).isEmpty();
        assertThat(lenient.warnings()).hasSize(positions.length);

        assertThat(strict.findings()).hasSize(lenient.findings().size());
        for (int i = 0; i < positions.length; i++) {
            Finding l = lenient.findings().get(i);
            Finding s = strict.findings().get(i);
            assertThat(s).isEqualTo(new Finding(l.error(), Severity.ERROR, l.message(), l.line(), l.column()));
        }
        assertThat(strict.runnable()).as("strict runnable").isFalse();
        assertThat(strict.firstError()).contains(strict.findings().get(0));
        assertThat(strict.warnings()).isEmpty();
        assertThat(strict.response()).isEqualTo(lenient.response());

        return lenient.response().orElseThrow();
    }

    private static List<String> positionsOf(ParseResult result) {
        List<String> positions = new ArrayList<>();
        for (Finding f : result.findings()) positions.add(f.line() + ":" + f.column());
        return positions;
    }
}
