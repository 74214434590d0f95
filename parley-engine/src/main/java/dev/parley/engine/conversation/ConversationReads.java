package dev.parley.engine.conversation;

import java.util.List;
import java.util.Optional;

/**
 * What can be read from a {@link ConversationStore}. Lists come in creation order. Lookups by SID are global
 * (SIDs are unique); callers check the account. Conversations come as stored: callers {@link Conversation#settled
 * settle} them.
 */
public interface ConversationReads {

    Optional<ConversationService> service(String sid);

    List<ConversationService> services(String accountSid);

    /** The account's default Conversations Service (Twilio's {@code default_chat_service_sid}). */
    Optional<String> defaultServiceSid(String accountSid);

    Optional<Conversation> conversation(String sid);

    Optional<Conversation> conversationByUniqueName(String chatServiceSid, String uniqueName);

    List<Conversation> conversations(String chatServiceSid);

    Optional<Participant> participant(String sid);

    List<Participant> participants(String conversationSid);

    /** Participants whose {@code messaging_binding.address} is this, in any conversation of the account. */
    List<Participant> participantsByAddress(String accountSid, String address);

    /** Chat participants with this identity in any conversation of the service. */
    List<Participant> participantsByIdentity(String chatServiceSid, String identity);

    Optional<Worker> worker(String sid);

    Optional<Worker> workerByIdentity(String accountSid, String identity);

    List<Worker> workers(String accountSid);
}
