package dev.parley.engine.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of Twilio's Participant update request that Parley applies: {@code Attributes},
 * {@code RoleSid}, {@code DateCreated}, {@code DateUpdated}, {@code LastReadMessageIndex},
 * {@code LastReadTimestamp}. (Changing a participant's identity, proxy or projected address is not supported.)
 */
public record ParticipantUpdate(Optional<String> attributes, Optional<String> roleSid, Optional<Instant> dateCreated,
                                Optional<Instant> dateUpdated, Optional<Integer> lastReadMessageIndex,
                                Optional<String> lastReadTimestamp) {

    public static final ParticipantUpdate NONE = new ParticipantUpdate(Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ParticipantUpdate {
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(roleSid, "roleSid");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        Objects.requireNonNull(lastReadMessageIndex, "lastReadMessageIndex");
        Objects.requireNonNull(lastReadTimestamp, "lastReadTimestamp");
    }

    public ParticipantUpdate withAttributes(String value) {
        return new ParticipantUpdate(Optional.of(value), roleSid, dateCreated, dateUpdated, lastReadMessageIndex,
            lastReadTimestamp);
    }

    public ParticipantUpdate withLastRead(int messageIndex, String timestamp) {
        return new ParticipantUpdate(attributes, roleSid, dateCreated, dateUpdated, Optional.of(messageIndex),
            Optional.of(timestamp));
    }
}
