package dev.parley.twiml;

import java.util.List;
import java.util.Optional;

/**
 * What parsing a TwiML document found: the document as data (absent when it could not be read at all) and
 * every finding, in document order.
 */
public record ParseResult(Optional<VoiceResponse> response, List<Finding> findings) {

    public ParseResult {
        findings = List.copyOf(findings);
    }

    /** Whether the document would run: it was read and no finding is an error (warnings are fine). */
    public boolean runnable() {
        return response.isPresent() && errors().isEmpty();
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** The first error, which decides the alert Twilio would raise for a document that does not run. */
    public Optional<Finding> firstError() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).findFirst();
    }
}
