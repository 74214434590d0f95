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
        send(params, event, false);
    }

    /** The final callback: sent once, whatever path ended the call (a dialled leg, a call ended at restart). */
    synchronized void completed() {
        completed(new Params(), false);
    }

    /**
     * The final callback of a call whose run ends with it, with what else it says ({@code RecordingUrl}… of a call
     * recorded as a whole): returns once its first attempt is over (its line is on the timeline), so that a call no
     * longer {@link CallEngine#isLive live} has its final callback's line, as the timeline's {@code Wait} promises.
     */
    synchronized void completedAwaited(Params extra) {
        completed(extra, true);
    }

    private void completed(Params extra, boolean awaited) {
        if (completedSent) return;
        completedSent = true;
        if (settings.statusCallback().isEmpty() || !settings.statusCallbackEvents().contains("completed")) return;
        Params params = StandardParams.of(call, call.status().value());
        params.add("CallDuration", String.valueOf(call.duration().orElse(0L)));
        params.addAll(extra);
        send(params, "completed", awaited);
    }

    private void send(Params params, String event, boolean awaited) {
        params.add("CallbackSource", "call-progress-events")
            .add("SequenceNumber", String.valueOf(call.nextCallbackSequence()))
            .add("Timestamp", Rfc2822.format(context.clock().now()));
        String url = settings.statusCallback().get();
        if (awaited) {
            context.callbacks().sendAndAwait(call, url, settings.statusCallbackMethod(), params,
                WebhookPurpose.STATUS_CALLBACK, event);
        } else {
            context.callbacks().send(call, url, settings.statusCallbackMethod(), params, WebhookPurpose.STATUS_CALLBACK,
                event);
        }
    }
}
