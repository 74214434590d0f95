package dev.parley.engine.session;

import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.Participant;
import java.util.Objects;

/**
 * What moves a session: the outcome of its own lookups (raised by its actions), and what happens around it (the
 * dialled leg, the whisper, routing, the caller, the clock), which the call's run reports.
 */
public sealed interface SessionEvent {

    /** The session starts on the call. */
    record Start() implements SessionEvent { }

    // ---- lookups (raised by the machine's own actions)

    /** The conversation, and whom to dial for it: the worker, or for a worker's call the customer. */
    record PartyFound(Conversation conversation, String to, String from) implements SessionEvent {
        public PartyFound {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(from, "from");
        }
    }

    /** A new conversation with the caller as customer ({@code inboundAutocreation}); routing is to find a worker. */
    record ConversationCreated(Conversation conversation, Participant customer) implements SessionEvent {
        public ConversationCreated {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** The caller has no conversation and autocreation is off. */
    record NoConversation() implements SessionEvent { }

    /** Creating a conversation for the caller failed with a Conversations error (e.g. 50407). */
    record CreationFailed(int errorCode, String message) implements SessionEvent {
        public CreationFailed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A worker's call named no usable conversation of the service (no SID, a bad one, unknown, closed). */
    record InvalidConversation(String reason) implements SessionEvent {
        public InvalidConversation {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The service or the conversation cannot be used; the alert code says why (32500, 32504, 32505). */
    record UnusableConversation(int alertCode, String reason) implements SessionEvent {
        public UnusableConversation {
            Objects.requireNonNull(reason, "reason");
        }
    }

    // ---- what happens around the session

    /** A worker participant was added to the conversation the session waits on. */
    record WorkerAdded() implements SessionEvent { }

    /** The session's deadline passed: {@code routingAssignmentTimeout} or {@code inboundTimeout}, by state. */
    record DeadlinePassed() implements SessionEvent { }

    /** The dialled party's phone rings. */
    record LegRinging() implements SessionEvent { }

    /** The dialled party answered. */
    record LegAnswered() implements SessionEvent { }

    /** The dialled party is busy or refused the call (Twilio reports both as busy). */
    record LegBusy() implements SessionEvent { }

    /** The dialled party could not be reached, or hung up before answering. */
    record LegFailed() implements SessionEvent { }

    /** The dialled party hung up after answering. */
    record LegHungUp() implements SessionEvent { }

    /**
     * A live update ended the dialled leg ({@code Status=completed|canceled} on its CallSid): a ringing leg is
     * canceled, an answered one hung up.
     */
    record LegEndedByApi() implements SessionEvent { }

    /** The whisper document ran to its end: the parties may be joined. */
    record WhisperAccepted() implements SessionEvent { }

    /** The whisper hung up, could not be fetched, or the dialled party hung up during it (decision 6). */
    record WhisperRefused() implements SessionEvent { }

    /** The caller hung up, or a live update ended or redirected the call. */
    record CallerGone() implements SessionEvent { }

    /** An action of the session failed unexpectedly: {@code internal-error} with alert 32500. */
    record Failure(RuntimeException error) implements SessionEvent {
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }
}
