package dev.parley.twiml;

/**
 * How the parser treats TwiML that Twilio would run with a schema warning (12200): an unknown verb,
 * attribute or nesting, or an attribute value it cannot use.
 */
public enum Compliance {
    /** Twilio's behaviour: report a 12200 warning, skip the offending element or attribute, run the rest. */
    LENIENT,
    /** For CI of TwiML apps: every 12200 finding is an error and the document does not run. */
    STRICT
}
