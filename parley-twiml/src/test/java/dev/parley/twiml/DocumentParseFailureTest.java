package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 12100 "Document parse failure": a body that is not well-formed XML, has no {@code <Response>} root, or has
 * anything but white space, comments and processing instructions around the root. Always an error, in both
 * compliance modes, and there is no document to run.
 */
class DocumentParseFailureTest {

    /** Each case: a name, the document, and the line and column of the problem. */
    static Stream<Arguments> notWellFormed() {
        return Stream.of(
            // Tags
            Arguments.of("unclosed root at the end", "<Response><Say>Hi</Say>", 1, 24),
            Arguments.of("unclosed start tag", "<Response><Say", 1, 11),
            Arguments.of("unclosed end tag", "<Response></Response", 1, 11),
            Arguments.of("mismatched end tag", "<Response><Say>Hi</Play></Response>", 1, 18),
            Arguments.of("end tag that closes nothing", "</Response>", 1, 1),
            Arguments.of("'/' not followed by '>'", "<Response/ >", 1, 10),
            Arguments.of("name starting with a digit", "<Response><1a/></Response>", 1, 12),
            // Attributes
            Arguments.of("unquoted attribute", "<Response><Say loop=2>Hi</Say></Response>", 1, 21),
            Arguments.of("attribute without value", "<Response><Say loop>Hi</Say></Response>", 1, 20),
            Arguments.of("duplicate attribute", "<Response><Say loop=\"1\" loop=\"2\">Hi</Say></Response>", 1, 25),
            Arguments.of("attributes not separated", "<Response><Say loop=\"1\"voice=\"a\">Hi</Say></Response>", 1, 24),
            Arguments.of("'<' in attribute value", "<Response><Say voice=\"a<b\">Hi</Say></Response>", 1, 24),
            Arguments.of("attribute value not closed", "<Response><Say voice=\"abc", 1, 22),
            Arguments.of("bare '&' in attribute value",
                "<Response><Gather action=\"/next?a=1&b=2\"/></Response>", 1, 36),
            // References
            Arguments.of("bare '&' in text", "<Response><Say>Tom & Jerry</Say></Response>", 1, 20),
            Arguments.of("unescaped '&' in a query string", "<Response><Play>http://x/a.mp3?a=1&b=2</Play></Response>", 1, 35),
            Arguments.of("undefined entity &nbsp;", "<Response><Say>&nbsp;</Say></Response>", 1, 16),
            Arguments.of("undefined entity in attribute", "<Response><Say voice=\"&copy;\">Hi</Say></Response>", 1, 23),
            Arguments.of("character reference to NUL", "<Response><Say>&#0;</Say></Response>", 1, 16),
            Arguments.of("character reference to a control character", "<Response><Say>&#x1;</Say></Response>", 1, 16),
            Arguments.of("character reference to a surrogate", "<Response><Say>&#xD800;</Say></Response>", 1, 16),
            Arguments.of("character reference to U+FFFE", "<Response><Say>&#xFFFE;</Say></Response>", 1, 16),
            Arguments.of("character reference beyond U+10FFFF", "<Response><Say>&#x110000;</Say></Response>", 1, 16),
            Arguments.of("character reference with non-hex digits", "<Response><Say>&#xZZ;</Say></Response>", 1, 16),
            Arguments.of("character reference without digits", "<Response><Say>&#;</Say></Response>", 1, 16),
            Arguments.of("hex character reference without digits", "<Response><Say>&#x;</Say></Response>", 1, 16),
            Arguments.of("character reference with capital X", "<Response><Say>&#X41;</Say></Response>", 1, 16),
            Arguments.of("character reference with a sign", "<Response><Say>&#+65;</Say></Response>", 1, 16),
            Arguments.of("hex character reference with a sign", "<Response><Say>&#x+41;</Say></Response>", 1, 16),
            Arguments.of("character reference with Arabic-Indic digits", "<Response><Say>&#\u0666\u0665;</Say></Response>", 1, 16),
            Arguments.of("character reference too large for an int", "<Response><Say>&#9999999999;</Say></Response>", 1, 16),
            Arguments.of("negative character reference", "<Response><Say>&#-65;</Say></Response>", 1, 16),
            Arguments.of("character reference without ';'", "<Response><Say>&#65</Say></Response>", 1, 16),
            // Characters
            Arguments.of("control character in text", "<Response><Say>a\u0001b</Say></Response>", 1, 17),
            Arguments.of("NUL in text", "<Response><Say>a\u0000</Say></Response>", 1, 17),
            Arguments.of("control character in attribute", "<Response><Say voice=\"a\u0007\">Hi</Say></Response>", 1, 24),
            Arguments.of("control character in a comment", "<Response><!-- \u001B --></Response>", 1, 16),
            Arguments.of("control character before the root", "\u0000<Response/>", 1, 1),
            Arguments.of("U+FFFF in text", "<Response><Say>\uFFFF</Say></Response>", 1, 16),
            Arguments.of("']]>' in text", "<Response><Say>a]]>b</Say></Response>", 1, 17),
            // Comments, CDATA, processing instructions, declarations
            Arguments.of("comment with '--'", "<Response><!-- a -- b --></Response>", 1, 18),
            Arguments.of("comment ending in '--->'", "<Response><!-- a ---></Response>", 1, 18),
            Arguments.of("unclosed comment", "<Response><!-- a </Response>", 1, 11),
            Arguments.of("unclosed CDATA", "<Response><Say><![CDATA[a</Say></Response>", 1, 16),
            Arguments.of("CDATA outside the root", "<![CDATA[x]]><Response/>", 1, 1),
            Arguments.of("unclosed processing instruction", "<?pi <Response/>", 1, 1),
            Arguments.of("processing instruction without target", "<? x?><Response/>", 1, 3),
            Arguments.of("'<!' that is neither comment nor CDATA", "<Response><!ELEMENT x></Response>", 1, 11),
            Arguments.of("XML declaration without version", "<?xml encoding=\"UTF-8\"?><Response/>", 1, 1),
            Arguments.of("XML declaration not closed", "<?xml version=\"1.0\" <Response/>", 1, 1),
            Arguments.of("XML declaration inside the root", "<Response><?xml version=\"1.0\"?></Response>", 1, 11),
            Arguments.of("XML declaration in upper case after a comment", "<!-- c --><?XML version=\"1.0\"?><Response/>", 1, 11),
            // Root
            Arguments.of("two roots", "<Response/><Response/>", 1, 12),
            Arguments.of("two roots with a comment between", "<Response></Response><!-- x --><Response/>", 1, 32),
            Arguments.of("text after the root", "<Response/>hello", 1, 12),
            Arguments.of("text after the root after white space", "<Response/>  hello", 1, 14),
            Arguments.of("text before the root", "hello<Response/>", 1, 1),
            Arguments.of("text before the root after white space", "  hello<Response/>", 1, 3),
            Arguments.of("white space before the XML declaration", " <?xml version=\"1.0\"?><Response/>", 1, 2),
            Arguments.of("empty document", "", 1, 1),
            Arguments.of("only a comment", "<!-- nothing -->", 1, 17),
            Arguments.of("only an XML declaration", "<?xml version=\"1.0\"?>", 1, 22)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notWellFormed")
    void notWellFormedIs12100AtTheProblem(String name, String document, int line, int column) {
        for (Compliance compliance : Compliance.values()) {
            ParseResult result = TwimlParser.of(compliance).parse(document);

            assertParseFailure(result, line, column);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notWellFormed")
    void notWellFormedIs12100AsBytesToo(String name, String document, int line, int column) {
        ParseResult result = TwimlParser.lenient().parse(document.getBytes(StandardCharsets.UTF_8));

        assertParseFailure(result, line, column);
    }

    static Stream<Arguments> wrongRoot() {
        return Stream.of(
            Arguments.of("misspelled root", "<Reponse><Say>Hi</Say></Reponse>", 1, 1),
            Arguments.of("lower-case root", "<response><Say>Hi</Say></response>", 1, 1),
            Arguments.of("a verb as the root", "<Say>Hi</Say>", 1, 1),
            Arguments.of("root after a declaration", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Foo/>", 2, 1),
            Arguments.of("TwiML for messaging", "<?xml version=\"1.0\"?>\n\n  <MessagingResponse/>", 3, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongRoot")
    void rootThatIsNotResponseIs12100(String name, String document, int line, int column) {
        for (Compliance compliance : Compliance.values()) {
            ParseResult result = TwimlParser.of(compliance).parse(document);

            assertParseFailure(result, line, column);
            assertThat(result.findings().get(0).message()).contains("<Response>");
        }
    }

    @Test
    void wrongRootInABrokenDocumentReportsTheBreakageToo() {
        ParseResult result = TwimlParser.lenient().parse("<Foo>\n  <Bar>\n</Foo>");

        assertThat(result.response()).isEmpty();
        assertThat(result.findings()).extracting(Finding::code).containsExactly(12100, 12100);
        assertThat(result.findings()).extracting(Finding::line, Finding::column)
            .containsExactly(tuple(1, 1), tuple(3, 1));
    }

    @Test
    void whitespaceOnlyDocumentHasNoRoot() {
        ParseResult result = TwimlParser.lenient().parse("  \n\t ");

        assertParseFailure(result, 2, 3);
        assertThat(result.findings().get(0).message()).contains("no root");
    }

    @Test
    void emptyBodyHasNoRoot() {
        ParseResult result = TwimlParser.lenient().parse(new byte[0]);

        assertParseFailure(result, 1, 1);
    }

    // Multi-line documents: the line and column point at the problem, not at the start of the document.

    @Test
    void mismatchedTagOnLineFour() {
        String document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response>
              <Gather action="/next">
                <Say>Press 1</Gather>
              </Gather>
            </Response>
            """;

        ParseResult result = TwimlParser.lenient().parse(document);

        assertParseFailure(result, 4, 17);
        assertThat(result.findings().get(0).message()).contains("</Gather>", "<Say>");
    }

    @Test
    void bareAmpersandInAUrlOnLineThree() {
        String document = """
            <Response>
              <Say>Hello</Say>
              <Play>https://example.com/a.mp3?x=1&y=2</Play>
            </Response>
            """;

        assertParseFailure(TwimlParser.lenient().parse(document), 3, 38);
    }

    @Test
    void documentThatEndsTooEarlyPointsAtTheEnd() {
        String document = "<Response>\n  <Say>Hi</Say>\n";

        ParseResult result = TwimlParser.lenient().parse(document);

        assertParseFailure(result, 3, 1);
        assertThat(result.findings().get(0).message()).contains("</Response>");
    }

    @Test
    void duplicateAttributeWithCrLfLineEndings() {
        String document = "<Response>\r\n  <Pause length=\"1\" length=\"2\"/>\r\n</Response>\r\n";

        assertParseFailure(TwimlParser.lenient().parse(document), 2, 21);
    }

    @Test
    void secondRootOnLineThree() {
        assertParseFailure(TwimlParser.lenient().parse("<Response>\n</Response>\n<Response/>\n"), 3, 1);
    }

    @Test
    void textAfterTheRootOnALaterLine() {
        assertParseFailure(TwimlParser.lenient().parse("<Response>\n</Response>\n\n   trailing"), 4, 4);
    }

    @Test
    void textBeforeTheRootOnALaterLine() {
        assertParseFailure(TwimlParser.lenient().parse("\n\n  oops\n<Response/>"), 3, 3);
    }

    @Test
    void doubleHyphenInACommentOnLineThree() {
        String document = """
            <Response>
              <Say>Hi</Say>
              <!-- step -- two -->
            </Response>
            """;

        assertParseFailure(TwimlParser.lenient().parse(document), 3, 13);
    }

    @Test
    void undefinedEntityInAnAttributeOnLineTwo() {
        String document = "<Response>\n\t<Say voice=\"Polly.L&eacute;a\">Bonjour</Say>\n</Response>";

        assertParseFailure(TwimlParser.lenient().parse(document), 2, 21);
    }

    @Test
    void whitespaceBeforeTheXmlDeclarationOnLineTwo() {
        String document = "\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response/>";

        assertParseFailure(TwimlParser.lenient().parse(document), 2, 1);
    }

    @Test
    void controlCharacterOnLineTwoAfterTab() {
        assertParseFailure(TwimlParser.lenient().parse("<Response>\n\t<Say>\u0008</Say>\n</Response>"), 2, 7);
    }

    @Test
    void warningsFoundBeforeTheBreakageAreKept() {
        // A schema warning found before the document breaks stays in the findings, in document order.
        ParseResult result = TwimlParser.lenient().parse("<Response>\n<Sya>Hi</Sya>\n<Say>Hi</Play>");

        assertThat(result.response()).isEmpty();
        assertThat(result.runnable()).isFalse();
        assertThat(result.findings()).extracting(Finding::code, Finding::severity, Finding::line)
            .containsExactly(tuple(12200, Severity.WARNING, 2),
                tuple(12100, Severity.ERROR, 3));
        assertThat(result.firstError()).get().extracting(Finding::code).isEqualTo(12100);
    }

    @ParameterizedTest
    @EnumSource(Compliance.class)
    void findingPrintsAsValidateDoes(Compliance compliance) {
        Finding finding = TwimlParser.of(compliance).parse("<Response>\n<Say>Hi</Play>").findings().get(0);

        assertThat(finding.error()).isEqualTo(TwimlError.DOCUMENT_PARSE_FAILURE);
        assertThat(finding.toString()).startsWith("2:8 12100 ").doesNotContain("warning");
    }

    static void assertParseFailure(ParseResult result, int line, int column) {
        assertThat(result.response()).as("response").isEmpty();
        assertThat(result.runnable()).as("runnable").isFalse();
        assertThat(result.findings()).as("findings").hasSize(1);
        Finding finding = result.findings().get(0);
        assertThat(finding.code()).as("code of %s", finding).isEqualTo(12100);
        assertThat(finding.severity()).as("severity of %s", finding).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).isNotBlank();
        assertThat(finding.line() + ":" + finding.column()).as("position of %s", finding).isEqualTo(line + ":" + column);
        assertThat(result.firstError()).contains(finding);
    }
}
