package dev.parley.engine.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * The webhook timers a URL gets when its fragment does not override them. {@link #TWILIO} is Twilio's; tests
 * pass a scaled-down one to {@link HttpWebhookTransport} so that a dead endpoint fails in milliseconds.
 *
 * @param connect time to establish the TCP connection (Twilio: 5 s)
 * @param read    time to the response headers, and then between chunks of the body (Twilio: 15 s)
 * @param total   time for the whole request, retries included (Twilio: 15 s)
 */
public record Timeouts(Duration connect, Duration read, Duration total) {

    /**
     * Twilio's defaults for {@code #ct}, {@code #rt}, {@code #tt}: 5000, 15000, 15000 ms (Twilio "Webhooks
     * connection overrides"; error 11205: "two 5-second attempts" to connect, "a total of 15 seconds to receive
     * an HTTP response", including the connect time).
     */
    public static final Timeouts TWILIO = new Timeouts(Duration.ofMillis(5000), Duration.ofMillis(15000),
        Duration.ofMillis(15000));

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(total, "total");
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()
            || total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + connect + ", " + read + ", " + total);
        }
    }

    /** The same three timers, all set to {@code each} (handy in tests). */
    public static Timeouts all(Duration each) {
        return new Timeouts(each, each, each);
    }
}
