package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.Frontline;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.V1Resource;
import java.util.List;

/**
 * Twilio's Conversations v1 API ({@code conversations.twilio.com}): Services, Conversations and Participants (on a
 * named service and on the account's default one), ParticipantConversations, and the account's Configuration,
 * over the conversations domain.
 */
public final class ConversationsApi {

    private ConversationsApi() {
    }

    public static List<V1Resource> resources(Frontline frontline, Owners owners) {
        return List.of(
            new ServicesRoutes(frontline.services(), owners),
            new ConfigurationRoutes(frontline.services(), owners),
            new ConversationsRoutes(frontline.conversations(), frontline.services(), owners),
            new ParticipantsRoutes(frontline.participants(), frontline.services(), owners),
            new ParticipantConversationsRoutes(frontline.participants(), frontline.workers(), frontline.services(),
                owners));
    }
}
