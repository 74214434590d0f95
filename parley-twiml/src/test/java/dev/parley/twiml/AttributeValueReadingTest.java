package dev.parley.twiml;

import static dev.parley.twiml.Printable.escaped;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Attribute values are read where the document holds them, as typed values, without a String in between: each
 * type reads exactly what its definition says (the definitions below are the ones the types had when they read
 * Strings), wherever in a document the value sits, on tricky input: white space of every kind around it (XML's
 * and Java's), case folding beyond ASCII, signs, leading zeros, long and huge numbers, non-ASCII digits.
 */
class AttributeValueReadingTest {

    /** Characters that make reading hard: white space Java strips and does not, case folding, digits, symbols. */
    private static final String TRICKY = " \t\n\r\u000B\f\u001C\u001F\u00A0\u0085\u2003\u2007\u3000"
        + "0123456789+-.eExX\uFF11\u0661\u00B2"
        + "getGETpostPOSTtrueTRUEfalseFALSE\u0131\u0130\u017F\u212A\u00DF\uFB06\u00E9"
        + "ISisazAZ#*wW/:?@&;%=\"'<>dtmfspeechcompletedin-progressabsenthttp://https://example.com"
        + "\uD83D\uDE00\uD800\uFFFD";

    private static final List<String> SPECIAL = List.of("", " ", "  \t ", "1", "0", "00", "007", "0042", " 5 ", "+1", "-1",
        "1.0", "1e3", "999999999", "1000000000", "0999999999", "9999999999999999999999", "\u0661", "\uFF11", "\u00B2",
        "\u20031\u2003", "\u00A01", "1\u0085", "\u001C7\u001F", "GET", "get", "gEt", " post ", "POST\t", "P0ST", "GETT",
        "G\u0130T", "po\u017Ft", "GE\u0054", "true", "TRUE", "tRuE", " false\n", "fal\u017Fe", "tru\u0130", "\u212Aey",
        "yes", "1", "do-not-trim", " trim-silence ", "Trim-silence", "us", "us-old", "uk ", "zz", "dtmf", "dtmf speech",
        " speech  dtmf ", "dtmf,speech", "dtmf\tspeech\r\ndtmf", "completed absent", "in-progress", "", "\u2003dtmf",
        "https://example.com/x", " https://example.com/x ", "http://h", "https://", "https://@h", "https://u@:1/x",
        "HTTPS://h/x", "https:/x", "ftp://h/x", "/relative?a=1", "relative", "javascript:alert(1)", "//host/x",
        "ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", " ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "IS0123456789abcdefABCDEF0123456789",
        "IS0123456789abcdefABCDEF012345678\u00E9", "12w#*", "12W#*x", "#", "", "*", "1234567890*#");

    /** Every attribute type of the schema, by a name for messages, with its definition. */
    private static Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("text", new Case(AttributeType.TEXT, s -> s));
        cases.put("method", new Case(AttributeType.METHOD, s -> switch (s.strip().toUpperCase(Locale.ROOT)) {
            case "GET" -> HttpMethod.GET;
            case "POST" -> HttpMethod.POST;
            default -> null;
        }));
        cases.put("integer", new Case(AttributeType.INTEGER,
            s -> s.strip().matches("[0-9]{1,9}") ? Integer.parseInt(s.strip()) : null));
        cases.put("boolean", new Case(AttributeType.BOOLEAN, s -> s.strip().equalsIgnoreCase("true") ? Boolean.TRUE
            : s.strip().equalsIgnoreCase("false") ? Boolean.FALSE : null));
        cases.put("url", new Case(AttributeType.URL,
            s -> !s.strip().isEmpty() && UrlResolver.isHttpReference(s.strip()) ? s.strip() : null));
        cases.put("absolute url", new Case(AttributeType.ABSOLUTE_URL,
            s -> !s.strip().isEmpty() && UrlResolver.isAbsoluteHttp(s.strip()) ? s.strip() : null));
        for (ElementSpec spec : List.of(TwimlSchema.GATHER, TwimlSchema.RECORD, TwimlSchema.DIAL, TwimlSchema.CONVERSATION,
            TwimlSchema.NUMBER, TwimlSchema.PLAY, TwimlSchema.REJECT)) {
            for (AttributeSpec attribute : spec.attributes) {
                String name = spec.name + " " + attribute.name();
                if (attribute.type() instanceof AttributeType.OneOf oneOf) {
                    Set<String> allowed = allowedValues(oneOf);
                    cases.put(name, new Case(oneOf, s -> allowed.contains(s.strip()) ? s.strip() : null));
                } else if (attribute.type() instanceof AttributeType.ListOf listOf) {
                    Set<String> allowed = allowedValues(listOf);
                    cases.put(name, new Case(listOf, s -> {
                        List<String> values = Arrays.stream(s.split("[ \t\r\n]+")).filter(v -> !v.isEmpty()).toList();
                        return !values.isEmpty() && allowed.containsAll(values) ? values : null;
                    }));
                } else if (attribute.type() instanceof AttributeType.Matching matching) {
                    Pattern pattern = patternOf(matching);
                    cases.put(name, new Case(matching, s -> pattern.matcher(s).matches() ? s : null));
                }
            }
        }
        return cases;
    }

    record Case(AttributeType type, Function<String, Object> definition) {
    }

    @Test
    void everyTypeReadsWhatItsDefinitionSays() {
        List<String> inputs = inputs();
        for (Map.Entry<String, Case> entry : cases().entrySet()) {
            Case c = entry.getValue();
            for (String input : inputs) {
                assertThat(c.type().read(input)).as("%s reading '%s'", entry.getKey(), escaped(input))
                    .isEqualTo(c.definition().apply(input));
            }
        }
    }

    @Test
    void aValueReadsTheSameWhereverItSitsInADocument() {
        Random random = new Random(11);
        for (Map.Entry<String, Case> entry : cases().entrySet()) {
            AttributeType type = entry.getValue().type();
            for (String input : inputs()) {
                String before = randomText(random, random.nextInt(6));
                String document = before + input + randomText(random, random.nextInt(6));
                Object inPlace = type.read(document, document.toCharArray(), before.length(), before.length() + input.length());
                assertThat(inPlace).as("%s reading '%s' in '%s'", entry.getKey(), escaped(input), escaped(document))
                    .isEqualTo(type.read(input));
                // The parser's read, which tells the common types apart without a virtual call, agrees.
                assertThat(type.readWritten(document, document.toCharArray(), before.length(), before.length() + input.length()))
                    .as("%s read by the parser: '%s' in '%s'", entry.getKey(), escaped(input), escaped(document))
                    .isEqualTo(inPlace);
            }
        }
    }

    @Test
    void keywordsComeOutAsTheSchemaSpellsThemAndOneValueListsAreShared() {
        String written = "<x a=\"trim-silence\"/>";
        Object read = AttributeType.oneOf("trim-silence", "do-not-trim").read(written, written.toCharArray(), 6, 18);

        assertThat(read).isEqualTo("trim-silence");
        AttributeType events = TwimlSchema.RECORD.attribute("recordingStatusCallbackEvent").type();
        assertThat(events.read(" completed ")).isSameAs(events.read("completed")).isEqualTo(List.of("completed"));
        assertThat(events.read("completed absent")).isEqualTo(List.of("completed", "absent"));
    }

    @Test
    void typedValuesWrittenPlainlyOrAsCharacterReferencesParseTheSame() {
        Random random = new Random(5);
        for (ElementSpec spec : List.of(TwimlSchema.GATHER, TwimlSchema.RECORD, TwimlSchema.DIAL, TwimlSchema.CONVERSATION)) {
            for (AttributeSpec attribute : spec.attributes) {
                for (String value : SPECIAL) {
                    if (value.indexOf('"') >= 0 || value.indexOf('<') >= 0 || value.indexOf('&') >= 0) continue;
                    if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) continue;
                    if (value.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) continue; // normalised: not the same value
                    String plain = document(spec, attribute.name(), value);
                    String referenced = document(spec, attribute.name(), references(value, random));
                    assertThat(summary(TwimlParser.lenient().parse(referenced)))
                        .as("<%s %s=\"%s\">", spec.name, attribute.name(), escaped(value))
                        .isEqualTo(summary(TwimlParser.lenient().parse(plain)));
                }
            }
        }
    }

    /** The model and the findings without positions: a reference makes the value longer than written plainly. */
    private static String summary(ParseResult result) {
        return result.response().map(VoiceResponse::toString).orElse("none") + " "
            + result.findings().stream().map(f -> f.code() + " " + f.severity() + " " + f.message()).collect(Collectors.toList());
    }

    private static String document(ElementSpec spec, String attribute, String value) {
        String sid = spec == TwimlSchema.CONVERSATION && !attribute.equals("serviceInstanceSid")
            ? " serviceInstanceSid=\"IS0123456789abcdefABCDEF0123456789\"" : "";
        String open = "<" + spec.name + sid + " " + attribute + "=\"" + value + "\">";
        return switch (spec.name) {
            case "Dial" -> "<Response>" + open + "+15551234567</Dial></Response>";
            case "Conversation" -> "<Response><Connect>" + open + "</Conversation></Connect></Response>";
            default -> "<Response>" + open + "</" + spec.name + "></Response>";
        };
    }

    /** Some characters of the value as decimal or hexadecimal character references, some as written. */
    private static String references(String value, Random random) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            int how = random.nextInt(3);
            if (how == 0) out.appendCodePoint(cp);
            else if (how == 1) out.append("&#").append(cp).append(';');
            else out.append("&#x").append(Integer.toHexString(cp)).append(';');
        });
        return out.toString();
    }

    private static List<String> inputs() {
        List<String> inputs = new ArrayList<>(SPECIAL);
        Random random = new Random(7);
        for (int i = 0; i < 3_000; i++) inputs.add(randomText(random, random.nextInt(12)));
        // Padded versions of the interesting ones, with every kind of white space.
        for (String s : SPECIAL) {
            inputs.add("\u2003" + s + "\t");
            inputs.add("\n" + s + " \u00A0");
        }
        return inputs;
    }

    private static String randomText(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) {
                String piece = SPECIAL.get(random.nextInt(SPECIAL.size()));
                s.append(piece);
            } else {
                s.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
            }
        }
        return s.toString();
    }

    private static Set<String> allowedValues(AttributeType type) {
        // "one of a, b, c" / "a space-separated list of a, b, c"
        String described = type.describe();
        String list = described.substring(described.lastIndexOf(" of ") + 4);
        return Set.of(list.split(", "));
    }

    private static Pattern patternOf(AttributeType.Matching matching) {
        try {
            var field = AttributeType.Matching.class.getDeclaredField("pattern");
            field.setAccessible(true);
            return (Pattern) field.get(matching);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
