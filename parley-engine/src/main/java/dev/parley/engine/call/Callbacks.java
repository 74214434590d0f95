package dev.parley.engine.call;

import dev.parley.engine.clock.Mailbox;
import dev.parley.engine.store.Outbox;
import dev.parley.engine.store.PendingWebhook;
import dev.parley.engine.webhook.ConnectionOverrides;
import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.Timeouts;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Requests whose answer is not TwiML and that must not be lost: status, recording status and conversation status
 * callbacks, and the action requests of a call that is already over. Each goes into the store's {@link Outbox}
 * with its own idempotency token before anything is sent, so that a restart still delivers it; {@link
 * CallbackDelivery} sends it, and the call goes on meanwhile. The outbox keeps its {@link WebhookPurpose} in its
 * text (e.g. {@code status completed}), which delivery reads back.
 */
final class Callbacks {

    /**
     * How much longer than the request's total timeout {@link #sendAndAwait} waits at most: for when the callback is
     * not delivered by this node (another node claimed it, or delivery has stopped) and this one is never told.
     */
    static final Duration WAIT_MARGIN = Duration.ofSeconds(15);

    private final CallContext context;
    private final Outbox outbox;
    private final CallbackDelivery delivery;

    Callbacks(CallContext context, Outbox outbox, CallbackDelivery delivery) {
        this.context = context;
        this.outbox = outbox;
        this.delivery = delivery;
    }

    /** Sends a callback; {@code detail} follows its purpose on the timeline (e.g. the event: {@code completed}). */
    void send(Call call, String url, HttpMethod method, Params params, WebhookPurpose purpose, String detail) {
        enqueue(call, url, method, params, purpose.text(detail), context.sids().secret());
    }

    /**
     * Sends a callback and waits until its first attempt is over (at most its total timeout and a margin): for an
     * action request that must not be lost but comes, as before, ahead of what the call does next (e.g. the document
     * a live update brought), and for a call's final status callback, which its run sends last.
     */
    void sendAndAwait(Call call, String url, HttpMethod method, Params params, WebhookPurpose purpose, String detail) {
        String token = context.sids().secret();
        Mailbox<Boolean> delivered = context.clock().mailbox();
        delivery.onFirstAttempt(token, delivered);
        try {
            enqueue(call, url, method, params, purpose.text(detail), token);
            Duration total = ConnectionOverrides.parse(url, Timeouts.TWILIO).totalTimeout();
            delivered.poll(context.clock().now().plus(total).plus(WAIT_MARGIN));
        } finally {
            delivery.onFirstAttempt(token, null);
        }
    }

    private void enqueue(Call call, String url, HttpMethod method, Params params, String text, String token) {
        outbox.enqueue(new PendingWebhook(call.accountSid(), Optional.of(call.sid()), text, method, url, params,
            Map.of(), token), context.clock().now());
        delivery.wake();
    }

    /** The title of an alert a callback raises, by its code ({@link WebhookPurpose#failureCode}). */
    static String title(int code) {
        return code == WebhookPurpose.CONVERSATION_CALLBACK_ERROR ? "Voice Conversation: Callback event response error"
            : "HTTP retrieval failure";
    }
}
