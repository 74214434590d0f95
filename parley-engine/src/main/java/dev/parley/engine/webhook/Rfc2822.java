package dev.parley.engine.webhook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Twilio's {@code Timestamp} parameter: RFC 2822 in UTC, e.g. {@code Fri, 02 Nov 2018 10:52:29 +0000}.
 *
 * <p>The day of the month has two digits and the zone is {@code +0000}. Evidence: call-progress callbacks captured
 * from Twilio read {@code Timestamp=Fri%2C%2002%20Nov%202018%2010%3A52%3A29%20%2B0000} and
 * {@code Sun%2C%2025%20Mar%202018…}. The {@code <Conversation>} documentation's hand-written example
 * {@code Sat, 7 May 2022 00:58:19 +0000} has one digit; both forms are valid RFC 2822 and {@link #parse} reads
 * both. (java.time's {@code RFC_1123_DATE_TIME} would print one digit and {@code GMT}, so it formats neither.)
 */
public final class Rfc2822 {

    private static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Rfc2822() {
    }

    /** The instant in UTC to the second, e.g. {@code Sat, 07 May 2022 00:58:19 +0000}. */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Reads an RFC 2822 / RFC 1123 date-time (one- or two-digit day, any offset or {@code GMT}). */
    public static Instant parse(String text) {
        return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.trim()));
    }
}
