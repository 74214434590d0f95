package dev.parley.twiml;

import dev.parley.twiml.XmlTokenizer.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the TwiML a webhook returns into a {@link VoiceResponse}, with Twilio's handling of bad input:
 * <ul>
 *   <li>11750 for a body over 64 KB;</li>
 *   <li>12100 for a document that is not well-formed, has no {@code <Response>} root, or has content before it;</li>
 *   <li>12200 for an unknown verb, attribute or nesting, or an unusable attribute value: a warning that skips
 *       the offending part in {@link Compliance#LENIENT} mode, an error in {@link Compliance#STRICT};</li>
 *   <li>32501 for a {@code <Conversation>} without {@code serviceInstanceSid} or with any attribute outside
 *       its allowed values.</li>
 * </ul>
 * A parser is immutable and safe to share between threads.
 */
public final class TwimlParser {

    /** Twilio's limit on a TwiML response body, in bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Deepest element nesting read; TwiML itself needs four levels. */
    public static final int MAX_DEPTH = 32;

    private static final TwimlParser LENIENT = new TwimlParser(Compliance.LENIENT);
    private static final TwimlParser STRICT = new TwimlParser(Compliance.STRICT);

    /** The schema, indexed by the ids of the names it knows, which the tokenizer hands out without copying. */
    private static final SchemaIndex SCHEMA = new SchemaIndex(TwimlSchema.RESPONSE);

    private final Compliance compliance;

    private TwimlParser(Compliance compliance) {
        this.compliance = compliance;
    }

    /** Twilio's behaviour. */
    public static TwimlParser lenient() {
        return LENIENT;
    }

    public static TwimlParser strict() {
        return STRICT;
    }

    public static TwimlParser of(Compliance compliance) {
        return compliance == Compliance.STRICT ? STRICT : LENIENT;
    }

    public Compliance compliance() {
        return compliance;
    }

    /** Parses a body as received: UTF-8 (a byte-order mark is allowed). */
    public ParseResult parse(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return tooLarge(body.length);
        }
        // Not parse(String): bytes that are not UTF-8 decode to U+FFFD, which would count three bytes each.
        return parseWithin(new String(body, StandardCharsets.UTF_8));
    }

    public ParseResult parse(String document) {
        int bytes = document.length() * 3 <= MAX_BODY_BYTES ? document.length() : utf8Length(document);
        if (bytes > MAX_BODY_BYTES) {
            return tooLarge(bytes);
        }
        return parseWithin(document);
    }

    /** Parses a document within the size limit, in buffers from the pool. */
    private ParseResult parseWithin(String document) {
        ParseBuffers buffers = ParseBuffers.take();
        try {
            return new Run(document, buffers).parse();
        } finally {
            buffers.giveBack();
        }
    }

    private static ParseResult tooLarge(int bytes) {
        return new ParseResult(Optional.empty(), List.of(new Finding(TwimlError.RESPONSE_TOO_LARGE, Severity.ERROR,
            "the TwiML response body is " + bytes + " bytes; the limit is " + MAX_BODY_BYTES, 0, 0)));
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) { n += 4; i++; }
            else n += 3;
        }
        return n;
    }

    /** One parse: the tokenizer and the findings so far. */
    private final class Run {
        private final XmlTokenizer xml;
        private final ParseBuffers buffers;
        private ArrayList<Finding> findings; // null until the first finding: most documents have none

        Run(String document, ParseBuffers buffers) {
            this.xml = new XmlTokenizer(document, MAX_DEPTH, SCHEMA.names, false, buffers);
            this.buffers = buffers;
        }

        ParseResult parse() {
            try {
                if (xml.next() != Token.START) {
                    throw new XmlSyntaxException("the document has no root element", 0);
                }
                if (!xml.name().equals("Response")) {
                    report(finding(TwimlError.DOCUMENT_PARSE_FAILURE, xml.tokenOffset(),
                        "the root element must be <Response>, not <" + xml.name() + ">"));
                    drain();
                    return result(Optional.empty());
                }
                VoiceResponse response = (VoiceResponse) element(SCHEMA.response);
                if (xml.next() != Token.EOF) {
                    throw new XmlSyntaxException("content after the root element", xml.tokenOffset());
                }
                return result(Optional.of(response));
            } catch (XmlSyntaxException e) {
                report(finding(TwimlError.DOCUMENT_PARSE_FAILURE, e.offset, e.getMessage()));
                return result(Optional.empty());
            }
        }

        private ParseResult result(Optional<VoiceResponse> response) {
            return new ParseResult(response, findings == null ? List.of() : findings);
        }

        private void report(Finding finding) {
            if (findings == null) findings = new ArrayList<>(2);
            findings.add(finding);
        }

        private int findingCount() {
            return findings == null ? 0 : findings.size();
        }

        /** Reads to the end, so that a wrong root in a broken document reports the breakage too. */
        private void drain() throws XmlSyntaxException {
            while (xml.next() != Token.EOF) {
                // keep checking well-formedness
            }
        }

        /** Reads the element whose START was just returned; null when it is skipped. */
        private Object element(SchemaIndex.Element element) throws XmlSyntaxException {
            ElementSpec spec = element.spec;
            int start = xml.tokenOffset();
            int findingsBefore = findingCount();
            Attributes attributes = attributes(element);
            List<Object> children = null; // most elements have none
            String text = "";
            boolean stripped = false; // the element's only text, stripped as it was copied
            StringBuilder more = null;
            while (true) {
                Token token = xml.next();
                if (token == Token.END) break;
                if (token == Token.TEXT) {
                    if (xml.isWhitespace()) continue;
                    if (spec.body == ElementSpec.Body.NONE) {
                        schema(xml.tokenOffset(), "<" + spec.name + "> takes no text");
                        continue;
                    }
                    if (text.isEmpty()) {
                        // Text up to the end tag is the element's only text: it is stripped as it is copied.
                        stripped = xml.textEndsElement();
                        text = stripped ? xml.strippedText() : xml.text();
                    } else {
                        if (more == null) more = new StringBuilder(text);
                        more.append(xml.text());
                    }
                    continue;
                }
                Object child = child(element, children == null ? 0 : children.size());
                if (child != null) {
                    if (children == null) children = new ArrayList<>(4);
                    children.add(child);
                }
            }
            if (more != null) text = more.toString();
            if (!stripped) text = text.strip();
            return build(spec, start, attributes, children == null ? List.of() : children, text,
                findingCount() > findingsBefore);
        }

        /** Reads the child element whose START was just returned; null when it is skipped. */
        private Object child(SchemaIndex.Element parentElement, int siblings) throws XmlSyntaxException {
            ElementSpec parent = parentElement.spec;
            String name = xml.name();
            int offset = xml.tokenOffset();
            SchemaIndex.Element element = parentElement.child(xml.nameId());
            if (element == null) {
                if (TwimlSchema.lookup(name) != null) {
                    schema(offset, "<" + name + "> is not allowed in <" + parent.name + ">");
                } else if (TwimlSchema.NOT_SUPPORTED.contains(name)) {
                    schema(offset, "<" + name + "> is not supported by Parley; it is skipped");
                } else {
                    schema(offset, "<" + name + "> is not a TwiML element (names are case-sensitive)");
                }
                xml.skipElement();
                return null;
            }
            if (parent == TwimlSchema.CONNECT && siblings > 0) {
                schema(offset, "<Connect> takes one noun; this <" + name + "> is skipped");
                xml.skipElement();
                return null;
            }
            return element(element);
        }

        private Attributes attributes(SchemaIndex.Element element) {
            ElementSpec spec = element.spec;
            Object[] values = null; // until a value is read: many elements are written without attributes
            for (int i = 0; i < xml.attributeCount(); i++) {
                int index = element.position(xml.attributeNameId(i));
                if (index < 0) {
                    String name = xml.attributeName(i);
                    if (name.equals("xmlns") || name.startsWith("xmlns:")) continue; // no TwiML attribute is an xmlns
                    attributeProblem(spec, xml.attributeOffset(i), "<" + spec.name + "> has no attribute '" + name + "'");
                    continue;
                }
                AttributeType type = element.types[index];
                Object value = xml.isPlain(i)
                    ? type.readWritten(xml.document(), xml.chars(), xml.valueStart(i), xml.valueEnd(i))
                    : decoded(type, xml.attributeValue(i));
                if (value == null) {
                    attributeProblem(spec, xml.attributeOffset(i), "<" + spec.name + " " + xml.attributeName(i) + "> takes "
                        + type.describe() + ", not '" + xml.attributeValue(i) + "'");
                    continue;
                }
                if (values == null) values = new Object[spec.attributes.length];
                values[index] = value;
            }
            for (int required : spec.requiredPositions) {
                String name = spec.attributes[required].name();
                if ((values == null || values[required] == null) && !written(name)) {
                    attributeProblem(spec, xml.tokenOffset(), "<" + spec.name + "> needs the " + name + " attribute");
                }
            }
            return values == null ? spec.none : Attributes.of(spec, values);
        }

        /** Reads a value that decoding changed, from the pooled scratch array rather than a copy of its own. */
        private Object decoded(AttributeType type, String value) {
            char[] chars = buffers.scratch(value.length());
            value.getChars(0, value.length(), chars, 0);
            return type.readWritten(value, chars, 0, value.length());
        }

        /** Whether the current start tag wrote the attribute (valid or not: an invalid one is reported already). */
        private boolean written(String name) {
            for (int i = 0; i < xml.attributeCount(); i++) {
                if (xml.attributeName(i).equals(name)) return true;
            }
            return false;
        }

        private Object build(ElementSpec spec, int start, Attributes attributes, List<Object> children, String text,
                             boolean reported) {
            for (int required : spec.requiredPositions) {
                if (attributes.valueAt(required) == null) return null;
            }
            if (spec.body == ElementSpec.Body.REQUIRED && text.isEmpty()) {
                schema(start, "<" + spec.name + "> needs text (" + what(spec) + "); it is skipped");
                return null;
            }
            if (spec == TwimlSchema.PLAY && text.isEmpty() && !attributes.has("digits")) {
                schema(start, "<Play> needs an audio URL or digits; it is skipped");
                return null;
            }
            Object built = spec.factory.create(attributes, children, text);
            if (built instanceof Client client && client.identity().isEmpty()) {
                schema(start, "<Client> needs an identity; it is skipped");
                return null;
            }
            if (built == null && spec == TwimlSchema.CONNECT && !reported) {
                schema(start, "<Connect> needs a <Conversation>; it is skipped");
            }
            if (spec == TwimlSchema.DIAL && ((Dial) built).targets().isEmpty()) {
                schema(start, "<Dial> needs a number or a noun; it is skipped");
                return null;
            }
            return built;
        }

        private static String what(ElementSpec spec) {
            return switch (spec.name) {
                case "Redirect" -> "a URL";
                case "Number" -> "a phone number";
                case "Sip" -> "a SIP URI";
                case "Identity" -> "a client identity";
                default -> "content";
            };
        }

        private void attributeProblem(ElementSpec spec, int offset, String message) {
            if (spec.attributeError == TwimlError.SCHEMA_VALIDATION) {
                schema(offset, message);
            } else {
                report(finding(spec.attributeError, offset, message));
            }
        }

        private void schema(int offset, String message) {
            Severity severity = compliance == Compliance.STRICT ? Severity.ERROR : Severity.WARNING;
            report(new Finding(TwimlError.SCHEMA_VALIDATION, severity, message, xml.line(offset), xml.column(offset)));
        }

        private Finding finding(TwimlError error, int offset, String message) {
            return new Finding(error, Severity.ERROR, message, xml.line(offset), xml.column(offset));
        }
    }
}
