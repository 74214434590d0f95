package dev.parley.engine.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation's timers ({@code Timers.Inactive}, {@code Timers.Closed}) and when they fall due (Twilio's
 * {@code timers} JSON: {@code date_inactive}, {@code date_closed}).
 *
 * <p>Both timers count from the conversation's last activity: they are armed when the conversation is created
 * or its timers are set, and re-armed when it is reactivated (a call to an inactive conversation). A timer that
 * has fallen due is gone from the JSON. A zero duration ({@code PT0S}) means no timer.
 */
public record ConversationTimers(Optional<Duration> inactive, Optional<Duration> closed,
                                 Optional<Instant> dateInactive, Optional<Instant> dateClosed) {

    public static final ConversationTimers NONE =
        new ConversationTimers(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ConversationTimers {
        Objects.requireNonNull(inactive, "inactive");
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(dateInactive, "dateInactive");
        Objects.requireNonNull(dateClosed, "dateClosed");
    }

    /** Timers of these durations, counting from {@code from}. */
    public static ConversationTimers armed(Optional<Duration> inactive, Optional<Duration> closed, Instant from) {
        return new ConversationTimers(inactive, closed, inactive.map(from::plus), closed.map(from::plus));
    }

    /** The same durations, counting again from {@code from}. */
    public ConversationTimers rearmed(Instant from) {
        return armed(inactive, closed, from);
    }

    ConversationTimers withoutDateInactive() {
        return new ConversationTimers(inactive, closed, Optional.empty(), dateClosed);
    }

    ConversationTimers withoutDates() {
        return new ConversationTimers(inactive, closed, Optional.empty(), Optional.empty());
    }
}
