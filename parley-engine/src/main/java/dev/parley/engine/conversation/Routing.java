package dev.parley.engine.conversation;

import java.util.Objects;

/**
 * How a service finds a worker for a new conversation: Frontline's "inbound routing" setting (a console
 * setting at Twilio, not part of the Conversations API; Parley keeps one per service).
 */
public sealed interface Routing {

    /** No routing: a new conversation waits until the app adds a worker itself (or the session times out). */
    record None() implements Routing {
    }

    /**
     * Pool routing: the available worker who was least recently given a conversation by the pool gets it
     * ({@link Workers#nextForPool}); only users that are {@code active} and {@code is_available} take part.
     */
    record Pool() implements Routing {
    }

    /**
     * Custom routing: Parley POSTs a signed request to the app's routing callback with {@code ConversationSid},
     * {@code MessagingBinding.Address} and {@code MessagingBinding.ProxyAddress}; the app answers 2xx and adds a
     * worker participant through the Conversations API, usually after answering.
     */
    record Custom(String callbackUrl) implements Routing {
        public Custom {
            Objects.requireNonNull(callbackUrl, "callbackUrl");
        }
    }

    static Routing none() {
        return new None();
    }

    static Routing pool() {
        return new Pool();
    }

    static Routing custom(String callbackUrl) {
        return new Custom(callbackUrl);
    }
}
