package dev.parley.engine.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of Twilio's Conversation create and update requests, one field each: {@code FriendlyName},
 * {@code UniqueName}, {@code Attributes}, {@code MessagingServiceSid}, {@code DateCreated}, {@code DateUpdated},
 * {@code State}, {@code Timers.Inactive}, {@code Timers.Closed} (ISO 8601 durations, as sent),
 * {@code Bindings.Email.Address}, {@code Bindings.Email.Name}. Empty means "not sent".
 */
public record ConversationParams(Optional<String> friendlyName, Optional<String> uniqueName,
                                 Optional<String> attributes, Optional<String> messagingServiceSid,
                                 Optional<Instant> dateCreated, Optional<Instant> dateUpdated,
                                 Optional<ConversationState> state, Optional<String> timersInactive,
                                 Optional<String> timersClosed, Optional<String> emailAddress,
                                 Optional<String> emailName) {

    /** No parameters: Twilio's defaults on create, no change on update. */
    public static final ConversationParams NONE = builder().build();

    public ConversationParams {
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(uniqueName, "uniqueName");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(messagingServiceSid, "messagingServiceSid");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(timersInactive, "timersInactive");
        Objects.requireNonNull(timersClosed, "timersClosed");
        Objects.requireNonNull(emailAddress, "emailAddress");
        Objects.requireNonNull(emailName, "emailName");
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean setsTimers() {
        return timersInactive.isPresent() || timersClosed.isPresent();
    }

    /** Collects the parameters one by one, e.g. {@code builder().uniqueName("x").state(ACTIVE).build()}. */
    public static final class Builder {
        private Optional<String> friendlyName = Optional.empty();
        private Optional<String> uniqueName = Optional.empty();
        private Optional<String> attributes = Optional.empty();
        private Optional<String> messagingServiceSid = Optional.empty();
        private Optional<Instant> dateCreated = Optional.empty();
        private Optional<Instant> dateUpdated = Optional.empty();
        private Optional<ConversationState> state = Optional.empty();
        private Optional<String> timersInactive = Optional.empty();
        private Optional<String> timersClosed = Optional.empty();
        private Optional<String> emailAddress = Optional.empty();
        private Optional<String> emailName = Optional.empty();

        private Builder() {
        }

        public Builder friendlyName(String value) {
            friendlyName = Optional.of(value);
            return this;
        }

        public Builder uniqueName(String value) {
            uniqueName = Optional.of(value);
            return this;
        }

        public Builder attributes(String value) {
            attributes = Optional.of(value);
            return this;
        }

        public Builder messagingServiceSid(String value) {
            messagingServiceSid = Optional.of(value);
            return this;
        }

        public Builder dateCreated(Instant value) {
            dateCreated = Optional.of(value);
            return this;
        }

        public Builder dateUpdated(Instant value) {
            dateUpdated = Optional.of(value);
            return this;
        }

        public Builder state(ConversationState value) {
            state = Optional.of(value);
            return this;
        }

        public Builder timersInactive(String isoDuration) {
            timersInactive = Optional.of(isoDuration);
            return this;
        }

        public Builder timersClosed(String isoDuration) {
            timersClosed = Optional.of(isoDuration);
            return this;
        }

        public Builder emailAddress(String value) {
            emailAddress = Optional.of(value);
            return this;
        }

        public Builder emailName(String value) {
            emailName = Optional.of(value);
            return this;
        }

        public ConversationParams build() {
            return new ConversationParams(friendlyName, uniqueName, attributes, messagingServiceSid, dateCreated,
                dateUpdated, state, timersInactive, timersClosed, emailAddress, emailName);
        }
    }
}
