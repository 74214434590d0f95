package dev.parley.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * JSON as Parley's APIs write it: snake_case names and {@code null} for absent values, like Twilio's; instants in
 * ISO 8601 UTC (as Twilio's v1 APIs, with milliseconds when there are any), durations in seconds.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** ISO 8601 in UTC, to the millisecond at most: {@code 2026-01-01T00:00:01.250Z}. */
    public static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** An optional instant as JSON: the ISO string, or null. */
    public static String instant(Optional<Instant> at) {
        return at.map(Json::instant).orElse(null);
    }

    /** Seconds with millisecond precision and no trailing zeros: {@code 1.5}, {@code 10}. */
    public static BigDecimal seconds(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }
}
