package dev.parley.twiml;

/** The Twilio error codes a TwiML document itself can earn. */
public enum TwimlError {
    RESPONSE_TOO_LARGE(11750, "TwiML response body too large"),
    DOCUMENT_PARSE_FAILURE(12100, "Document parse failure"),
    SCHEMA_VALIDATION(12200, "Schema validation warning"),
    CONVERSATION_ATTRIBUTES(32501, "Voice Conversation: TwiML attributes validation error");

    private final int code;
    private final String title;

    TwimlError(int code, String title) {
        this.code = code;
        this.title = title;
    }

    /** Twilio's numeric error code, e.g. 12100. */
    public int code() {
        return code;
    }

    /** Twilio's title for the code. */
    public String title() {
        return title;
    }
}
