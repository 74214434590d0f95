package dev.parley.engine.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a Frontline user that can be set (Twilio's update parameters {@code FriendlyName},
 * {@code Avatar}, {@code State}, {@code IsAvailable}, and Parley's phone number). An empty value keeps what is
 * there (on create: Twilio's default); an empty string clears a text field.
 */
public record WorkerParams(Optional<String> friendlyName, Optional<String> avatar, Optional<WorkerState> state,
                           Optional<Boolean> isAvailable, Optional<String> phoneNumber) {

    public static final WorkerParams NONE =
        new WorkerParams(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public WorkerParams {
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(avatar, "avatar");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(isAvailable, "isAvailable");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
    }

    public WorkerParams withFriendlyName(String value) {
        return new WorkerParams(Optional.of(value), avatar, state, isAvailable, phoneNumber);
    }

    public WorkerParams withAvatar(String value) {
        return new WorkerParams(friendlyName, Optional.of(value), state, isAvailable, phoneNumber);
    }

    public WorkerParams withState(WorkerState value) {
        return new WorkerParams(friendlyName, avatar, Optional.of(value), isAvailable, phoneNumber);
    }

    public WorkerParams withAvailable(boolean value) {
        return new WorkerParams(friendlyName, avatar, state, Optional.of(value), phoneNumber);
    }

    public WorkerParams withPhoneNumber(String value) {
        return new WorkerParams(friendlyName, avatar, state, isAvailable, Optional.of(value));
    }
}
