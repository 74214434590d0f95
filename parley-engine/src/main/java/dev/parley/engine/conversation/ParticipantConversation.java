package dev.parley.engine.conversation;

import java.util.Objects;

/**
 * One item of Twilio's ParticipantConversations list: a participant and its conversation (the REST layer writes
 * {@code participant_*} and {@code conversation_*} fields from them; {@code participant_user_sid} is the
 * {@link Worker} of the identity, if any).
 */
public record ParticipantConversation(Participant participant, Conversation conversation) {

    public ParticipantConversation {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(conversation, "conversation");
    }
}
