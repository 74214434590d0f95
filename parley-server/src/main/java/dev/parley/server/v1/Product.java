package dev.parley.server.v1;

import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's v1 products that Parley serves, each at Twilio on a host of its own. twilio-java sends a product's
 * requests to its host ({@code conversations.twilio.com}); a client that takes a base URL per domain (twilio-node)
 * reaches Parley under the product's prefix ({@code http://localhost:8080/conversations}).
 */
public enum Product {
    CONVERSATIONS("conversations", "conversations"),
    FRONTLINE("frontline", "frontline-api"),
    MONITOR("monitor", "monitor");

    private static final String TWILIO_DOMAIN = ".twilio.com";

    private final String prefix;
    private final String hostLabel;

    Product(String name, String hostLabel) {
        this.prefix = "/" + name;
        this.hostLabel = hostLabel;
    }

    /** The path prefix that names the product on Parley: {@code /conversations}, {@code /frontline}, {@code /monitor}. */
    public String prefix() {
        return prefix;
    }

    /** Twilio's host of the product, e.g. {@code frontline-api.twilio.com}. */
    public String host() {
        return hostLabel + TWILIO_DOMAIN;
    }

    /**
     * What a {@code Host} header says: empty when it names no Twilio host (Parley's own, {@code localhost:8080});
     * else the Twilio host's first label ({@code conversations}, {@code api}, also with region and edge labels:
     * {@code conversations.dublin.ie1.twilio.com}).
     */
    static Optional<String> twilioHostLabel(String hostHeader) {
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) host = host.substring(0, colon);
        if (!host.endsWith(TWILIO_DOMAIN)) return Optional.empty();
        int dot = host.indexOf('.');
        return Optional.of(host.substring(0, dot));
    }

    /** The product whose Twilio host has this first label, if Parley serves it ({@code api} is no v1 product). */
    static Optional<Product> ofHostLabel(String label) {
        for (Product product : values()) {
            if (product.hostLabel.equals(label)) return Optional.of(product);
        }
        return Optional.empty();
    }
}
