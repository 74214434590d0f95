package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationBindings;
import dev.parley.engine.conversation.ConversationTimers;
import dev.parley.server.http.Dates;
import dev.parley.server.v1.V1Links;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A conversation as Twilio's JSON has it ({@code conversations.v1.conversation}, the same on the service path).
 * {@code timers} holds the dates still to come, {@code {}} when none (as in Twilio's examples), and so does
 * {@code bindings}: {@code {"email": {"address", "name"}}} when {@code Bindings.Email.*} were set.
 */
record ConversationView(String sid, String accountSid, String chatServiceSid, String messagingServiceSid,
                        String friendlyName, String uniqueName, String attributes, String dateCreated,
                        String dateUpdated, String state, Map<String, String> timers, Map<String, Object> bindings,
                        String url, Map<String, String> links) {

    static ConversationView of(Context ctx, ServiceScope scope, Conversation c) {
        String url = V1Links.url(ctx, scope.conversationPath(c.sid()));
        Map<String, String> links = new LinkedHashMap<>();
        for (String link : new String[] {"participants", "messages", "webhooks", "export"}) {
            links.put(link, url + "/" + Character.toUpperCase(link.charAt(0)) + link.substring(1));
        }
        return new ConversationView(c.sid(), c.accountSid(), c.chatServiceSid(), c.messagingServiceSid().orElse(null),
            c.friendlyName().orElse(null), c.uniqueName().orElse(null), c.attributes(), Dates.iso8601(c.dateCreated()),
            Dates.iso8601(c.dateUpdated()), c.state().value(), timers(c.timers()), bindings(c.bindings()), url, links);
    }

    /** Twilio's {@code timers}: {@code date_inactive} and {@code date_closed} while they are still to come. */
    static Map<String, String> timers(ConversationTimers timers) {
        Map<String, String> out = new LinkedHashMap<>();
        timers.dateInactive().ifPresent(at -> out.put("date_inactive", Dates.iso8601(at)));
        timers.dateClosed().ifPresent(at -> out.put("date_closed", Dates.iso8601(at)));
        return out;
    }

    private static Map<String, Object> bindings(ConversationBindings bindings) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (bindings.isEmpty()) return out;
        Map<String, String> email = new LinkedHashMap<>();
        email.put("address", bindings.emailAddress().orElse(null));
        email.put("name", bindings.emailName().orElse(null));
        out.put("email", email);
        return out;
    }
}
