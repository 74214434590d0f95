package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.ConversationService;
import dev.parley.server.http.Dates;
import dev.parley.server.v1.V1Links;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Conversations Service as Twilio's JSON has it ({@code conversations.v1.service}). */
record ServiceView(String accountSid, String sid, String friendlyName, String dateCreated, String dateUpdated,
                   String url, Map<String, String> links) {

    private static final String[][] LINKS = {
        {"conversations", "/Conversations"}, {"users", "/Users"}, {"roles", "/Roles"}, {"bindings", "/Bindings"},
        {"configuration", "/Configuration"}, {"participant_conversations", "/ParticipantConversations"},
        {"conversation_with_participants", "/ConversationWithParticipants"}};

    static String path(String serviceSid) {
        return "/v1/Services/" + serviceSid;
    }

    static ServiceView of(Context ctx, ConversationService s) {
        String url = V1Links.url(ctx, path(s.sid()));
        Map<String, String> links = new LinkedHashMap<>();
        for (String[] link : LINKS) links.put(link[0], url + link[1]);
        return new ServiceView(s.accountSid(), s.sid(), s.friendlyName(), Dates.iso8601(s.dateCreated()),
            Dates.iso8601(s.dateUpdated()), url, links);
    }
}
