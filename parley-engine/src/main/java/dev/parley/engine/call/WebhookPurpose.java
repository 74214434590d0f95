package dev.parley.engine.call;

/**
 * Why Parley sent a webhook: a small fixed set, so that what observes the engine (metrics, logs) can label by it.
 * The timeline keeps the longer text (e.g. {@code status completed}).
 */
public enum WebhookPurpose {
    /** A TwiML fetch: the voice URL, a fallback, a redirect, or a verb's action whose TwiML runs. */
    TWIML("twiml"),
    /** A verb's action requested after the call ended: its TwiML is not run. */
    ACTION("action"),
    /** A call's {@code StatusCallback}. */
    STATUS_CALLBACK("status-callback"),
    /** A {@code recordingStatusCallback}. */
    RECORDING_STATUS_CALLBACK("recording-status-callback"),
    /** A {@code <Conversation statusCallback>}. */
    CONVERSATION_STATUS_CALLBACK("conversation-status-callback");

    private final String value;

    WebhookPurpose(String value) {
        this.value = value;
    }

    /** The label: lower case, dash-separated. */
    public String value() {
        return value;
    }
}
