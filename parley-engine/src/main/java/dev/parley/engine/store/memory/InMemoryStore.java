package dev.parley.engine.store.memory;

import dev.parley.engine.store.AccountStore;
import dev.parley.engine.store.AlertStore;
import dev.parley.engine.store.CallStore;
import dev.parley.engine.store.NumberStore;
import dev.parley.engine.store.Outbox;
import dev.parley.engine.store.RecordingStore;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.store.StoredAlert;
import dev.parley.engine.store.StoredCall;
import dev.parley.engine.store.StoredNumber;
import dev.parley.engine.store.StoredRecording;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Store} in memory: what the engine's and the simulation's tests run on, where a database per test
 * would cost more than the test (an H2 database in memory with its Flyway migration takes about 40 ms to open, the
 * 5,000 flows of {@code RandomFlowsTest} about 5 s in all). It keeps the JDBC store's rules (account scopes, a SID
 * or phone number taken once, rows that name an existing account, Twilio's list order and paging, the outbox's
 * claims and leases) and is held to them by the store's contract suite, which runs against it as a third database
 * beside H2 and PostgreSQL. Instants are kept as given (the JDBC store keeps microseconds). Thread-safe: one lock.
 *
 * <p>{@link #node} opens the same data as another node, as a second Parley over one database does.
 */
public final class InMemoryStore implements Store {

    private final Tables tables;
    private final String nodeId;

    /** An empty store, opened as node {@code local}. */
    public InMemoryStore() {
        this(new Tables(), "local");
    }

    private InMemoryStore(Tables tables, String nodeId) {
        this.tables = tables;
        this.nodeId = nodeId;
    }

    /** The same data, opened by another node (its calls and claims are its own). */
    public InMemoryStore node(String otherNodeId) {
        return new InMemoryStore(tables, otherNodeId);
    }

    @Override
    public AccountStore accounts() {
        return new MemoryAccounts(tables);
    }

    @Override
    public NumberStore numbers() {
        return new MemoryNumbers(tables);
    }

    @Override
    public CallStore calls() {
        return new MemoryCalls(tables, nodeId);
    }

    @Override
    public RecordingStore recordings() {
        return new MemoryRecordings(tables);
    }

    @Override
    public AlertStore alerts() {
        return new MemoryAlerts(tables);
    }

    @Override
    public Outbox outbox() {
        return new MemoryOutbox(tables, nodeId);
    }

    /** Nothing to release: the data stays for the next {@link #node}. */
    @Override
    public void close() {
    }

    /** The data of all nodes, and its lock. */
    static final class Tables {
        final Rows<StoredAccount> accounts =
            new Rows<>(this, StoredAccount::sid, StoredAccount::sid, StoredAccount::dateCreated, Micros::of);
        final Rows<StoredNumber> numbers =
            new Rows<>(this, StoredNumber::sid, StoredNumber::accountSid, StoredNumber::dateCreated, Micros::of);
        final Rows<StoredCall> calls =
            new Rows<>(this, StoredCall::sid, StoredCall::accountSid, StoredCall::dateCreated, Micros::of);
        /** The node that runs each call. */
        final Map<String, String> callNodes = new HashMap<>();
        final Rows<StoredRecording> recordings =
            new Rows<>(this, StoredRecording::sid, StoredRecording::accountSid, StoredRecording::dateCreated, Micros::of);
        final Rows<StoredAlert> alerts =
            new Rows<>(this, StoredAlert::sid, StoredAlert::accountSid, StoredAlert::dateCreated, Micros::of);
        final MemoryOutbox.Entries outbox = new MemoryOutbox.Entries();

        /** A row must name an account that exists, as the foreign keys of the schema say. */
        void requireAccount(String accountSid) {
            if (accounts.find(accountSid).isEmpty()) {
                throw new StoreException("store refers to something that does not exist: account " + accountSid);
            }
        }
    }
}
