package dev.parley.twiml;

import static dev.parley.twiml.Printable.escaped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.twiml.XmlTokenizer.Token;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Text and attribute values as the tokenizer reads them: references decoded by jumping from one '&' to the next,
 * line ends and attribute white space normalised, and an element's only text stripped as it is copied. The JDK's
 * own XML parser, which shares no code with Parley's, is the reference for what well-formed XML reads as.
 */
class TextReadingTest {

    private static final String[] PIECES = {"a", "b", " ", "  ", "\t", "\n", "\r", "\r\n", "\u00E9", "\u2003", "\u00A0",
        "\u0085", "\uD83D\uDE00", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;", "&#x42;", "&#32;", "&#x2003;",
        "&#9;", "&#10;", "&#13;", "&#0065;", "&#x1F600;", "&#160;", "&#8212;", "'", "\"", ">", "]", "x y", "0123456789"};

    @Test
    void textReadsAsTheJdkReadsIt() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 3_000; i++) {
            String text = random(random, random.nextInt(12));
            if (text.contains("]]>")) continue; // not well-formed
            String document = "<a>" + text + "</a>";
            assertThat(parleyText(document)).as(escaped(document)).isEqualTo(jdk(document).getTextContent());
        }
    }

    @Test
    void attributeValuesReadAsTheJdkReadsThem() throws Exception {
        Random random = new Random(4);
        for (int i = 0; i < 3_000; i++) {
            String value = random(random, random.nextInt(12)).replace("\"", "&quot;");
            String document = "<a v=\"" + value + "\"/>";
            XmlTokenizer xml = new XmlTokenizer(document, 32);
            assertThat(xml.next()).isEqualTo(Token.START);
            assertThat(xml.attributeValue(0)).as(escaped(document)).isEqualTo(jdk(document).getAttribute("v"));
        }
    }

    @Test
    void strippedTextIsTheTextStripped() throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            String document = "<a>" + random(random, random.nextInt(10)) + "</a>";
            if (document.contains("]]>")) continue; // not well-formed
            XmlTokenizer xml = new XmlTokenizer(document, 32);
            xml.next();
            if (xml.next() != Token.TEXT) continue;
            String stripped = xml.strippedText();
            assertThat(stripped).as(escaped(document)).isEqualTo(xml.text().strip());
            assertThat(xml.textEndsElement()).isTrue();
        }
    }

    @Test
    void anElementsOnlyTextIsStrippedTheSameAsTextInPieces() {
        Random random = new Random(6);
        for (int i = 0; i < 2_000; i++) {
            String first = random(random, random.nextInt(6));
            String second = random(random, random.nextInt(6));
            String whole = TwimlParser.lenient().parse("<Response><Say>" + first + second + "</Say></Response>").toString();
            String pieces = TwimlParser.lenient().parse("<Response><Say>" + first + "<!-- -->" + second + "</Say></Response>")
                .toString();
            // In pieces, text that is only white space is dropped between comments, a CR and an LF are two line
            // ends, and "]]>" is not written: compare only where none of that happens.
            if (first.isBlank() || second.isBlank() || (first.endsWith("\r") && second.startsWith("\n"))) continue;
            if ((first + second).contains("]]>") || first.contains("]]>") || second.contains("]]>")) continue;
            assertThat(whole).as(escaped(first + "|" + second)).isEqualTo(pieces);
        }
    }

    @Test
    void charactersAfterAReferenceAndLineEndsAroundItAreKept() throws XmlSyntaxException {
        assertThat(tokens("<a> x &amp; y\r\n</a>")).containsExactly("START a", "TEXT  x & y\n", "END a", "EOF");
        assertThat(tokens("<a>\r\n&#32;x&#32;\r\n</a>")).containsExactly("START a", "TEXT \n x \n", "END a", "EOF");
        XmlTokenizer xml = new XmlTokenizer("<a>\r\n &#x2003;x&#32;\r </a>", 32);
        xml.next();
        xml.next();
        assertThat(xml.strippedText()).isEqualTo("x");
    }

    private static String parleyText(String document) throws XmlSyntaxException {
        XmlTokenizer xml = new XmlTokenizer(document, 32);
        StringBuilder text = new StringBuilder();
        for (Token t = xml.next(); t != Token.EOF; t = xml.next()) {
            if (t == Token.TEXT) text.append(xml.text());
        }
        return text.toString();
    }

    private static List<String> tokens(String document) throws XmlSyntaxException {
        XmlTokenizer xml = new XmlTokenizer(document, 32);
        List<String> out = new ArrayList<>();
        for (Token t = xml.next(); ; t = xml.next()) {
            out.add(t + (t == Token.TEXT ? " " + xml.text() : t == Token.EOF ? "" : " " + xml.name()));
            if (t == Token.EOF) return out;
        }
    }

    private static Element jdk(String document) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(document))).getDocumentElement();
    }

    private static String random(Random random, int pieces) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pieces; i++) s.append(PIECES[random.nextInt(PIECES.length)]);
        return s.toString();
    }
}
