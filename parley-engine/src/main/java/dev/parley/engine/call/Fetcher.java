package dev.parley.engine.call;

import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.TwimlFetch;
import dev.parley.engine.webhook.WebhookOutcome;
import dev.parley.engine.webhook.WebhookRequest;
import dev.parley.engine.webhook.WebhookTransport;
import dev.parley.twiml.Finding;
import dev.parley.twiml.HttpMethod;
import dev.parley.twiml.ParseResult;
import dev.parley.twiml.TwimlParser;
import java.util.Optional;

/**
 * Asks the app for TwiML on behalf of a call: the standard parameters plus the verb's, signed, with every
 * request and its outcome on the timeline and every failure as an alert with Twilio's code.
 */
final class Fetcher {

    private final CallContext context;
    private final WebhookTransport transport;

    Fetcher(CallContext context, WebhookTransport transport) {
        this.context = context;
        this.transport = transport;
    }

    Fetched fetch(CallRun run, TwimlSource source) {
        return switch (source) {
            case TwimlSource.Inline inline -> inline(run, inline.twiml());
            case TwimlSource.Url url -> url(run, url);
        };
    }

    private Fetched inline(CallRun run, String twiml) {
        ParseResult result = TwimlParser.lenient().parse(twiml);
        warn(run, result, Optional.empty());
        if (!result.runnable()) {
            Finding error = result.firstError().orElseThrow();
            context.alert(run.call, error.code(), error.toString(), Optional.empty(), Optional.empty());
            return new Fetched.Error(error.code(), error.message());
        }
        return new Fetched.Ok(new Document(result.response().orElseThrow(), Optional.empty()));
    }

    private Fetched url(CallRun run, TwimlSource.Url source) {
        WebhookOutcome outcome = send(run.call, source.url(), source.method(), source.extra());
        TwimlFetch.Result result = TwimlFetch.interpret(outcome, source.url());
        return switch (result) {
            case TwimlFetch.Runnable ok -> {
                for (Finding warning : ok.warnings()) {
                    context.alert(run.call, warning.code(), warning.toString(), Optional.of(source.url()),
                        Optional.of(source.method().name()));
                }
                yield new Fetched.Ok(new Document(ok.document(), Optional.of(ok.documentUrl())));
            }
            case TwimlFetch.Failure failure -> {
                context.alert(run.call, failure.errorCode(), failure.message(), Optional.of(source.url()),
                    Optional.of(source.method().name()));
                yield new Fetched.Error(failure.errorCode(), failure.message());
            }
        };
    }

    /**
     * An action request for a call that has ended (or moved on to a live update's document): what it returns is not
     * run, so it goes out as a callback, through the outbox, and survives a restart. The call waits for it as for
     * any request it makes.
     */
    void requestIgnoringTwiml(CallRun run, String url, HttpMethod method, Params extra) {
        Params params = StandardParams.of(run.call);
        params.addAll(extra);
        context.callbacks().sendAndAwait(run.call, url, method, params, WebhookPurpose.ACTION, "");
    }

    /** A TwiML request: the standard parameters and the verb's, signed, on the timeline and told the observer. */
    private WebhookOutcome send(Call call, String url, HttpMethod method, Params extra) {
        Params params = StandardParams.of(call);
        params.addAll(extra);
        WebhookRequest request = WebhookRequest.of(method, url, params, context.authToken(call.accountSid()))
            .withIdempotencyToken(context.sids().secret());
        WebhookOutcome outcome = transport.send(request);
        context.observer().webhookSent(call.accountSid(), Optional.of(call.sid()), WebhookPurpose.TWIML, url,
            outcome);
        context.timeline().add(context.clock().now(), call, "webhook",
            WebhookPurpose.TWIML.text("") + " " + method + " " + url + " -> " + describe(outcome));
        return outcome;
    }

    static String describe(WebhookOutcome outcome) {
        return switch (outcome) {
            case WebhookOutcome.Delivered d -> d.status() + " in " + d.latency().toMillis() + " ms";
            case WebhookOutcome.Failed f -> "failed " + f.twilioErrorCode() + " after " + f.latency().toMillis() + " ms";
        };
    }

    private void warn(CallRun run, ParseResult result, Optional<String> url) {
        for (Finding warning : result.warnings()) {
            context.alert(run.call, warning.code(), warning.toString(), url, Optional.empty());
        }
    }
}
