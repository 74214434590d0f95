package dev.parley.server;

import dev.parley.engine.Sids;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.store.StoreConfig;
import dev.parley.twiml.UrlResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a Parley: where it listens, where it keeps its data, its account (known credentials, or the one it
 * created on its first start), and the phone numbers it answers with the voice URL of each.
 *
 * @param host          the interface to listen on; loopback unless told otherwise
 * @param port          the TCP port; 0 picks a free one
 * @param publicUrl     the base URL apps reach Parley by (recording URLs); {@code http://host:port} by default
 * @param credentials   the account to use; empty: the account Parley created on its first start (made now if none)
 * @param numbers       numbers to add to that account (or to point at these voice URLs again, at a restart)
 * @param dataDirectory where recordings' audio is kept, and the embedded database unless {@code database} is set
 * @param database      a database by JDBC URL (e.g. PostgreSQL); empty: embedded H2 in the data directory
 */
public record ParleyConfig(String host, int port, Optional<String> publicUrl, Optional<Credentials> credentials,
                           List<NumberRoute> numbers, Path dataDirectory, Optional<Database> database) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data");

    public ParleyConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        numbers = List.copyOf(numbers);
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(database, "database");
    }

    /** Loopback, port 8080, the account of the data directory, no numbers, data in {@code ./data} (H2). */
    public static ParleyConfig defaults() {
        return new ParleyConfig(LOOPBACK, DEFAULT_PORT, Optional.empty(), Optional.empty(), List.of(),
            DEFAULT_DATA_DIRECTORY, Optional.empty());
    }

    public ParleyConfig withHost(String host) {
        return new ParleyConfig(host, port, publicUrl, credentials, numbers, dataDirectory, database);
    }

    public ParleyConfig withPort(int port) {
        return new ParleyConfig(host, port, publicUrl, credentials, numbers, dataDirectory, database);
    }

    public ParleyConfig withPublicUrl(String url) {
        return new ParleyConfig(host, port, Optional.of(url), credentials, numbers, dataDirectory, database);
    }

    public ParleyConfig withCredentials(Credentials credentials) {
        return new ParleyConfig(host, port, publicUrl, Optional.of(credentials), numbers, dataDirectory, database);
    }

    public ParleyConfig withNumbers(List<NumberRoute> numbers) {
        return new ParleyConfig(host, port, publicUrl, credentials, numbers, dataDirectory, database);
    }

    public ParleyConfig withDataDirectory(Path directory) {
        return new ParleyConfig(host, port, publicUrl, credentials, numbers, directory, database);
    }

    public ParleyConfig withDatabase(Database db) {
        return new ParleyConfig(host, port, publicUrl, credentials, numbers, dataDirectory, Optional.of(db));
    }

    /** The base URL apps reach Parley by. */
    public String baseUrl() {
        return publicUrl.orElseGet(() -> "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** The store to open: the database given, else embedded H2 in the data directory. */
    public StoreConfig storeConfig() {
        return database.map(Database::storeConfig).orElseGet(() -> StoreConfig.embedded(dataDirectory));
    }

    /** An account's credentials: an AccountSid ({@code AC} and 32 hex digits) and its auth token. */
    public record Credentials(String accountSid, String authToken) {
        public Credentials {
            if (!Sids.isSid(accountSid, "AC")) {
                throw new IllegalArgumentException("not an AccountSid (AC and 32 hex digits): " + accountSid);
            }
            if (authToken.isBlank()) throw new IllegalArgumentException("the auth token is empty");
        }

        /** Hides the auth token. */
        @Override
        public String toString() {
            return "Credentials[" + accountSid + "]";
        }
    }

    /** A database by JDBC URL ({@code jdbc:postgresql://…} or {@code jdbc:h2:…}), with its user and password. */
    public record Database(String jdbcUrl, Optional<String> user, Optional<String> password) {
        public Database {
            if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException("not a PostgreSQL or H2 JDBC URL: " + jdbcUrl);
            }
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        StoreConfig storeConfig() {
            StoreConfig config = StoreConfig.jdbc(jdbcUrl);
            return user.isPresent() ? config.withCredentials(user.get(), password.orElse("")) : config;
        }

        /** Hides the password. */
        @Override
        public String toString() {
            return "Database[" + jdbcUrl + user.map(u -> " as " + u).orElse("") + "]";
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
