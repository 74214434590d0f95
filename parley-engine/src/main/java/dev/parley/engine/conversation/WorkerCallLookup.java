package dev.parley.engine.conversation;

import java.util.Objects;

/**
 * What {@link Frontline#workerCall} found for a call a worker placed from the Frontline app with a
 * {@code ConversationSid} (DESIGN.md decision 3).
 */
public sealed interface WorkerCallLookup {

    /**
     * The conversation (reactivated if it was inactive) and its customer: the session dials
     * {@link #customerAddress()} with {@link #callerId()} as caller ID.
     */
    record Found(Conversation conversation, Participant customer) implements WorkerCallLookup {
        public Found {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(customer, "customer");
        }

        /** The customer's address ({@code messaging_binding.address}): the number to dial. */
        public String customerAddress() {
            return customer.address().orElseThrow();
        }

        /** The proxy address the customer knows the company by: the caller ID of the dialled leg. */
        public String callerId() {
            return customer.proxyAddress().orElseThrow();
        }
    }

    /**
     * No {@code ConversationSid}, one that is no conversation SID, or no such conversation (not closed) in the
     * service: {@code Result=invalid-conversation}.
     */
    record Invalid(String reason) implements WorkerCallLookup {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The conversation has no single customer with an address and a proxy address to dial:
     * {@code Result=internal-error} with alert {@link #alertCode()} 32505.
     */
    record Unusable(String reason) implements WorkerCallLookup {
        public Unusable {
            Objects.requireNonNull(reason, "reason");
        }

        public int alertCode() {
            return ConversationErrors.INVALID_CONVERSATION_DATA;
        }
    }
}
