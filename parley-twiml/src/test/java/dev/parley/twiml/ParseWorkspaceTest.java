package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the parser works with besides the document: the schema indexed by name ids ({@link SchemaIndex}) says
 * exactly what {@link ElementSpec} says, and the pooled buffers ({@link ParseBuffers}) carry nothing from one parse
 * into the next, nor between threads.
 */
class ParseWorkspaceTest {

    private static final SchemaIndex INDEX = new SchemaIndex(TwimlSchema.RESPONSE);

    @Test
    void theIndexKnowsEveryAttributeAndNestingTheSchemaDeclares() {
        List<ElementSpec> specs = List.of(TwimlSchema.RESPONSE, TwimlSchema.SAY, TwimlSchema.PLAY, TwimlSchema.PAUSE,
            TwimlSchema.GATHER, TwimlSchema.RECORD, TwimlSchema.HANGUP, TwimlSchema.PARAMETER, TwimlSchema.REDIRECT,
            TwimlSchema.REJECT, TwimlSchema.DIAL, TwimlSchema.NUMBER, TwimlSchema.CLIENT, TwimlSchema.IDENTITY,
            TwimlSchema.SIP, TwimlSchema.CONNECT, TwimlSchema.CONVERSATION);
        List<String> names = new ArrayList<>(TwimlSchema.NOT_SUPPORTED);
        for (ElementSpec spec : specs) {
            names.add(spec.name);
            for (AttributeSpec attribute : spec.attributes) names.add(attribute.name());
        }
        for (ElementSpec spec : specs) {
            SchemaIndex.Element element = element(spec);
            assertThat(element.spec).isSameAs(spec);
            for (String name : names) {
                int id = INDEX.names.id(name);
                assertThat(id).as(name).isBetween(0, INDEX.names.size() - 1);
                assertThat(element.position(id)).as("<%s %s>", spec.name, name).isEqualTo(spec.indexOf(name));
                ElementSpec child = element.child(id) == null ? null : element.child(id).spec;
                ElementSpec named = TwimlSchema.lookup(name);
                assertThat(child).as("<%s><%s>", spec.name, name)
                    .isEqualTo(named != null && spec.children.contains(named) ? named : null);
            }
            assertThat(element.position(-1)).isEqualTo(-1);
            assertThat(element.child(-1)).isNull();
        }
    }

    @Test
    void namesHaveDenseIds() {
        XmlTokenizer.Names names = new XmlTokenizer.Names(List.of("b", "a", "b", "c"));

        assertThat(names.size()).isEqualTo(3);
        assertThat(List.of(names.id("b"), names.id("a"), names.id("c"), names.id("d"), names.id(""))).containsExactly(0, 1, 2, -1, -1);
    }

    @Test
    void aKnownAttributeWrittenTwiceIsFoundWhateverItsId() {
        for (String name : List.of("voice", "loop", "language")) {
            assertThat(INDEX.names.id(name)).isNotNegative();
            String document = "<Response><Say " + name + "=\"1\" x=\"2\" " + name + "=\"3\">Hi</Say></Response>";
            int column = document.lastIndexOf(name + "=") + 1;
            assertThat(TwimlParser.lenient().parse(document).findings()).extracting(Finding::toString)
                .containsExactly("1:" + column + " 12100 attribute " + name + " is written twice");
        }
        // Names with ids on both sides of 64, in one tag.
        List<String> all = new ArrayList<>();
        for (AttributeSpec attribute : TwimlSchema.DIAL.attributes) all.add(attribute.name());
        assertThat(all.stream().mapToInt(INDEX.names::id).max().orElseThrow()).isGreaterThanOrEqualTo(64);
        assertThat(all.stream().mapToInt(INDEX.names::id).min().orElseThrow()).isLessThan(64);
        StringBuilder tag = new StringBuilder("<Dial");
        for (String name : all) tag.append(' ').append(name).append("=\"x\"");
        for (String name : all) {
            XmlTokenizer xml = new XmlTokenizer(tag + " " + name + "='y'>", 32, INDEX.names);
            assertThatThrownBy(xml::next).hasMessage("attribute " + name + " is written twice");
        }
    }

