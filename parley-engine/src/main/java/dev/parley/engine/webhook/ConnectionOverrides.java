package dev.parley.engine.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio's webhook connection overrides, read from the URL's fragment, e.g.
 * {@code https://app.example.com/voice#ct=1000&rt=2000&rc=2&rp=ct,5xx}. The fragment is never sent and never
 * signed.
 *
 * <table>
 *   <caption>Keys (Twilio "Webhooks (HTTP callbacks): Connection Overrides")</caption>
 *   <tr><th>key</th><th>meaning</th><th>valid</th><th>Twilio default</th></tr>
 *   <tr><td>{@code ct}</td><td>connect timeout, ms</td><td>100–10000</td><td>5000</td></tr>
 *   <tr><td>{@code rt}</td><td>read timeout, ms: to the first response bytes, then between packets</td>
 *       <td>100–15000</td><td>15000</td></tr>
 *   <tr><td>{@code tt}</td><td>total time for all attempts, ms</td><td>100–15000</td><td>15000</td></tr>
 *   <tr><td>{@code rc}</td><td>retry count (attempts = 1 + rc)</td><td>0–5</td><td>1</td></tr>
 *   <tr><td>{@code rp}</td><td>retry policy: comma-separated {@code ct}, {@code rt}, {@code 4xx}, {@code 5xx},
 *       or {@code all}</td><td></td><td>{@code ct}</td></tr>
 * </table>
 *
 * <p>A missing key, or a value that is not a whole number within its range, or an {@code rp} with any unknown
 * token, gets the default (Twilio would raise an alert for some of these, e.g. 11243 for a bad {@code rp};
 * Parley just ignores the bad value). The defaults of the three timers come from a {@link Timeouts}, Twilio's
 * unless a caller scales them down; the retry defaults are always Twilio's. Keys Parley does not act on
 * ({@code e} edge location, {@code sni}) are ignored. When a key repeats, the last one counts.
 *
 * <p>Sources: the Twilio page above (ranges and the timer and count defaults); the {@code rp} default
 * {@code ct} and the token list come from Segment's Twilio destination (segmentio/action-destinations,
 * {@code engage-messaging-twilio/index.ts}), consistent with error 11205's "two 5-second attempts" to connect.
 */
public record ConnectionOverrides(Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                                  int retryCount, Set<RetryOn> retryPolicy) {

    public static final int MIN_TIMEOUT_MS = 100;
    public static final int MAX_CONNECT_TIMEOUT_MS = 10_000;
    public static final int MAX_READ_TIMEOUT_MS = 15_000;
    public static final int MAX_TOTAL_TIMEOUT_MS = 15_000;
    public static final int MAX_RETRY_COUNT = 5;
    public static final int DEFAULT_RETRY_COUNT = 1;
    public static final Set<RetryOn> DEFAULT_RETRY_POLICY = Collections.unmodifiableSet(EnumSet.of(RetryOn.CT));

    /** Twilio's defaults: ct 5000, rt 15000, tt 15000, rc 1, rp ct. */
    public static final ConnectionOverrides TWILIO_DEFAULTS = defaults(Timeouts.TWILIO);

    /** What an attempt's failure must be for {@code rp} to retry it. */
    public enum RetryOn {
        /** {@code ct}: the TCP connection could not be made (refused, or the connect timeout). */
        CT("ct"),
        /** {@code rt}: no response (or no further body) within the read timeout. */
        RT("rt"),
        /** {@code 4xx}: the server answered with a 4xx status. */
        STATUS_4XX("4xx"),
        /** {@code 5xx}: the server answered with a 5xx status. */
        STATUS_5XX("5xx");

        private final String token;

        RetryOn(String token) {
            this.token = token;
        }

        /** The token as written in {@code rp}. */
        public String token() {
            return token;
        }
    }

