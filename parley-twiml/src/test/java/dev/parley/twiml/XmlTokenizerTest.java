package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.twiml.XmlTokenizer.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link XmlTokenizer}: the XML TwiML is written in, token by token: CDATA, comments, processing instructions,
 * a byte-order mark, the XML declaration, references, attribute normalisation, and line/column positions with
 * every kind of line ending.
 */
class XmlTokenizerTest {

    @Test
    void declarationBomCommentsAndProcessingInstructionsAreSkipped() throws XmlSyntaxException {
        String document = "\uFEFF<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?>\n"
            + "<!-- before -->\n<?xml-stylesheet href=\"s.xsl\" type=\"text/xsl\"?>\n"
            + "<Response a='1' b=\"2\"><Say><![CDATA[a < b & c]]></Say><!-- x --><?pi data > more?></Response>\n"
            + "<!-- after -->\n<?after?>\n";

        assertThat(tokens(document)).containsExactly(
            "START Response a=1 b=2", "START Say", "TEXT a < b & c", "END Say", "END Response", "EOF");
    }

    @Test
    void cdataKeepsMarkupAndReferencesAsText() throws XmlSyntaxException {
        assertThat(tokens("<Say><![CDATA[<Play>&amp;]]]]><![CDATA[>]]></Say>"))
            .containsExactly("START Say", "TEXT <Play>&amp;]]", "TEXT >", "END Say", "EOF");
    }

    @Test
    void blankCdataIsWhitespace() throws XmlSyntaxException {
        XmlTokenizer xml = new XmlTokenizer("<a><![CDATA[ \n\t]]><![CDATA[x]]><![CDATA[]]></a>", 32);

        assertThat(xml.next()).isEqualTo(Token.START);
        assertThat(xml.next()).isEqualTo(Token.TEXT);
        assertThat(xml.isWhitespace()).isTrue();
        assertThat(xml.next()).isEqualTo(Token.TEXT);
        assertThat(xml.isWhitespace()).isFalse();
        assertThat(xml.text()).isEqualTo("x");
        assertThat(xml.next()).isEqualTo(Token.TEXT);
        assertThat(xml.text()).isEmpty();
        assertThat(xml.isWhitespace()).isTrue();
        assertThat(xml.next()).isEqualTo(Token.END);
    }

    @Test
    void commentsSplitTextButTheParserJoinsIt() throws XmlSyntaxException {
        String document = "<Response><Say>Hello, <!-- name -->world<?pi?>!</Say></Response>";

        assertThat(tokens(document)).containsExactly(
            "START Response", "START Say", "TEXT Hello, ", "TEXT world", "TEXT !", "END Say", "END Response", "EOF");
        Say say = (Say) TwimlParser.strict().parse(document).response().orElseThrow().verbs().get(0);
        assertThat(say.text()).isEqualTo("Hello, world!");
    }

