package dev.parley.engine.call;

import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.WebhookOutcome;
import dev.parley.twiml.HttpMethod;
import java.util.Optional;

/**
 * Requests whose answer is not TwiML (status and recording callbacks): sent on a thread of their own, so the
 * call goes on; a failure or an error status is alert 11200, as at Twilio, and does not affect the call.
 */
final class Callbacks {

    private final CallContext context;
    private final Fetcher sender;

    Callbacks(CallContext context, Fetcher sender) {
        this.context = context;
        this.sender = sender;
    }

    void send(Call call, String url, HttpMethod method, Params params, String purpose) {
        context.clock().spawn("callback-" + call.sid(), () -> {
            WebhookOutcome outcome = sender.sendWith(call, url, method, params, purpose);
            boolean ok = outcome instanceof WebhookOutcome.Delivered d && d.status() >= 200 && d.status() < 300;
            if (!ok) {
                context.alert(call, 11200, "HTTP retrieval failure: " + purpose + " callback " + Fetcher.describe(outcome),
                    Optional.of(url), Optional.of(method.name()));
            }
        });
    }
}
