package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.twiml.XmlTokenizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shortcuts the parser takes for speed read exactly what the general code reads: regex-free attribute
 * patterns, the {@code http(s)://} URL check, names shared with the schema, and the tokenizer's single-pass text
 * and attribute scans.
 */
class ParserFastPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"IS[0-9a-zA-Z]{32}", "[0-9wW#*]{1,32}", "auto|[0-9]{1,9}", "[0-9#*]?", "[0-9#*]*",
        "ab[c-e]+", "x", "", "yes|no|[0-9]{2}"})
    void patternRunsMatchWhatTheRegexMatches(String regex) {
        AttributeType.Run[] runs = AttributeType.Run.alternatives(regex);
        assertThat(runs).as(regex).isNotNull();
        Pattern pattern = Pattern.compile(regex);
        Random random = new Random(regex.hashCode());
        String alphabet = "ISauto0129wW#*abcdexyesnoZ-. ";
        List<String> inputs = new ArrayList<>(List.of("", "auto", "IS", "ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "1234567890", "123456789",
            "#", "**", "abc", "abcdde", "yes", "no", "42", "x", "\u00e9", "ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u00e9"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "IS" : "");
            for (int n = random.nextInt(36); n > 0; n--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            inputs.add(s.toString());
        }
        AttributeType.Matching type = new AttributeType.Matching(pattern, "test");
        for (String input : inputs) {
            assertThat(type.matches(input)).as("%s on '%s'", regex, input).isEqualTo(pattern.matcher(input).matches());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[^a]*", "a+b", "(ab)", "[a-]", "\\d+", "[a-z]{2,}", "a|[b", "x*?", "[a&&b]", "[a]{3,1}",
        "[\\w]", "a.b", "[[a]]"})
    void otherPatternsAreLeftToTheRegexEngine(String regex) {
        assertThat(AttributeType.Run.alternatives(regex)).as(regex).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/x", "http://example.com", "https://", "http://", "https:///x",
        "https://@", "https://u@", "https://u@h/x", "https://u@:80/x", "https://:80/x", "http://h?x@y", "http://h#@y",
        "https://h/p@q", "https://h?q", "https://h#f", "https://user:pw@host:8443/p?q#f", "HTTPS://h/x", "https:/x",
        "https:x", "ftp://h/x", "file:///etc/passwd", "javascript:alert(1)", "/relative?x=1", "relative", "?q",
        "//host/x", "  https://padded.example.com/  ", "https://h:", "https://@h"})
    void theHttpShortcutAgreesWithTheUrlResolver(String url) {
        String stripped = url.strip();
        boolean reference = !stripped.isEmpty() && UrlResolver.isHttpReference(stripped);
        boolean absolute = !stripped.isEmpty() && UrlResolver.isAbsoluteHttp(stripped);

        assertThat(AttributeType.URL.read(url) != null).as(url).isEqualTo(reference);
        assertThat(AttributeType.ABSOLUTE_URL.read(url) != null).as(url).isEqualTo(absolute);
    }

    @Test
    void wholeNumbersReadAsBefore() {
        assertThat(AttributeType.INTEGER.read(" 0042 ")).isEqualTo(42);
        assertThat(AttributeType.INTEGER.read("999999999")).isEqualTo(999_999_999);
        assertThat(AttributeType.INTEGER.read("1000000000")).isNull();
        assertThat(AttributeType.INTEGER.read("-1")).isNull();
        assertThat(AttributeType.INTEGER.read("")).isNull();
    }

    @Test
    void schemaNamesComeOutSharedAndTheSameAsWithoutTheTable() throws XmlSyntaxException {
        String document = "<Response><Gather input=\"speech\" numDigits='1' unknownThing=\"x\"><Say voice=\"alice\">Hi</Say>"
            + "</Gather><Mystery a=\"1\"/></Response>";
        XmlTokenizer.Names names = new XmlTokenizer.Names(List.of("Response", "Gather", "Say", "input", "numDigits", "voice"));

        assertThat(tokens(new XmlTokenizer(document, 32, names))).isEqualTo(tokens(new XmlTokenizer(document, 32)));

        XmlTokenizer xml = new XmlTokenizer(document, 32, names);
        xml.next();
        xml.next();
        assertThat(xml.name()).isSameAs("Gather");
        assertThat(xml.attributeName(0)).isSameAs("input");
        assertThat(xml.attributeName(1)).isSameAs("numDigits");
        assertThat(xml.attributeName(2)).isEqualTo("unknownThing");
    }

    @Test
    void aValueMayHoldTheOtherQuote() throws XmlSyntaxException {
        XmlTokenizer xml = new XmlTokenizer("<a b=\"it's\" c='say \"hi\"' d=\"&quot;&apos;\"/>", 32);

        assertThat(xml.next()).isEqualTo(Token.START);
        assertThat(xml.attributeValue(0)).isEqualTo("it's");
        assertThat(xml.attributeValue(1)).isEqualTo("say \"hi\"");
        assertThat(xml.attributeValue(2)).isEqualTo("\"'");
    }

    @Test
    void aDuplicateAttributeIsStillFound() {
        assertThatThrownBy(() -> tokens(new XmlTokenizer("<a x='1' y='2' x='3'/>", 32)))
            .hasMessage("attribute x is written twice");
    }

    @Test
    void textWithoutReferencesStillReadsCrAsLf() throws XmlSyntaxException {
        Say say = (Say) TwimlParser.lenient().parse("<Response><Say>one\r\ntwo\rthree</Say></Response>")
            .response().orElseThrow().verbs().get(0);

        assertThat(say.text()).isEqualTo("one\ntwo\nthree");
    }

    @Test
    void aBareAmpersandBeforeTheRootIsContent() {
        ParseResult result = TwimlParser.lenient().parse("&<Response/>");

        assertThat(result.runnable()).isFalse();
        assertThat(result.findings()).extracting(Finding::toString).containsExactly("1:1 12100 content before the root element");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<Response></Responsex>", "<Response></Respons>", "<Response></response>"})
    void anEndTagThatOnlyStartsLikeTheOpenElementDoesNotClose(String document) {
        ParseResult result = TwimlParser.lenient().parse(document);

        assertThat(result.runnable()).isFalse();
        assertThat(result.findings().get(0).message()).startsWith("</").contains("does not match <Response>");
    }

    @Test
    void valuesWithReferencesInOneTagAreEachReadFromTheSharedScratchArrayIntact() {
        String plain = "<Response><Gather action=\"https://example.com/menu?a=1&b=2\" method=\"GET\" timeout=\"7\""
            + " hints=\"billing & payments\" input=\"dtmf speech\" partialResultCallback=\"/partial?x=1&y=2\"/></Response>";
        String referenced = "<Response><Gather action=\"https://example.com/menu?a=1&amp;b=2\" method=\"&#x47;ET\""
            + " timeout=\"&#55;\" hints=\"billing &amp; payments\" input=\"dtmf&#9;speech\""
            + " partialResultCallback=\"/partial?x=1&amp;y=2\"/></Response>";
        ParseResult expected = TwimlParser.lenient().parse(plain.replace("&", "&amp;"));

        ParseResult result = TwimlParser.lenient().parse(referenced);

        assertThat(expected.findings()).isEmpty();
        assertThat(result.findings()).isEmpty();
        assertThat(result.response()).isEqualTo(expected.response());
        Gather gather = (Gather) result.response().orElseThrow().verbs().get(0);
        assertThat(gather.action()).contains("https://example.com/menu?a=1&b=2");
        assertThat(gather.method()).isEqualTo(HttpMethod.GET);
        assertThat(gather.timeout()).isEqualTo(7);
        assertThat(gather.attributes().get("hints")).contains("billing & payments");
        assertThat(gather.input()).containsExactly("dtmf", "speech");
        assertThat(gather.attributes().get("partialResultCallback")).contains("/partial?x=1&y=2");
    }

    @Test
    void anEndTagMayHaveSpaceBeforeItsBracket() {
        assertThat(TwimlParser.lenient().parse("<Response><Hangup></Hangup \n></Response \t>").runnable()).isTrue();
    }

    private static List<String> tokens(XmlTokenizer xml) throws XmlSyntaxException {
        List<String> out = new ArrayList<>();
        while (true) {
            Token token = xml.next();
            StringBuilder s = new StringBuilder(token.name());
            if (token == Token.START || token == Token.END) s.append(' ').append(xml.name());
            if (token == Token.START) {
                for (int i = 0; i < xml.attributeCount(); i++) {
                    s.append(' ').append(xml.attributeName(i)).append('=').append(xml.attributeValue(i));
                }
            }
            if (token == Token.TEXT) s.append(' ').append(xml.text());
            out.add(s.toString());
            if (token == Token.EOF) return out;
        }
    }
}