    @Test
    void cdataAndTextAreJoined() {
        ParseResult result = TwimlParser.strict().parse("<Response><Say>Tom <![CDATA[& Jerry <3]]> &amp; co</Say></Response>");

        assertThat(((Say) result.response().orElseThrow().verbs().get(0)).text()).isEqualTo("Tom & Jerry <3 & co");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!---->", "<!-- - -->", "<!-- <Say>not a verb</Say> -->", "<!--\n\n-->", "<!-- & < > ]]> -->"})
    void commentsOfEveryShapeAreSkipped(String comment) throws XmlSyntaxException {
        assertThat(tokens(comment + "<a>" + comment + "</a>" + comment)).containsExactly("START a", "END a", "EOF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<?pi?>", "<?pi data?>", "<?pi a > b ? c?>", "<?xml-stylesheet href=\"x\"?>", "<?xmlfoo?>"})
    void processingInstructionsAreSkipped(String pi) throws XmlSyntaxException {
        assertThat(tokens(pi + "<a>" + pi + "</a>" + pi)).containsExactly("START a", "END a", "EOF");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"1.0\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version='1.0' encoding='utf-8'?>",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"no\"?>",
        "<?xml\tversion=\"1.0\"\n?>",
        "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "\uFEFF"})
    void declarationsAndByteOrderMarkAreAccepted(String prolog) {
        ParseResult result = TwimlParser.strict().parse(prolog + "\n<Response><Hangup/></Response>");

        assertThat(result.findings()).isEmpty();
        assertThat(result.response().orElseThrow().verbs()).containsExactly(Hangup.builder().build());
    }

    @Test
    void byteOrderMarkInBytes() {
        byte[] document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Gr\u00FC\u00DF Gott</Say></Response>"
            .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[document.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(document, 0, body, 3, document.length);

        ParseResult result = TwimlParser.strict().parse(body);

        assertThat(result.findings()).isEmpty();
        assertThat(((Say) result.response().orElseThrow().verbs().get(0)).text()).isEqualTo("Gr\u00FC\u00DF Gott");
    }

    @Test
    void byteOrderMarkAnywhereButFirstIsContent() {
        assertThat(TwimlParser.lenient().parse(" \uFEFF<Response/>").findings()).extracting(Finding::code).containsExactly(12100);
        assertThat(TwimlParser.lenient().parse("\uFEFF\uFEFF<Response/>").findings()).extracting(Finding::code).containsExactly(12100);
    }

    @Test
    void referencesAreDecodedInText() throws XmlSyntaxException {
        assertThat(tokens("<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;&#0065;</a>"))
            .containsExactly("START a", "TEXT <>&'\"AB\uD83D\uDE00A", "END a", "EOF");
    }

    @Test
    void attributeValuesAreNormalisedButCharacterReferencesKept() throws XmlSyntaxException {
        XmlTokenizer xml = new XmlTokenizer("<a x=\"1\t2\n3\r\n4\r5\" y='&#9;&#10;&#13;' z = \"&quot;'\" w='\"'/>", 32);

        assertThat(xml.next()).isEqualTo(Token.START);
        assertThat(xml.attributeCount()).isEqualTo(4);
        assertThat(xml.attributeValue(0)).isEqualTo("1 2 3 4 5");
        assertThat(xml.attributeValue(1)).isEqualTo("\t\n\r");
        assertThat(xml.attributeName(2)).isEqualTo("z");
        assertThat(xml.attributeValue(2)).isEqualTo("\"'");
        assertThat(xml.attributeValue(3)).isEqualTo("\"");
        assertThat(xml.attributeOffset(0)).isEqualTo(3);
        assertThat(xml.next()).isEqualTo(Token.END);
        assertThat(xml.name()).isEqualTo("a");
        assertThat(xml.next()).isEqualTo(Token.EOF);
    }

    @Test
    void namesMayHoldColonsDotsHyphensDigitsAndLetters() throws XmlSyntaxException {
        assertThat(tokens("<x:y-z.1_ \u00E9t\u00E9=\"v\"></x:y-z.1_  >"))
            .containsExactly("START x:y-z.1_ \u00E9t\u00E9=v", "END x:y-z.1_", "EOF");
    }

    @Test
    void selfClosingElementIsAStartAndAnEnd() throws XmlSyntaxException {
        XmlTokenizer xml = new XmlTokenizer("<a><b/><c /></a>", 32);

        assertThat(xml.next()).isEqualTo(Token.START);
        assertThat(xml.next()).isEqualTo(Token.START);
        assertThat(xml.name()).isEqualTo("b");
        assertThat(xml.depth()).isEqualTo(2);
        assertThat(xml.next()).isEqualTo(Token.END);
        assertThat(xml.name()).isEqualTo("b");
        assertThat(xml.depth()).isEqualTo(1);
        assertThat(tokens("<a><b/><c /></a>")).containsExactly("START a", "START b", "END b", "START c", "END c", "END a", "EOF");
    }

    @Test
    void skipElementSkipsToTheMatchingEnd() throws XmlSyntaxException {
        XmlTokenizer xml = new XmlTokenizer("<a><b><b/><c>t</c></b><d/></a>", 32);
        xml.next(); // <a>
        xml.next(); // <b>

        xml.skipElement();

        assertThat(xml.next()).isEqualTo(Token.START);
        assertThat(xml.name()).isEqualTo("d");
    }

    @Test
    void tokenOffsetsPointAtTheMarkup() throws XmlSyntaxException {
        XmlTokenizer xml = new XmlTokenizer("<a>\n  text\n<b/></a>", 32);

        xml.next();
        assertThat(xml.tokenOffset()).isZero();
        xml.next();
        assertThat(xml.tokenOffset()).as("text: its first character that is not white space").isEqualTo(6);
        xml.next();
        assertThat(xml.tokenOffset()).isEqualTo(11);
    }

    @Test
    void linesAndColumnsWithEveryLineEnding() {
        // offsets: a0 \r1 \n2 b3 \r4 c5 \n6 d7
        XmlTokenizer xml = new XmlTokenizer("a\r\nb\rc\nd", 32);

        assertThat(position(xml, 0)).isEqualTo("1:1");
        assertThat(position(xml, 1)).isEqualTo("1:2");
        assertThat(position(xml, 2)).as("LF of CRLF is still on the first line").isEqualTo("1:3");
        assertThat(position(xml, 3)).isEqualTo("2:1");
        assertThat(position(xml, 5)).isEqualTo("3:1");
        assertThat(position(xml, 7)).isEqualTo("4:1");
        assertThat(position(xml, 8)).as("the end").isEqualTo("4:2");
        // Asked out of order, the answers do not change.
        assertThat(position(xml, 3)).isEqualTo("2:1");
        assertThat(position(xml, 0)).isEqualTo("1:1");
        assertThat(position(xml, 7)).isEqualTo("4:1");
    }

    @Test
    void crLfDocumentsReportTheSamePositionsAsLfDocuments() {
        String lf = "<Response>\n  <Say>Hi</Say>\n    <Sya/>\n  <Pause length=\"x\"/>\n</Response>\n";
        String crLf = lf.replace("\n", "\r\n");
        String cr = lf.replace("\n", "\r");

        for (String document : List.of(lf, crLf, cr)) {
            ParseResult result = TwimlParser.lenient().parse(document);
            assertThat(result.findings()).extracting(f -> f.line() + ":" + f.column()).containsExactly("3:5", "4:10");
        }
    }

    @Test
    void crLfParseFailurePosition() {
        String document = "<Response>\r\n\r\n  <Say>Hi</Say>\r\n  <Say>Tom & Jerry</Say>\r\n</Response>\r\n";

        DocumentParseFailureTest.assertParseFailure(TwimlParser.lenient().parse(document), 4, 12);
    }

    @Test
    void textWithCrLfInsideAttributeBecomesSpaces() {
        ParseResult result = TwimlParser.strict().parse("<Response><Say voice=\"Polly.\r\nJoanna\">Hi</Say></Response>");

        assertThat(((Say) result.response().orElseThrow().verbs().get(0)).voice()).contains("Polly. Joanna");
    }

    @Test
    void errorCarriesTheOffsetOfTheProblem() {
        XmlTokenizer xml = new XmlTokenizer("<a>\n<b></c>", 32);

        assertThatThrownBy(() -> {
            while (xml.next() != Token.EOF) {
                // read on
            }
        }).isInstanceOfSatisfying(XmlSyntaxException.class, e -> {
            assertThat(e.offset).isEqualTo(7);
            assertThat(e.getMessage()).isEqualTo("</c> does not match <b>");
        });
    }

    /** The document's tokens as text: {@code START name a=v}, {@code TEXT text}, {@code END name}, {@code EOF}. */
    private static List<String> tokens(String document) throws XmlSyntaxException {
        XmlTokenizer xml = new XmlTokenizer(document, TwimlParser.MAX_DEPTH);
        List<String> tokens = new ArrayList<>();
        while (true) {
            Token token = xml.next();
            switch (token) {
                case START -> {
                    StringBuilder s = new StringBuilder("START ").append(xml.name());
                    for (int i = 0; i < xml.attributeCount(); i++) {
                        s.append(' ').append(xml.attributeName(i)).append('=').append(xml.attributeValue(i));
                    }
                    tokens.add(s.toString());
                }
                case TEXT -> tokens.add("TEXT " + xml.text());
                case END -> tokens.add("END " + xml.name());
                case EOF -> {
                    tokens.add("EOF");
                    return tokens;
                }
            }
        }
    }

    private static String position(XmlTokenizer xml, int offset) {
        return xml.line(offset) + ":" + xml.column(offset);
    }
}