    public ConnectionOverrides {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        if (retryCount < 0) throw new IllegalArgumentException("retryCount < 0: " + retryCount);
        retryPolicy = retryPolicy.isEmpty() ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(retryPolicy));
    }

    /** No overrides: the given timers, Twilio's retry count and policy. */
    public static ConnectionOverrides defaults(Timeouts timeouts) {
        return new ConnectionOverrides(timeouts.connect(), timeouts.read(), timeouts.total(), DEFAULT_RETRY_COUNT,
            DEFAULT_RETRY_POLICY);
    }

    /** The overrides in a URL's fragment, with Twilio's defaults for whatever it does not (validly) set. */
    public static ConnectionOverrides parse(String url) {
        return parse(url, Timeouts.TWILIO);
    }

    /** The overrides in a URL's fragment; timers it does not (validly) set come from {@code defaults}. */
    public static ConnectionOverrides parse(String url, Timeouts defaults) {
        ConnectionOverrides base = defaults(defaults);
        String fragment = Urls.fragment(url).orElse("");
        if (fragment.isEmpty()) return base;
        Duration ct = base.connectTimeout;
        Duration rt = base.readTimeout;
        Duration tt = base.totalTimeout;
        int rc = base.retryCount;
        Set<RetryOn> rp = base.retryPolicy;
        for (String pair : fragment.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = decode(pair.substring(eq + 1)).trim();
            switch (key) {
                case "ct" -> ct = millis(value, MAX_CONNECT_TIMEOUT_MS, base.connectTimeout);
                case "rt" -> rt = millis(value, MAX_READ_TIMEOUT_MS, base.readTimeout);
                case "tt" -> tt = millis(value, MAX_TOTAL_TIMEOUT_MS, base.totalTimeout);
                case "rc" -> rc = integer(value, 0, MAX_RETRY_COUNT).orElse(base.retryCount);
                case "rp" -> rp = policy(value, base.retryPolicy);
                default -> { } // e (edge), sni and unknown keys: nothing for Parley to do
            }
        }
        return new ConnectionOverrides(ct, rt, tt, rc, rp);
    }

    /** Whether {@code rp} retries this kind of failure. */
    public boolean retries(RetryOn failure) {
        return retryPolicy.contains(failure);
    }

    /** Whether {@code rp} retries a response with this status (4xx or 5xx). */
    public boolean retriesStatus(int status) {
        return status >= 400 && status < 500 ? retries(RetryOn.STATUS_4XX)
            : status >= 500 && status < 600 && retries(RetryOn.STATUS_5XX);
    }

    /** Attempts in all: 1 + {@link #retryCount()}. */
    public int maxAttempts() {
        return 1 + retryCount;
    }

    /** The overrides as a fragment (without {@code #}), e.g. {@code ct=5000&rt=15000&tt=15000&rc=1&rp=ct}. */
    public String toFragment() {
        StringBuilder rpText = new StringBuilder();
        for (RetryOn r : retryPolicy) {
            if (!rpText.isEmpty()) rpText.append(',');
            rpText.append(r.token());
        }
        return "ct=" + connectTimeout.toMillis() + "&rt=" + readTimeout.toMillis() + "&tt=" + totalTimeout.toMillis()
            + "&rc=" + retryCount + "&rp=" + rpText;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); // a fragment has no '+' for space
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static Duration millis(String value, int max, Duration fallback) {
        return integer(value, MIN_TIMEOUT_MS, max).map(Duration::ofMillis).orElse(fallback);
    }

    private static Optional<Integer> integer(String value, int min, int max) {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int n = Integer.parseInt(value);
        return n < min || n > max ? Optional.empty() : Optional.of(n);
    }

    private static Set<RetryOn> policy(String value, Set<RetryOn> fallback) {
        EnumSet<RetryOn> result = EnumSet.noneOf(RetryOn.class);
        for (String raw : value.split(",")) {
            String token = raw.trim().toLowerCase(Locale.ROOT);
            switch (token) {
                case "ct" -> result.add(RetryOn.CT);
                case "rt" -> result.add(RetryOn.RT);
                case "4xx" -> result.add(RetryOn.STATUS_4XX);
                case "5xx" -> result.add(RetryOn.STATUS_5XX);
                case "all" -> result.addAll(EnumSet.allOf(RetryOn.class));
                default -> {
                    return fallback;
                }
            }
        }
        return result.isEmpty() ? fallback : result;
    }
}
