package dev.parley.engine.session;

import dev.parley.twiml.Conversation;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the session's machine reads of {@code <Conversation>}, with Twilio's defaults applied and URLs resolved
 * against the document. (The recording and whisper attributes are the engine's part: see {@link SessionContext}.)
 */
public record SessionSettings(String serviceInstanceSid, boolean inboundAutocreation, Duration routingAssignmentTimeout,
                              Duration inboundTimeout, boolean whisper, Optional<String> statusCallback,
                              HttpMethod statusCallbackMethod, List<String> statusCallbackEvents) {

    public SessionSettings {
        Objects.requireNonNull(serviceInstanceSid, "serviceInstanceSid");
        Objects.requireNonNull(routingAssignmentTimeout, "routingAssignmentTimeout");
        Objects.requireNonNull(inboundTimeout, "inboundTimeout");
        Objects.requireNonNull(statusCallback, "statusCallback");
        Objects.requireNonNull(statusCallbackMethod, "statusCallbackMethod");
        statusCallbackEvents = List.copyOf(statusCallbackEvents);
    }

    /** The settings of a {@code <Conversation>}, its relative URLs resolved with {@code resolve}. */
    public static SessionSettings of(Conversation conversation, UnaryOperator<String> resolve) {
        return new SessionSettings(conversation.serviceInstanceSid(), conversation.inboundAutocreation(),
            Duration.ofSeconds(Math.max(0, conversation.routingAssignmentTimeout())),
            Duration.ofSeconds(Math.max(0, conversation.inboundTimeout())), conversation.url().isPresent(),
            conversation.statusCallback().map(resolve), conversation.statusCallbackMethod(),
            conversation.statusCallbackEvents());
    }
}
