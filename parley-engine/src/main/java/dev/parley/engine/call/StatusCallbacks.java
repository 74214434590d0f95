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
        send(numbered(StandardParams.of(call, callStatus)), event);
    }

    /** The final callback: sent once, whatever path ended the call (a dialled leg, a call ended at restart). */
    synchronized void completed() {
        Params params = finalParams(new Params());
        if (params != null) send(params, "completed");
    }

    /**
     * The final callback of a call whose run ends with it, with what else it says ({@code RecordingUrl}… of a call
     * recorded as a whole): returns once its first attempt is over (its line is on the timeline), so that a call no
     * longer {@link CallEngine#isLive live} has its final callback's line, as the timeline's {@code Wait} promises.
     * The wait is outside this object's lock: a virtual thread must not block holding a monitor (on JDK 21 it would
     * pin its carrier thread for as long as the app takes to answer).
     */
    void completedAwaited(Params extra) {
        Params params;
        synchronized (this) {
            params = finalParams(extra);
        }
        if (params == null) return;
        context.callbacks().sendAndAwait(call, settings.statusCallback().get(), settings.statusCallbackMethod(), params,
            WebhookPurpose.STATUS_CALLBACK, "completed");
    }

    /** The final callback's parameters, numbered; null when it was sent already or is not asked for. */
    private Params finalParams(Params extra) {
        if (completedSent) return null;
        completedSent = true;
        if (settings.statusCallback().isEmpty() || !settings.statusCallbackEvents().contains("completed")) return null;
        Params params = StandardParams.of(call, call.status().value());
        params.add("CallDuration", String.valueOf(call.duration().orElse(0L)));
        params.addAll(extra);
        return numbered(params);
    }

    private Params numbered(Params params) {
        return params.add("CallbackSource", "call-progress-events")
            .add("SequenceNumber", String.valueOf(call.nextCallbackSequence()))
            .add("Timestamp", Rfc2822.format(context.clock().now()));
    }

    private void send(Params params, String event) {
        context.callbacks().send(call, settings.statusCallback().get(), settings.statusCallbackMethod(), params,
            WebhookPurpose.STATUS_CALLBACK, event);
    }
}
