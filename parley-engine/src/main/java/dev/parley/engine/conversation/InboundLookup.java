package dev.parley.engine.conversation;

import java.util.Objects;

/**
 * What {@link Frontline#inbound} found for a customer's call, and the {@code <Connect><Conversation>} session's
 * next step for each answer.
 */
public sealed interface InboundLookup {

    /**
     * The caller's conversation in the service ({@code active}, or {@code inactive} and now reactivated): the
     * session reaches its worker ({@link Frontline#workerOf}).
     */
    record Existing(Conversation conversation, Participant customer) implements InboundLookup {
        public Existing {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(customer, "customer");
        }
    }

    /**
     * A new conversation with the caller as customer ({@code inboundAutocreation}): the session starts
     * {@link Frontline#route routing} and waits up to {@code routingAssignmentTimeout} for a worker.
     */
    record Created(Conversation conversation, Participant customer) implements InboundLookup {
        public Created {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** No conversation, and autocreation is off: {@code Result=no-existing-conversation}. */
    record NotFound() implements InboundLookup {
    }

    /**
     * No conversation, and creating one failed: {@code Result=failed-create-conversation}. E.g. 50407 when the
     * caller is no valid address ({@code anonymous}, {@code client:…}), 50416 when the pair belongs to a
     * conversation of another service of the account.
     */
    record CreateFailed(int errorCode, String message) implements InboundLookup {
        public CreateFailed {
            Objects.requireNonNull(message, "message");
        }
    }
}
