package dev.parley.server.v1;

import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates in v1 requests. Twilio's v1 APIs take ISO 8601 date-times ({@code 2026-01-01T10:00:00Z}); the list filters
 * {@code StartDate} and {@code EndDate} also take a day ({@code YYYY-MM-DD}, UTC), meaning its first instant for a
 * start and its last for an end, so that both days are included. A date-time without an offset
 * ({@code 2026-01-01T10:00:00}) is UTC: twilio-java writes every date-time parameter so
 * ({@code yyyy-MM-dd'T'HH:mm:ss}, {@code Serializer}). Anything else is refused with 20001.
 */
public final class V1Dates {

    private V1Dates() {
    }

    /** A date-time parameter such as {@code DateCreated}. */
    public static Optional<Instant> dateTime(Params params, String name) {
        return params.first(name).filter(v -> !v.isBlank()).map(v -> instant(name, v.strip()));
    }

    /** A range filter's start: the instant, or the first instant of the day. */
    public static Optional<Instant> start(Params params, String name) {
        return params.first(name).filter(v -> !v.isBlank()).map(v -> day(v.strip())
            .map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)).orElseGet(() -> instant(name, v.strip())));
    }

    /** A range filter's end: the instant, or the last instant of the day. */
    public static Optional<Instant> end(Params params, String name) {
        return params.first(name).filter(v -> !v.isBlank()).map(v -> day(v.strip())
            .map(d -> d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1))
            .orElseGet(() -> instant(name, v.strip())));
    }

    /** Whether {@code at} lies in the range (both ends included). */
    public static boolean within(Instant at, Optional<Instant> start, Optional<Instant> end) {
        return start.filter(at::isBefore).isEmpty() && end.filter(at::isAfter).isEmpty();
    }

    private static Optional<LocalDate> day(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return utc(name, value);
        }
    }

    private static Instant utc(String name, String value) {
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid " + name + ": " + Params.quoted(value)
                + " is not an ISO 8601 date-time (e.g. 2026-01-01T10:00:00Z)");
        }
    }
}
