package dev.parley.engine.call;

import dev.parley.engine.webhook.WebhookErrors;
import dev.parley.engine.webhook.WebhookOutcome;
import java.util.List;
import java.util.Optional;

/**
 * What the engine tells whoever watches it (metrics, structured logs) as calls happen. The engine calls it on the
 * call's own threads, so an implementation must be quick and thread-safe and must not throw. The engine knows no
 * metrics library: the server implements this port (Micrometer, SLF4J).
 */
public interface CallObserver {

    /** Watches nothing. */
    CallObserver NONE = new CallObserver() {
    };

    /** A call was set up: inbound, from the Calls API, or a leg a verb dialled ({@link Call#direction()}). */
    default void callCreated(Call call) {
    }

    /** A call's TwiML run has ended, its final status callback sent. Dialled legs end with their parent's verb. */
    default void callEnded(Call call) {
    }

    /** A webhook for the call went out and this came of it. */
    default void webhookSent(Call call, WebhookPurpose purpose, String url, WebhookOutcome outcome) {
    }

    /** Tells each observer in turn. */
    static CallObserver all(List<CallObserver> observers) {
        List<CallObserver> each = List.copyOf(observers);
        return new CallObserver() {
            @Override
            public void callCreated(Call call) {
                each.forEach(o -> o.callCreated(call));
            }

            @Override
            public void callEnded(Call call) {
                each.forEach(o -> o.callEnded(call));
            }

            @Override
            public void webhookSent(Call call, WebhookPurpose purpose, String url, WebhookOutcome outcome) {
                each.forEach(o -> o.webhookSent(call, purpose, url, outcome));
            }
        };
    }

    /**
     * The Twilio code of a webhook that got no usable answer, by the transport's outcome alone: the failure's own
     * code; 11217 for a 4xx or 5xx answer; 11200 for another non-2xx. Empty for a 2xx. (What the call then
     * reports may differ by purpose, e.g. 32503 for a conversation callback; this is the HTTP view.)
     */
    static Optional<Integer> failureCode(WebhookOutcome outcome) {
        return switch (outcome) {
            case WebhookOutcome.Failed f -> Optional.of(f.twilioErrorCode());
            case WebhookOutcome.Delivered d when d.successful() -> Optional.empty();
            case WebhookOutcome.Delivered d when d.status() >= 400 && d.status() < 600 ->
                Optional.of(WebhookErrors.HTTP_ERROR_RESPONSE);
            case WebhookOutcome.Delivered d -> Optional.of(WebhookErrors.HTTP_RETRIEVAL_FAILURE);
        };
    }
}
