package dev.parley.engine.conversation;

import dev.parley.engine.Sids;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Twilio's rules for creating and updating a conversation, in one place: the initial state (50384), timers
 * (50382, 50375, 50376, 50379, 50380), unique names (50390, 50353) and the finality of {@code closed} (50377).
 */
final class ConversationRules {

    /** {@code Timers.Inactive} must be at least this (50375). */
    static final Duration MIN_INACTIVE_TIMER = Duration.ofMinutes(1);
    /** {@code Timers.Closed} must be at least this (50376). */
    static final Duration MIN_CLOSED_TIMER = Duration.ofMinutes(10);
    static final String NO_ATTRIBUTES = "{}";

    private ConversationRules() {
    }

    /** A new conversation of the service from Twilio's create parameters; timers count from {@code now}. */
    static Conversation create(String sid, ConversationService service, ConversationParams p, Instant now,
                               ConversationReads reads) {
        if (p.state().filter(s -> s == ConversationState.CLOSED).isPresent()) {
            throw ConversationErrors.invalid(ConversationErrors.INITIAL_STATE_CLOSED,
                "Initial state can't be 'closed'");
        }
        if (p.setsTimers() && p.state().isEmpty()) {
            throw ConversationErrors.invalid(ConversationErrors.TIMER_WITHOUT_STATE, "Timer can't be set without state");
        }
        ConversationTimers timers = ConversationTimers.armed(inactiveTimer(p, Optional.empty()),
            closedTimer(p, Optional.empty()), now);
        p.uniqueName().ifPresent(name -> checkUniqueName(name, service.sid(), sid, reads));
        Instant created = p.dateCreated().orElse(now);
        return new Conversation(sid, service.accountSid(), service.sid(), p.messagingServiceSid(), p.friendlyName(),
            p.uniqueName(), p.attributes().orElse(NO_ATTRIBUTES), p.state().orElse(ConversationState.ACTIVE), created,
            p.dateUpdated().orElse(created), timers, new ConversationBindings(p.emailAddress(), p.emailName()));
    }

    /**
     * The conversation after Twilio's update parameters. New timers count from {@code now}; so do the old ones
     * when the update reactivates an inactive conversation.
     */
    static Conversation update(Conversation current, ConversationParams p, Instant now, ConversationReads reads) {
        if (current.isClosed()) throw closed(current);
        p.uniqueName().filter(name -> !current.uniqueName().equals(Optional.of(name)))
            .ifPresent(name -> checkUniqueName(name, current.chatServiceSid(), current.sid(), reads));
        ConversationState state = p.state().orElse(current.state());
        ConversationTimers timers = current.timers();
        if (p.setsTimers()) {
            timers = ConversationTimers.armed(inactiveTimer(p, timers.inactive()), closedTimer(p, timers.closed()), now);
        } else if (current.state() == ConversationState.INACTIVE && state == ConversationState.ACTIVE) {
            timers = timers.rearmed(now);
        }
        if (state == ConversationState.INACTIVE) timers = timers.withoutDateInactive();
        if (state == ConversationState.CLOSED) timers = timers.withoutDates();
        ConversationBindings bindings = new ConversationBindings(p.emailAddress().or(() -> current.bindings().emailAddress()),
            p.emailName().or(() -> current.bindings().emailName()));
        return new Conversation(current.sid(), current.accountSid(), current.chatServiceSid(),
            p.messagingServiceSid().or(current::messagingServiceSid), p.friendlyName().or(current::friendlyName),
            p.uniqueName().or(current::uniqueName), p.attributes().orElse(current.attributes()), state,
            p.dateCreated().orElse(current.dateCreated()), p.dateUpdated().orElse(now), timers, bindings);
    }

    /** 50377: a closed conversation does not change any more. */
    static ConversationException closed(Conversation conversation) {
        return ConversationErrors.invalid(ConversationErrors.CONVERSATION_CLOSED,
            "Can't update conversation " + conversation.sid() + " as it's in final closed state");
    }

    private static void checkUniqueName(String name, String serviceSid, String ownSid, ConversationReads reads) {
        if (Sids.isSid(name, "CH")) {
            throw ConversationErrors.invalid(ConversationErrors.UNIQUE_NAME_MATCHES_SID,
                "Unique name should not match conversation sid pattern");
        }
        if (reads.conversationByUniqueName(serviceSid, name).filter(c -> !c.sid().equals(ownSid)).isPresent()) {
            throw ConversationErrors.conflict(ConversationErrors.UNIQUE_NAME_EXISTS,
                "Conversation with provided unique name already exists");
        }
    }

    private static Optional<Duration> inactiveTimer(ConversationParams p, Optional<Duration> current) {
        return p.timersInactive().isEmpty() ? current : timer(p.timersInactive().get(), MIN_INACTIVE_TIMER,
            ConversationErrors.INACTIVE_TIMER_FORMAT, ConversationErrors.INACTIVE_TIMER_TOO_SHORT, "TimeToInactive");
    }

    private static Optional<Duration> closedTimer(ConversationParams p, Optional<Duration> current) {
        return p.timersClosed().isEmpty() ? current : timer(p.timersClosed().get(), MIN_CLOSED_TIMER,
            ConversationErrors.CLOSED_TIMER_FORMAT, ConversationErrors.CLOSED_TIMER_TOO_SHORT, "TimeToClosed");
    }

    /** An ISO 8601 duration of at least {@code min}; zero means no timer. */
    private static Optional<Duration> timer(String value, Duration min, int formatCode, int tooShortCode, String name) {
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw ConversationErrors.invalid(formatCode, "'" + name + "' parameter supports values which are ISO8601 durations");
        }
        if (duration.isZero()) return Optional.empty();
        if (duration.compareTo(min) < 0) {
            throw ConversationErrors.invalid(tooShortCode, "'" + name + "' duration should be greater or equal to "
                + (min.toMinutes() == 1 ? "1 minute" : min.toMinutes() + " minutes"));
        }
        return Optional.of(duration);
    }
}
