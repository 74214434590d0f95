package dev.parley.engine.call;

import dev.parley.engine.webhook.TwimlFetch;
import dev.parley.engine.webhook.WebhookErrors;
import dev.parley.engine.webhook.WebhookOutcome;
import java.util.Optional;

/**
 * Why Parley sent a webhook: a small fixed set, so that what observes the engine (metrics, logs) can label by it,
 * and the one home of two rules that depend on it: the Twilio code a webhook without a 2xx answer earns
 * ({@link #failureCode}), and the text that names it on the timeline, in alerts and in the outbox
 * ({@link #text}, read back by {@link #ofText}).
 */
public enum WebhookPurpose {
    /** A TwiML fetch: the voice URL, a fallback, a redirect, or a verb's action whose TwiML runs. */
    TWIML("twiml", "twiml"),
    /** A verb's action requested after the call ended (or moved on to a live update's document): not run. */
    ACTION("action", "action (call ended)"),
    /** A call's {@code StatusCallback}. */
    STATUS_CALLBACK("status-callback", "status"),
    /** A {@code recordingStatusCallback}. */
    RECORDING_STATUS_CALLBACK("recording-status-callback", "recording status"),
    /** A {@code <Conversation statusCallback>}. */
    CONVERSATION_STATUS_CALLBACK("conversation-status-callback", "conversation status"),
    /**
     * A callback in the outbox whose text names none of the above: one written by another version of Parley
     * sharing the database. It is delivered by the rules of a callback.
     */
    CALLBACK("callback", "callback");

    /** Twilio's warning for a {@code <Conversation statusCallback>} answered with an error (non-2xx). */
    static final int CONVERSATION_CALLBACK_ERROR = 32503;

    private final String value;
    private final String label;

    WebhookPurpose(String value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The label for metrics and logs: lower case, dash-separated. */
    public String value() {
        return value;
    }

    /**
     * The Twilio code of a webhook for this purpose that got no 2xx answer; empty for a 2xx. A TwiML fetch earns
     * its HTTP failure's code ({@link TwimlFetch#httpFailureCode}: the transport's own, 11217 for a 4xx or 5xx,
     * 11200 for another status; what the document then holds may fail it later with a TwiML code). A callback, as
     * at Twilio, earns 11200 "HTTP retrieval failure" whatever failed, except a {@code <Conversation>} status
     * callback the app answered with an error: 32503 "Voice Conversation: Callback event response error".
     */
    public Optional<Integer> failureCode(WebhookOutcome outcome) {
        if (this == TWIML) return TwimlFetch.httpFailureCode(outcome);
        if (outcome instanceof WebhookOutcome.Delivered d && d.successful()) return Optional.empty();
        boolean answered = outcome instanceof WebhookOutcome.Delivered;
        return Optional.of(this == CONVERSATION_STATUS_CALLBACK && answered ? CONVERSATION_CALLBACK_ERROR
            : WebhookErrors.HTTP_RETRIEVAL_FAILURE);
    }

    /** What names a webhook of this purpose, with its detail (e.g. {@code status completed}); empty detail: none. */
    String text(String detail) {
        return detail.isEmpty() ? label : label + " " + detail;
    }

    /** The purpose a {@link #text} names; {@link #CALLBACK} when it names none. */
    static WebhookPurpose ofText(String text) {
        for (WebhookPurpose purpose : values()) {
            if (text.equals(purpose.label) || text.startsWith(purpose.label + " ")) return purpose;
        }
        return CALLBACK;
    }
}
