package dev.parley.engine.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Instants from {@code from} (inclusive) to {@code before} (exclusive); either side may be open. A filter on a
 * time column that is not set (a call that never started) matches no bounded range. Twilio's date parameters
 * ({@code StartTime=2009-07-06}, {@code StartTime>…}, {@code StartTime<…}) map to these in the REST layer.
 */
public record TimeRange(Optional<Instant> from, Optional<Instant> before) {

    public static final TimeRange ALL = new TimeRange(Optional.empty(), Optional.empty());

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(before, "before");
    }

    public static TimeRange atOrAfter(Instant from) {
        return new TimeRange(Optional.of(from), Optional.empty());
    }

    public static TimeRange before(Instant before) {
        return new TimeRange(Optional.empty(), Optional.of(before));
    }

    public static TimeRange between(Instant from, Instant before) {
        return new TimeRange(Optional.of(from), Optional.of(before));
    }

    /** The whole UTC day, as Twilio reads {@code YYYY-MM-DD}. */
    public static TimeRange onDay(LocalDate day) {
        return between(day.atStartOfDay().toInstant(ZoneOffset.UTC),
            day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Both ranges at once (e.g. {@code StartTime>} and {@code StartTime<} in one request). */
    public TimeRange and(TimeRange other) {
        Optional<Instant> lower = from.isEmpty() ? other.from
            : other.from.map(o -> o.isAfter(from.get()) ? o : from.get()).or(() -> from);
        Optional<Instant> upper = before.isEmpty() ? other.before
            : other.before.map(o -> o.isBefore(before.get()) ? o : before.get()).or(() -> before);
        return new TimeRange(lower, upper);
    }
}