    @Test
    void aTagsAttributesDoNotCountAsTheNextTagsOnes() {
        String document = "<Response><Say voice=\"a\" loop=\"1\">x</Say><Say voice=\"b\" loop=\"2\">y</Say>"
            + "<Play loop=\"3\">u</Play></Response>";

        assertThat(TwimlParser.strict().parse(document).findings()).isEmpty();
    }

    @Test
    void aParseAfterAnotherReadsAsAFreshOne() {
        String large = "<Response>" + "<Gather input=\"dtmf\" timeout=\"3\" numDigits=\"1\" action=\"/a?x=1&amp;y=2\" method=\"GET\" "
            + "finishOnKey=\"#\" profanityFilter=\"false\" hints=\"a, b\" language=\"en-GB\" speechModel=\"m\" enhanced=\"true\">"
            + "<Say voice=\"alice\">" + "&quot;long&quot; text ".repeat(200) + "</Say></Gather>".repeat(1)
            + "<Dial timeout=\"5\"><Number sendDigits=\"1w2\">+15551230000</Number></Dial></Response>";
        String small = "<Response><Say>Hi</Say></Response>";
        String broken = "<Response><Say loop=\"1\" loop=\"2\">x</Say>";
        ParseResult smallAlone = TwimlParser.lenient().parse(small);
        ParseResult brokenAlone = TwimlParser.lenient().parse(broken);

        for (int i = 0; i < 50; i++) {
            assertThat(TwimlParser.lenient().parse(large).findings()).isEmpty();
            assertThat(TwimlParser.lenient().parse(broken)).isEqualTo(brokenAlone);
            assertThat(TwimlParser.lenient().parse(small)).isEqualTo(smallAlone);
        }
    }

    @Test
    void buffersTakenTogetherAreDistinct() {
        ParseBuffers first = ParseBuffers.take();
        ParseBuffers second = ParseBuffers.take();
        try {
            assertThat(first).isNotSameAs(second);
            char[] copy = first.copy("x".repeat(5_000));
            assertThat(new String(copy, 0, 5_000)).isEqualTo("x".repeat(5_000));
            assertThat(second.copy("abc")).isNotSameAs(copy);
            long[] seen = first.namesSeen(3);
            seen[2] = -1;
            assertThat(first.namesSeen(3)).hasSizeGreaterThanOrEqualTo(3).containsOnly(0L);
        } finally {
            first.giveBack();
            second.giveBack();
        }
    }

    @Test
    void parsesOnManyThreadsAtOnceReadTheirOwnDocuments() throws Exception {
        int threads = 8;
        List<String> documents = new ArrayList<>();
        List<ParseResult> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String document = "<Response><Say voice=\"v" + t + "\" loop=\"" + t + "\">" + ("text " + t + " &amp; ").repeat(t * 50)
                + "</Say><Pause length=\"" + t + "\"/>" + "<Play>x</Play>".repeat(t) + "</Response>";
            documents.add(document);
            expected.add(TwimlParser.lenient().parse(document));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int own = t;
                results.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        if (!TwimlParser.lenient().parse(documents.get(own)).equals(expected.get(own))) return false;
                    }
                    return true;
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static SchemaIndex.Element element(ElementSpec spec) {
        // Every element is reachable from <Response>, through at most three others.
        List<SchemaIndex.Element> pending = new ArrayList<>(List.of(INDEX.response));
        while (!pending.isEmpty()) {
            SchemaIndex.Element element = pending.remove(0);
            if (element.spec == spec) return element;
            for (ElementSpec child : element.spec.children) pending.add(element.child(INDEX.names.id(child.name)));
        }
        throw new AssertionError("not reachable: " + spec.name);
    }
}
