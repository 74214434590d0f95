package dev.parley.server;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.AccountException;
import dev.parley.engine.account.Directory;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallObserver;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.clock.SystemClock;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.store.MediaStore;
import dev.parley.engine.webhook.HttpWebhookTransport;
import dev.parley.server.logging.CallEventLog;
import dev.parley.server.metrics.Metrics;
import dev.parley.sim.VirtualNetwork;
import dev.parley.store.FileMediaStore;
import dev.parley.store.JdbcStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One Parley, wired: its clock, the store (embedded H2 in the data directory, or the database configured) with the
 * recordings' audio beside it, accounts and numbers, the virtual phone network (the telephony it has today), the
 * call engine, and the conversation domain (services, conversations, participants, Frontline users) in the same
 * database; its {@code <Connect><Conversation>} sessions run on that domain. Calls report to its {@link Metrics}
 * and to the structured log ({@link CallEventLog}). Built from a {@link ParleyConfig}; the HTTP server and the
 * command line build on it.
 *
 * <p>Opening a Parley on data a previous one left is a restart: the engine ends the calls that were live and
 * delivers the callbacks still owed ({@link CallEngine#start}). Its account is the one configured, else the one a
 * Parley created on its first start over this store, else a new one.
 */
public final class Parley implements AutoCloseable {

    /** Where the account came from. */
    public enum AccountOrigin {
        /** Credentials in the configuration. */
        CONFIGURED,
        /** Created now: the store had no account. */
        CREATED,
        /** The account created on an earlier start, kept in the store. */
        KEPT
    }

    private final ParleyConfig config;
    private final Clock clock;
    private final Sids sids;
    private final JdbcStore store;
    private final MediaStore media;
    private final HttpWebhookTransport transport = new HttpWebhookTransport();
    private final Directory directory;
    private final VirtualNetwork network;
    private final CallEngine engine;
    private final Frontline frontline;
    private final Account account;
    private final AccountOrigin accountOrigin;
    private final Metrics metrics;

    private Parley(ParleyConfig config, Clock clock, Sids sids, JdbcStore store) {
        this.config = config;
        this.clock = clock;
        this.sids = sids;
        this.store = store;
        this.media = FileMediaStore.in(config.dataDirectory());
        this.directory = new Directory(store, sids, clock);
        this.network = new VirtualNetwork(clock);
        this.engine = new CallEngine(clock, network, directory, store, media, sids, transport, config.baseUrl());
        network.arrivals(engine);
        this.frontline = new Frontline(store.conversations(), sids, clock, transport, directory);
        engine.conversations(frontline);
        Optional<Account> kept = config.credentials().isPresent() ? Optional.empty()
            : store.accounts().firstMain().flatMap(a -> directory.account(a.sid()));
        this.accountOrigin = config.credentials().isPresent() ? AccountOrigin.CONFIGURED
            : kept.isPresent() ? AccountOrigin.KEPT : AccountOrigin.CREATED;
        this.account = config.credentials().map(this::configured)
            .or(() -> kept)
            .orElseGet(() -> directory.createAccount("Parley", clock.now()));
        for (ParleyConfig.NumberRoute route : config.numbers()) {
            directory.pointNumber(account.sid(), route.phoneNumber(), route.voiceUrl(), clock.now());
        }
        this.metrics = new Metrics(engine);
        engine.observer(CallObserver.all(List.of(metrics.calls(), new CallEventLog())));
        try {
            engine.start();
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    /** Real time, secure random SIDs and tokens. */
    public static Parley create(ParleyConfig config) {
        return create(config, new SystemClock(), Sids.secure());
    }

    /**
     * With a given clock (a {@code VirtualClock} in tests) and SID source (seeded in tests).
     *
     * @throws dev.parley.engine.store.StoreException when the store cannot be opened
     * @throws AccountException when a configured number belongs to another account (21422)
     */
    public static Parley create(ParleyConfig config, Clock clock, Sids sids) {
        JdbcStore store = JdbcStore.open(config.storeConfig());
        try {
            return new Parley(config, clock, sids, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The configured account, made (or given the configured token) in the store. */
    private Account configured(ParleyConfig.Credentials credentials) {
        Instant now = clock.now();
        Optional<Account> known = directory.account(credentials.accountSid());
        if (known.isPresent() && known.get().authToken().equals(credentials.authToken())) return known.get();
        return directory.put(known.map(a -> new Account(a.sid(), credentials.authToken(), a.friendlyName(),
                a.ownerAccountSid(), a.status(), a.dateCreated(), now))
            .orElseGet(() -> Account.main(credentials.accountSid(), credentials.authToken(), "Parley", now)));
    }

    public ParleyConfig config() { return config; }
    public Clock clock() { return clock; }
    public Sids sids() { return sids; }
    public Directory directory() { return directory; }
    public VirtualNetwork network() { return network; }
    public CallEngine engine() { return engine; }

    /** Conversations, their services and routing, participants and Frontline users, kept in the store. */
    public Frontline frontline() { return frontline; }
    /** Its meters (calls, webhooks, the JVM), served at {@code /metrics}. */
    public Metrics metrics() { return metrics; }

    /** The durable state: what the REST APIs list and fetch (and the conversation domain's store). */
    public JdbcStore store() { return store; }

    /** Recordings' audio. */
    public MediaStore media() { return media; }

    /** The account of the configuration, or the one kept from the first start, or the one created now. */
    public Account account() { return account; }

    public AccountOrigin accountOrigin() { return accountOrigin; }

    /**
     * Stops delivering callbacks, stops its meters (the JVM's garbage collection listener with them) and closes the
     * store; the data stays for the next start.
     */
    @Override
    public void close() {
        engine.close();
        metrics.close();
        transport.close();
        store.close();
    }
}
