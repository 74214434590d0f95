package dev.parley.twiml;

/**
 * One problem found in a TwiML document: Twilio's error code, how serious it is, a message, and where
 * (1-based line and column; 0 when the problem is about the document as a whole).
 */
public record Finding(TwimlError error, Severity severity, String message, int line, int column) {

    public int code() {
        return error.code();
    }

    /** {@code line:col CODE message}, as {@code parley twiml validate} prints it. */
    @Override
    public String toString() {
        return line + ":" + column + " " + error.code() + " " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
