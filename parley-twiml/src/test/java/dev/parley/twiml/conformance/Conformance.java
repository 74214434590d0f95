package dev.parley.twiml.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.twiml.ParseResult;
import dev.parley.twiml.TwimlParser;
import dev.parley.twiml.VoiceResponse;

/** The check every conformance test makes: a document parses, without findings, to the expected model. */
final class Conformance {

    private Conformance() {
    }

    /**
     * Asserts that {@code xml} parses leniently with no finding at all (no error, no warning) into exactly
     * {@code expected}.
     *
     * @param source what wrote the XML ("twilio-java", "the page"…) and which document it is, for the message
     */
    static void assertParsesTo(String source, String xml, VoiceResponse expected) {
        ParseResult result = TwimlParser.lenient().parse(xml);
        assertThat(result.findings())
            .as("findings for %s:%n%s", source, xml)
            .isEmpty();
        assertThat(result.response())
            .as("model read from %s:%n%s%nexpected the model Parley writes as:%n%s", source, xml, expected.toXml())
            .contains(expected);
    }
}
