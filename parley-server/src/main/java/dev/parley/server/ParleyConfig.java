package dev.parley.server;

import dev.parley.engine.Sids;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.twiml.UrlResolver;
import java.util.List;
import java.util.Optional;

/**
 * How to run a Parley: where it listens, its account (known credentials, or a new account), and the phone numbers
 * it answers with the voice URL of each.
 *
 * @param host        the interface to listen on; loopback unless told otherwise
 * @param port        the TCP port; 0 picks a free one
 * @param publicUrl   the base URL apps reach Parley by (recording URLs); {@code http://host:port} by default
 * @param credentials the account to use; empty: a new account with fresh credentials
 * @param numbers     numbers to add to that account
 */
public record ParleyConfig(String host, int port, Optional<String> publicUrl, Optional<Credentials> credentials,
                           List<NumberRoute> numbers) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ParleyConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        numbers = List.copyOf(numbers);
    }

    /** Loopback, port 8080, a new account, no numbers. */
    public static ParleyConfig defaults() {
        return new ParleyConfig(LOOPBACK, DEFAULT_PORT, Optional.empty(), Optional.empty(), List.of());
    }

    public ParleyConfig withHost(String host) {
        return new ParleyConfig(host, port, publicUrl, credentials, numbers);
    }

    public ParleyConfig withPort(int port) {
        return new ParleyConfig(host, port, publicUrl, credentials, numbers);
    }

    public ParleyConfig withPublicUrl(String url) {
        return new ParleyConfig(host, port, Optional.of(url), credentials, numbers);
    }

    public ParleyConfig withCredentials(Credentials credentials) {
        return new ParleyConfig(host, port, publicUrl, Optional.of(credentials), numbers);
    }

    public ParleyConfig withNumbers(List<NumberRoute> numbers) {
        return new ParleyConfig(host, port, publicUrl, credentials, numbers);
    }

    /** The base URL apps reach Parley by. */
    public String baseUrl() {
        return publicUrl.orElseGet(() -> "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** An account's credentials: an AccountSid ({@code AC} and 32 hex digits) and its auth token. */
    public record Credentials(String accountSid, String authToken) {
        public Credentials {
            if (!Sids.isSid(accountSid, "AC")) {
                throw new IllegalArgumentException("not an AccountSid (AC and 32 hex digits): " + accountSid);
            }
            if (authToken.isBlank()) throw new IllegalArgumentException("the auth token is empty");
        }
    }

    /** A phone number Parley answers, and the URL of the TwiML app that handles its calls. */
    public record NumberRoute(String phoneNumber, String voiceUrl) {
        public NumberRoute {
            if (!PhoneNumber.isE164(phoneNumber)) {
                throw new IllegalArgumentException("not an E.164 number (+ and up to 15 digits): " + phoneNumber);
            }
            if (!UrlResolver.isAbsoluteHttp(voiceUrl)) {
                throw new IllegalArgumentException("not an absolute http(s) URL: " + voiceUrl);
            }
        }

        /** Parses {@code +15550001000=http://localhost:3000/voice}. */
        public static NumberRoute parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("expected NUMBER=VOICE_URL, got '" + spec + "'");
            }
            return new NumberRoute(spec.substring(0, eq).strip(), spec.substring(eq + 1).strip());
        }
    }
}
