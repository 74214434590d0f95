package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.Participant;
import dev.parley.engine.conversation.ParticipantConversation;
import dev.parley.server.http.Dates;
import dev.parley.server.v1.V1Links;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One item of Twilio's ParticipantConversations list ({@code conversations.v1.participant_conversation}).
 * {@code participant_user_sid} is the Frontline user ({@code US…}) of the participant's identity, if there is one;
 * {@code conversation_created_by} is null: Parley's conversations are created through the API or by a call.
 */
record ParticipantConversationView(String accountSid, String chatServiceSid, String participantSid,
                                   String participantUserSid, String participantIdentity,
                                   Map<String, String> participantMessagingBinding, String conversationSid,
                                   String conversationUniqueName, String conversationFriendlyName,
                                   String conversationAttributes, String conversationDateCreated,
                                   String conversationDateUpdated, String conversationCreatedBy,
                                   String conversationState, Map<String, String> conversationTimers,
                                   Map<String, String> links) {

    static ParticipantConversationView of(Context ctx, ServiceScope scope, ParticipantConversation pc,
                                          Optional<String> userSid) {
        Participant p = pc.participant();
        Conversation c = pc.conversation();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("participant", V1Links.url(ctx, ParticipantView.path(scope, p)));
        links.put("conversation", V1Links.url(ctx, scope.conversationPath(c.sid())));
        return new ParticipantConversationView(p.accountSid(), p.chatServiceSid(), p.sid(), userSid.orElse(null),
            p.identity().orElse(null), BindingView.full(p.messagingBinding()), c.sid(), c.uniqueName().orElse(null),
            c.friendlyName().orElse(null), c.attributes(), Dates.iso8601(c.dateCreated()), Dates.iso8601(c.dateUpdated()),
            null, c.state().value(), ConversationView.timers(c.timers()), links);
    }
}
