package dev.parley.engine.call;

import dev.parley.engine.clock.Mailbox;
import dev.parley.engine.store.Outbox;
import dev.parley.engine.store.PendingWebhook;
import dev.parley.engine.webhook.WebhookErrors;
import dev.parley.engine.webhook.ConnectionOverrides;
import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.Timeouts;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Requests whose answer is not TwiML and that must not be lost: status and recording status callbacks, and the
 * action requests of a call that is already over. Each goes into the store's {@link Outbox} with its own
 * idempotency token before anything is sent, so that a restart still delivers it; {@link CallbackDelivery} sends
 * it, and the call goes on meanwhile.
 */
final class Callbacks {

    /**
     * How much longer than the request's total timeout {@link #sendAndAwait} waits at most: for when the callback is
     * not delivered by this node (another node claimed it, or delivery has stopped) and this one is never told.
     */
    static final Duration WAIT_MARGIN = Duration.ofSeconds(15);

    /** The purpose of a {@code <Conversation statusCallback>} request (followed by its {@code Status}). */
    static final String CONVERSATION_STATUS = "conversation status ";
    static final int CONVERSATION_CALLBACK_ERROR = 32503;

    private final CallContext context;
    private final Outbox outbox;
    private final CallbackDelivery delivery;

    Callbacks(CallContext context, Outbox outbox, CallbackDelivery delivery) {
        this.context = context;
        this.outbox = outbox;
        this.delivery = delivery;
    }

    void send(Call call, String url, HttpMethod method, Params params, String purpose) {
        enqueue(call, url, method, params, purpose, context.sids().secret());
    }

    /**
     * Sends a callback and waits until its first attempt is over (at most its total timeout and a margin): for an
     * action request that must not be lost but comes, as before, ahead of what the call does next (e.g. the document
     * a live update brought).
     */
    void sendAndAwait(Call call, String url, HttpMethod method, Params params, String purpose) {
        String token = context.sids().secret();
        Mailbox<Boolean> delivered = context.clock().mailbox();
        delivery.onFirstAttempt(token, delivered);
        try {
            enqueue(call, url, method, params, purpose, token);
            Duration total = ConnectionOverrides.parse(url, Timeouts.TWILIO).totalTimeout();
            delivered.poll(context.clock().now().plus(total).plus(WAIT_MARGIN));
        } finally {
            delivery.onFirstAttempt(token, null);
        }
    }

    private void enqueue(Call call, String url, HttpMethod method, Params params, String purpose, String token) {
        outbox.enqueue(new PendingWebhook(call.accountSid(), Optional.of(call.sid()), purpose, method, url, params,
            Map.of(), token), context.clock().now());
        delivery.wake();
    }

    /**
     * Twilio's alert code for a callback the app answered with an error (non-2xx): 32503 "Voice Conversation:
     * Callback event response error" (a warning) for a {@code <Conversation>} status callback, else 11200. A request
     * that got no answer at all is 11200 whatever its purpose.
     */
    static int errorAnswerCode(String purpose) {
        return purpose.startsWith(CONVERSATION_STATUS) ? CONVERSATION_CALLBACK_ERROR : WebhookErrors.HTTP_RETRIEVAL_FAILURE;
    }

    /** The title of an alert this class raises. */
    static String title(int code) {
        return code == CONVERSATION_CALLBACK_ERROR ? "Voice Conversation: Callback event response error"
            : "HTTP retrieval failure";
    }
}
