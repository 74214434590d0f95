package dev.parley.engine.call;

import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.Rfc2822;

/**
 * Call progress callbacks of one call (reference §5.3): the standard parameters plus {@code CallbackSource},
 * {@code SequenceNumber} (from 0, per call), {@code Timestamp} (RFC 2822), and on completion
 * {@code CallDuration}. Only subscribed events are sent; the final one at most once. The sequence counts on in the
 * call, so that a call ended at restart sends its final callback with the next number.
 */
final class StatusCallbacks {

    private final CallContext context;
    private final Call call;
    private final CallSettings settings;
    private boolean completedSent;

    /** The call's status callbacks; the call (and so the store) keeps where they go and their sequence. */
    StatusCallbacks(CallContext context, Call call, CallSettings settings) {
        this.context = context;
        this.call = call;
        this.settings = settings;
        call.settings(settings);
    }

    /** A progress event ({@code initiated}, {@code ringing}, {@code answered}) with the CallStatus to report. */
    synchronized void event(String event, String callStatus) {
        if (settings.statusCallback().isEmpty() || !settings.statusCallbackEvents().contains(event)) return;
        Params params = StandardParams.of(call, callStatus);
        send(params, event);
    }

    /** The final callback: sent once, whatever path ended the call. */
    synchronized void completed() {
        if (completedSent) return;
        completedSent = true;
        if (settings.statusCallback().isEmpty() || !settings.statusCallbackEvents().contains("completed")) return;
        Params params = StandardParams.of(call, call.status().value());
        params.add("CallDuration", String.valueOf(call.duration().orElse(0L)));
        send(params, "completed");
    }

    private void send(Params params, String event) {
        params.add("CallbackSource", "call-progress-events")
            .add("SequenceNumber", String.valueOf(call.nextCallbackSequence()))
            .add("Timestamp", Rfc2822.format(context.clock().now()));
        context.callbacks().send(call, settings.statusCallback().get(), settings.statusCallbackMethod(), params,
            WebhookPurpose.STATUS_CALLBACK, event);
    }
}
