package dev.parley.engine.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The Alerts list filters: {@code LogLevel} and the {@code StartDate}/{@code EndDate} range (over date created),
 * plus the resource the alert is about (not a Twilio filter: the engine reads a call's alerts with it).
 */
public record AlertFilter(Optional<String> logLevel, Optional<String> resourceSid, TimeRange dateCreated) {

    public static final AlertFilter ALL = new AlertFilter(Optional.empty(), Optional.empty(), TimeRange.ALL);

    public AlertFilter {
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(resourceSid, "resourceSid");
        Objects.requireNonNull(dateCreated, "dateCreated");
    }

    public AlertFilter logLevel(String level) {
        return new AlertFilter(Optional.of(level), resourceSid, dateCreated);
    }

    public AlertFilter resourceSid(String sid) {
        return new AlertFilter(logLevel, Optional.of(sid), dateCreated);
    }

    public AlertFilter dateCreated(TimeRange range) {
        return new AlertFilter(logLevel, resourceSid, range);
    }
}
