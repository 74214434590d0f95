package dev.parley.engine.conversation;

import java.util.function.Function;

/**
 * The port to where services, conversations, participants and workers are kept: {@link InMemoryConversationStore}
 * for tests, and the database of a running Parley ({@code JdbcStore.conversations()} in {@code parley-store}, which
 * takes {@link #atomically} as a transaction that locks the account's row). Both pass the same contract suite.
 *
 * <p>The rules of the domain (50416: one conversation that is not closed per address pair in an account; 50353:
 * unique names; one inbound call creating at most one conversation) hold because every change runs in
 * {@link #atomically}: the work reads through its {@link Transaction}, sees its own writes and no other change to
 * the same account, and its writes commit together or, if it throws, not at all. The work is short and never waits
 * on anything else. Work must not call {@code atomically} again.
 *
 * <p>Reads outside {@code atomically} see committed state and may be called from any thread.
 */
public interface ConversationStore extends ConversationReads {

    /** Runs the work as one transaction over the account's data; returns what it returns, or rethrows. */
    <T> T atomically(String accountSid, Function<Transaction, T> work);

    /** Reads and writes inside {@link #atomically}. Every {@code put} inserts or replaces by SID. */
    interface Transaction extends ConversationReads {

        void put(ConversationService service);

        /** Deletes a service with its conversations and their participants. */
        void deleteService(String sid);

        void defaultService(String accountSid, String serviceSid);

        void put(Conversation conversation);

        /** Deletes a conversation with its participants. */
        void deleteConversation(String sid);

        void put(Participant participant);

        void deleteParticipant(String sid);

        void put(Worker worker);

        void deleteWorker(String sid);
    }
}
