package dev.parley.engine.store;

import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.WebhookRequest;
import dev.parley.twiml.HttpMethod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A callback that must not be lost (status, recording status, action), as it goes into the outbox: everything of
 * its {@link WebhookRequest} but the auth token. The request is signed when it is sent, with the account's token
 * of that moment (as Twilio signs with the current token), so no secret is copied into the outbox.
 *
 * @param purpose          what the callback is, for the timeline and alerts (e.g. {@code status completed})
 * @param idempotencyToken {@code I-Twilio-Idempotency-Token}: the same on every attempt, across restarts; a second
 *                         enqueue with the same token is the same entry
 */
public record PendingWebhook(String accountSid, Optional<String> callSid, String purpose, HttpMethod method,
                             String url, Params params, Map<String, String> headers, String idempotencyToken) {

    public PendingWebhook {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        params = Objects.requireNonNull(params, "params").copy();
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(idempotencyToken, "idempotencyToken");
    }

    /** The callback of this request, made for an account's call (or for the account alone). */
    public static PendingWebhook of(String accountSid, Optional<String> callSid, String purpose,
                                    WebhookRequest request) {
        return new PendingWebhook(accountSid, callSid, purpose, request.method(), request.url(), request.params(),
            request.headers(), request.idempotencyToken());
    }

    /** A copy of the parameters. */
    @Override
    public Params params() {
        return params.copy();
    }

    /** The request to send, signed with the account's current auth token. */
    public WebhookRequest request(String authToken) {
        return new WebhookRequest(method, url, params, authToken, idempotencyToken, headers);
    }
}
