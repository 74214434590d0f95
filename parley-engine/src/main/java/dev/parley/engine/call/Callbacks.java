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

    static final int HTTP_RETRIEVAL_FAILURE = 11200;

    private final CallContext context;
    private final Fetcher sender;

    Callbacks(CallContext context, Fetcher sender) {
        this.context = context;
        this.sender = sender;
    }

    void send(Call call, String url, HttpMethod method, Params params, WebhookPurpose purpose, String text) {
        send(call, url, method, params, purpose, text, HTTP_RETRIEVAL_FAILURE, "HTTP retrieval failure");
    }

    /**
     * Sends a callback whose error answers (non-2xx) Twilio reports with a code of their own, e.g. 32503 "Voice
     * Conversation: Callback event response error"; a request that fails to get an answer is still 11200.
     */
    void send(Call call, String url, HttpMethod method, Params params, WebhookPurpose purpose, String text,
              int errorAnswerCode, String errorAnswerTitle) {
        context.clock().spawn("callback-" + call.sid(), () -> {
            WebhookOutcome outcome = sender.sendWith(call, url, method, params, purpose, text);
            boolean answered = outcome instanceof WebhookOutcome.Delivered;
            boolean ok = outcome instanceof WebhookOutcome.Delivered d && d.status() >= 200 && d.status() < 300;
            if (!ok) {
                int code = answered ? errorAnswerCode : HTTP_RETRIEVAL_FAILURE;
                String title = answered ? errorAnswerTitle : "HTTP retrieval failure";
                context.alert(call, code, title + ": " + text + " callback " + Fetcher.describe(outcome),
                    Optional.of(url), Optional.of(method.name()));
            }
        });
    }
}
