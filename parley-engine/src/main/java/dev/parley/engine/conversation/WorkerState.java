package dev.parley.engine.conversation;

import java.util.Optional;

/** A Frontline user's {@code state}: {@code active} (the default) or {@code deactivated}. */
public enum WorkerState {
    ACTIVE("active"),
    DEACTIVATED("deactivated");

    private final String value;

    WorkerState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<WorkerState> of(String value) {
        for (WorkerState state : values()) {
            if (state.value.equals(value)) return Optional.of(state);
        }
        return Optional.empty();
    }
}
