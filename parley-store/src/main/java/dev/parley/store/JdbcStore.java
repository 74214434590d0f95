package dev.parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.engine.conversation.ConversationStore;
import dev.parley.engine.store.AccountStore;
import dev.parley.engine.store.AlertStore;
import dev.parley.engine.store.CallStore;
import dev.parley.engine.store.NumberStore;
import dev.parley.engine.store.Outbox;
import dev.parley.engine.store.RecordingStore;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The {@link Store} over JDBC: a HikariCP pool on H2 or PostgreSQL, the schema brought up to date by Flyway when
 * the store opens (several nodes may open at once: Flyway takes a lock for the migration).
 */
public final class JdbcStore implements Store {

    /** Where the migrations live: one set, for both databases. */
    static final String MIGRATIONS = "classpath:dev/parley/store/migration";

    private final HikariDataSource pool;
    private final AccountStore accounts;
    private final NumberStore numbers;
    private final CallStore calls;
    private final RecordingStore recordings;
    private final AlertStore alerts;
    private final Outbox outbox;
    private final ConversationStore conversations;

    private JdbcStore(HikariDataSource pool, String nodeId) {
        this.pool = pool;
        Jdbc jdbc = new Jdbc(pool);
        this.accounts = new JdbcAccounts(jdbc);
        this.numbers = new JdbcNumbers(jdbc);
        this.calls = new JdbcCalls(jdbc, nodeId);
        this.recordings = new JdbcRecordings(jdbc);
        this.alerts = new JdbcAlerts(jdbc);
        this.outbox = new JdbcOutbox(jdbc, nodeId);
        this.conversations = new JdbcConversationStore(jdbc);
    }

    /**
     * Connects, migrates the schema, and returns the open store.
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static JdbcStore open(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setPoolName("parley-store-" + config.nodeId());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store at " + config.jdbcUrl() + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot migrate the store at " + config.jdbcUrl() + ": " + e.getMessage(), e);
        }
        return new JdbcStore(pool, config.nodeId());
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public NumberStore numbers() {
        return numbers;
    }

    @Override
    public CallStore calls() {
        return calls;
    }

    @Override
    public RecordingStore recordings() {
        return recordings;
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    /**
     * The conversation domain's store (services, routing, conversations, participants, Frontline users) in the
     * same database: the one to build the engine's {@code Frontline} on.
     */
    public ConversationStore conversations() {
        return conversations;
    }

    @Override
    public void close() {
        pool.close();
    }
}
