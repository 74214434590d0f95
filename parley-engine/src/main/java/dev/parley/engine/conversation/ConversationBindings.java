package dev.parley.engine.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * A conversation's {@code bindings}: the default email sender ({@code Bindings.Email.Address},
 * {@code Bindings.Email.Name}). Twilio writes {@code null} when neither is set.
 */
public record ConversationBindings(Optional<String> emailAddress, Optional<String> emailName) {

    public static final ConversationBindings NONE = new ConversationBindings(Optional.empty(), Optional.empty());

    public ConversationBindings {
        Objects.requireNonNull(emailAddress, "emailAddress");
        Objects.requireNonNull(emailName, "emailName");
    }

    public boolean isEmpty() {
        return emailAddress.isEmpty() && emailName.isEmpty();
    }
}
