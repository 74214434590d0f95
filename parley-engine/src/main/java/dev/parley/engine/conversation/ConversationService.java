package dev.parley.engine.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A Conversations Service ({@code IS…}): the container of conversations that {@code <Conversation
 * serviceInstanceSid>} names. The fields are those of Twilio's Service JSON, plus {@link #routing()}, Frontline's
 * routing setting for its conversations (not part of that JSON).
 */
public record ConversationService(String sid, String accountSid, String friendlyName, Instant dateCreated,
                                  Instant dateUpdated, Routing routing) {

    public ConversationService {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        Objects.requireNonNull(routing, "routing");
    }

    public ConversationService withRouting(Routing newRouting, Instant now) {
        return new ConversationService(sid, accountSid, friendlyName, dateCreated, now, newRouting);
    }
}
