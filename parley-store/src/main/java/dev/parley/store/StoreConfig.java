package dev.parley.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store lives and who this node is.
 *
 * @param jdbcUrl     {@code jdbc:h2:file:…} (embedded, the default) or {@code jdbc:postgresql://…}
 * @param maxPoolSize connections in the pool
 * @param nodeId      this Parley node: it marks the calls the node runs and the outbox entries it delivers, so
 *                    several nodes over one PostgreSQL each need their own (and keep it across restarts)
 */
public record StoreConfig(String jdbcUrl, Optional<String> user, Optional<String> password, int maxPoolSize,
                          String nodeId) {

    public static final String DEFAULT_NODE_ID = "local";
    public static final int DEFAULT_POOL_SIZE = 10;

    /**
     * H2 options for Parley: PostgreSQL mode with lower-case names and PostgreSQL's null ordering, so that one set
     * of migrations and queries fits both; a lock timeout long enough for a busy outbox; the database closed by the
     * store rather than by H2's shutdown hook, which could close it under a call still being ended; and each commit
     * written to the file at once ({@code WRITE_DELAY=0}): by default H2 writes what was committed up to half a
     * second later, and a process killed meanwhile loses it ({@code KillTest}).
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(nodeId, "nodeId");
        if (maxPoolSize < 1) throw new IllegalArgumentException("maxPoolSize " + maxPoolSize);
        if (nodeId.isBlank() || nodeId.length() > 64) throw new IllegalArgumentException("nodeId '" + nodeId + "'");
    }

    /** The default: an embedded H2 database, {@code parley.mv.db} in the data directory. */
    public static StoreConfig embedded(Path dataDirectory) {
        return jdbc("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("parley") + H2_OPTIONS);
    }

    /** A database by JDBC URL, e.g. {@code jdbc:postgresql://db:5432/parley}. */
    public static StoreConfig jdbc(String url) {
        return new StoreConfig(url, Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE, DEFAULT_NODE_ID);
    }

    public StoreConfig withCredentials(String newUser, String newPassword) {
        return new StoreConfig(jdbcUrl, Optional.of(newUser), Optional.of(newPassword), maxPoolSize, nodeId);
    }

    public StoreConfig withNodeId(String id) {
        return new StoreConfig(jdbcUrl, user, password, maxPoolSize, id);
    }

    public StoreConfig withMaxPoolSize(int size) {
        return new StoreConfig(jdbcUrl, user, password, size, nodeId);
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "StoreConfig[" + jdbcUrl + user.map(u -> " as " + u).orElse("") + ", pool " + maxPoolSize
            + ", node " + nodeId + "]";
    }
}
