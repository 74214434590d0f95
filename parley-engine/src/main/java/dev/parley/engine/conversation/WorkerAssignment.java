package dev.parley.engine.conversation;

import java.util.Objects;

/** The worker of a conversation, as {@link Frontline#workerOf} finds it (DESIGN.md decision 4). */
public sealed interface WorkerAssignment {

    /** The worker to reach: dial {@link #address()}. */
    record Assigned(Participant participant, Worker worker) implements WorkerAssignment {
        public Assigned {
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(worker, "worker");
        }

        /** {@code client:<identity>}, or the worker's own phone number. */
        public String address() {
            return worker.address();
        }
    }

    /** No worker to reach: the session ends with {@code internal-error} and an alert of {@link #alertCode()}. */
    sealed interface Unassigned extends WorkerAssignment {
        int alertCode();

        /** What is wrong, for the alert's text. */
        String reason();
    }

    /** The conversation has no worker participant (a participant with an identity): alert 32504. */
    record NoWorker(String reason) implements Unassigned {
        public NoWorker {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int alertCode() {
            return ConversationErrors.INCOMPLETE_CONVERSATION;
        }
    }

    /**
     * The conversation has worker participants, but none is an active Frontline user (no user with that
     * identity, or a deactivated one): alert 32505.
     */
    record Unusable(String reason) implements Unassigned {
        public Unusable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int alertCode() {
            return ConversationErrors.INVALID_CONVERSATION_DATA;
        }
    }
}
