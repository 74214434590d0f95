package dev.parley.engine.call;

import dev.parley.engine.webhook.WebhookOutcome;
import java.util.List;
import java.util.Optional;

/**
 * What the engine tells whoever watches it (metrics, structured logs) as calls happen. The engine calls it on the
 * call's own threads (and on the outbox's delivery threads), so an implementation must be quick and thread-safe
 * and must not throw. The engine knows no metrics library: the server implements this port (Micrometer, SLF4J).
 */
public interface CallObserver {

    /** Watches nothing. */
    CallObserver NONE = new CallObserver() {
    };

    /** A call was set up: inbound, from the Calls API, or a leg a verb dialled ({@link Call#direction()}). */
    default void callCreated(Call call) {
    }

    /**
     * A call's TwiML run has ended, its final status callback enqueued; or, at a restart, a call that was live when
     * Parley stopped was ended. Dialled legs end with their parent's verb.
     */
    default void callEnded(Call call) {
    }

    /**
     * A webhook went out and this came of it: each attempt of it, TwiML fetches as they are made and callbacks as
     * the outbox delivers them (perhaps after a restart, when the call is long over). Its Twilio code, if it got no
     * 2xx answer, is {@link WebhookPurpose#failureCode}.
     *
     * @param callSid the call it was for; every webhook the engine sends has one today
     */
    default void webhookSent(String accountSid, Optional<String> callSid, WebhookPurpose purpose, String url,
                             WebhookOutcome outcome) {
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
            public void webhookSent(String accountSid, Optional<String> callSid, WebhookPurpose purpose, String url,
                                    WebhookOutcome outcome) {
                each.forEach(o -> o.webhookSent(accountSid, callSid, purpose, url, outcome));
            }
        };
    }
}
