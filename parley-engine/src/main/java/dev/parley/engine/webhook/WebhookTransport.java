package dev.parley.engine.webhook;

/**
 * Sends a webhook to an app and brings back its response: the engine's port to HTTP. {@link HttpWebhookTransport}
 * is the real one; tests may route requests in memory.
 */
public interface WebhookTransport {

    /**
     * Sends the request, following redirects and retrying as its {@link ConnectionOverrides} say, and blocks
     * until the outcome (at most the total timeout). Safe to call from many (virtual) threads at once. Never
     * throws for anything the network or the app does: that is a {@link WebhookOutcome.Failed}.
     */
    WebhookOutcome send(WebhookRequest request);
}
