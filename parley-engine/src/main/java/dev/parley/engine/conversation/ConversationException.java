package dev.parley.engine.conversation;

/**
 * A rule of Twilio Conversations (or Frontline) refused an operation. Carries what Twilio's REST API answers
 * with, so the REST layer maps it 1:1 to {@code {"code", "message", "more_info", "status"}}.
 * {@link ConversationErrors} is the one place where the codes are defined.
 */
public final class ConversationException extends RuntimeException {

    private final int code;
    private final int status;

    public ConversationException(int code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    /** Twilio's error code, e.g. 50416. */
    public int code() {
        return code;
    }

    /** The HTTP status of Twilio's error response, e.g. 409. */
    public int status() {
        return status;
    }

    /** Twilio's {@code more_info} link for the code. */
    public String moreInfo() {
        return "https://www.twilio.com/docs/errors/" + code;
    }

    @Override
    public String toString() {
        return "ConversationException[" + code + " (" + status + "): " + getMessage() + "]";
    }
}
