package dev.parley.engine.session;

import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.Rfc2822;
import java.util.HashSet;
import java.util.Set;

/**
 * The session's {@code statusCallback}: one request per subscribed event of the dialled leg ({@code call-initiated},
 * {@code call-ringing}, {@code call-answered}, {@code call-completed}) with exactly the seed page's parameters:
 * {@code AccountSid}, {@code ConversationSid}, {@code DialCallSid}, {@code WorkerInitiated}, {@code Status} (the
 * event), {@code SequenceNumber} (1 for the session's first request sent, then 2, ...), {@code Timestamp} (RFC 2822,
 * when the request is made) and {@code CallbackSource=voice-conversation-service}. Unlike call progress callbacks
 * they carry no standard call parameters. Each event is sent at most once.
 */
final class SessionStatusCallbacks {

    static final String CALLBACK_SOURCE = "voice-conversation-service";

    private final SessionContext context;
    private final SessionSettings settings;
    private final boolean workerInitiated;
    private final Set<String> sent = new HashSet<>();
    private int sequence;

    SessionStatusCallbacks(SessionContext context, SessionSettings settings, boolean workerInitiated) {
        this.context = context;
        this.settings = settings;
        this.workerInitiated = workerInitiated;
    }

    void event(String status, String conversationSid, String dialCallSid) {
        if (settings.statusCallback().isEmpty() || !settings.statusCallbackEvents().contains(status) || !sent.add(status)) {
            return;
        }
        Params params = Params.of("AccountSid", context.accountSid(), "ConversationSid", conversationSid,
            "DialCallSid", dialCallSid, "WorkerInitiated", String.valueOf(workerInitiated), "Status", status,
            "SequenceNumber", String.valueOf(++sequence), "Timestamp", Rfc2822.format(context.now()),
            "CallbackSource", CALLBACK_SOURCE);
        context.sendStatusCallback(settings.statusCallback().get(), settings.statusCallbackMethod(), params);
    }
}
