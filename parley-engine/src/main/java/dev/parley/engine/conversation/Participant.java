package dev.parley.engine.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A participant of a conversation ({@code MB…}) with every field of Twilio's Participant JSON: {@code sid},
 * {@code account_sid}, {@code chat_service_sid}, {@code conversation_sid}, {@code identity}, {@code attributes}
 * ({@code "{}"} when not set), {@code messaging_binding}, {@code role_sid}, {@code date_created},
 * {@code date_updated}, {@code last_read_message_index}, {@code last_read_timestamp}.
 *
 * <p>In Frontline terms a participant with an identity is a worker (a chat user of the Frontline app), one with
 * an address is a customer.
 */
public record Participant(String sid, String accountSid, String chatServiceSid, String conversationSid,
                          Optional<String> identity, String attributes, Optional<MessagingBinding> messagingBinding,
                          Optional<String> roleSid, Instant dateCreated, Instant dateUpdated,
                          Optional<Integer> lastReadMessageIndex, Optional<String> lastReadTimestamp) {

    public Participant {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(chatServiceSid, "chatServiceSid");
        Objects.requireNonNull(conversationSid, "conversationSid");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(messagingBinding, "messagingBinding");
        Objects.requireNonNull(roleSid, "roleSid");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        Objects.requireNonNull(lastReadMessageIndex, "lastReadMessageIndex");
        Objects.requireNonNull(lastReadTimestamp, "lastReadTimestamp");
    }

    /** A chat participant: in Frontline, a worker. */
    public boolean isChat() {
        return identity.isPresent();
    }

    /** The customer's address ({@code messaging_binding.address}). */
    public Optional<String> address() {
        return messagingBinding.flatMap(MessagingBinding::address);
    }

    /** The Twilio number the customer talks to ({@code messaging_binding.proxy_address}). */
    public Optional<String> proxyAddress() {
        return messagingBinding.flatMap(MessagingBinding::proxyAddress);
    }

    /** Whether this participant holds the pair (address, proxy address). */
    public boolean holds(String address, String proxyAddress) {
        return messagingBinding.filter(b -> b.is(address, proxyAddress)).isPresent();
    }
}
