package dev.parley.server.http;

import dev.parley.engine.webhook.Rfc2822;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Dates as Twilio's REST APIs write them: the 2010-04-01 API in RFC 2822 ({@code Fri, 18 Oct 2019 17:00:00 +0000},
 * the same form as the {@code Timestamp} of webhooks, so one formatter, {@link Rfc2822}, serves both), the v1
 * product APIs (Conversations, Frontline, Monitor) in ISO 8601 UTC to the second ({@code 2019-10-18T17:00:00Z}).
 * A missing date is JSON {@code null}. (Parley's own control API uses {@link Json#instant}, to the millisecond.)
 */
public final class Dates {

    private Dates() {
    }

    /** For 2010-04-01 JSON: {@code Fri, 18 Oct 2019 17:00:00 +0000}. */
    public static String rfc2822(Instant at) {
        return Rfc2822.format(at);
    }

    /** For 2010-04-01 JSON: RFC 2822, or null. */
    public static String rfc2822(Optional<Instant> at) {
        return at.map(Dates::rfc2822).orElse(null);
    }

    /** For v1 JSON: {@code 2019-10-18T17:00:00Z}. */
    public static String iso8601(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** For v1 JSON: ISO 8601, or null. */
    public static String iso8601(Optional<Instant> at) {
        return at.map(Dates::iso8601).orElse(null);
    }
}
