package dev.parley.engine.conversation;

import java.util.Optional;

/**
 * The state of a conversation (Twilio "States and Timers"): {@code active} by default; {@code inactive} can be
 * reactivated; {@code closed} is final and releases the conversation's address pairs. Twilio's fourth state,
 * {@code initializing}, only exists while a ConversationWithParticipants is being built, which Parley does not
 * offer.
 */
public enum ConversationState {
    ACTIVE("active"),
    INACTIVE("inactive"),
    CLOSED("closed");

    private final String value;

    ConversationState(String value) {
        this.value = value;
    }

    /** The value as Twilio writes it. */
    public String value() {
        return value;
    }

    /** The state named by Twilio's value, e.g. {@code inactive}. */
    public static Optional<ConversationState> of(String value) {
        for (ConversationState state : values()) {
            if (state.value.equals(value)) return Optional.of(state);
        }
        return Optional.empty();
    }
}
