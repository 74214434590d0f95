package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.Participant;
import dev.parley.server.http.Dates;
import dev.parley.server.v1.V1Links;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A participant as Twilio's JSON has it: {@code conversations.v1.service.service_conversation.
 * service_conversation_participant} on a service's path; on the default service's path the same without
 * {@code chat_service_sid} ({@code conversations.v1.conversation.conversation_participant}).
 */
final class ParticipantView {

    private ParticipantView() {
    }

    static String path(ServiceScope scope, Participant p) {
        return scope.conversationPath(p.conversationSid()) + "/Participants/" + p.sid();
    }

    static Map<String, Object> of(Context ctx, ServiceScope scope, Participant p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account_sid", p.accountSid());
        if (scope.explicit()) out.put("chat_service_sid", p.chatServiceSid());
        out.put("conversation_sid", p.conversationSid());
        out.put("sid", p.sid());
        out.put("identity", p.identity().orElse(null));
        out.put("attributes", p.attributes());
        out.put("messaging_binding", BindingView.compact(p.messagingBinding()));
        out.put("role_sid", p.roleSid().orElse(null));
        out.put("date_created", Dates.iso8601(p.dateCreated()));
        out.put("date_updated", Dates.iso8601(p.dateUpdated()));
        out.put("url", V1Links.url(ctx, path(scope, p)));
        out.put("last_read_message_index", p.lastReadMessageIndex().orElse(null));
        out.put("last_read_timestamp", p.lastReadTimestamp().orElse(null));
        return out;
    }
}
