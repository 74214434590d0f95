package dev.parley.store;

import dev.parley.engine.Sids;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.Direction;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoredCall;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The base of the store's contract tests: each runs once per {@link Database} (the subclass says
 * {@code @ParameterizedClass @EnumSource(Database.class)}) on a fresh database, with seeded SIDs and fixed times.
 */
abstract class StoreTest {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    /** The node the tests' store is opened as. */
    static final String NODE = StoreConfig.DEFAULT_NODE_ID;

    @Parameter
    Database database;

    @TempDir
    Path directory;

    final Sids sids = new Sids(new Random(42));
    Database.Instance db;
    Store store;

    @BeforeEach
    void open() {
        db = database.create(directory);
        store = db.open(NODE);
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    /** Closes the store and opens it again on the same database, as a restarted node would. */
    void reopen() {
        store.close();
        store = db.open(NODE);
    }

    /** Runs work on a second store over the same database, as another node (its own node id) would. */
    void withNode(String nodeId, Consumer<Store> work) {
        try (Store other = db.open(nodeId)) {
            work.accept(other);
        }
    }

    static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A new main account, created at {@link #T0}. */
    StoredAccount account() {
        return store.accounts().create(
            StoredAccount.active(sids.next("AC"), Optional.empty(), "Main", sids.secret(), T0));
    }

    /** A new subaccount of {@code owner}. */
    StoredAccount subaccount(StoredAccount owner, String friendlyName, Instant created) {
        return store.accounts().create(
            StoredAccount.active(sids.next("AC"), Optional.of(owner.sid()), friendlyName, sids.secret(), created));
    }

    /** An inbound, ringing call of the account, created at {@code created}. */
    StoredCall.Builder call(StoredAccount account, String from, String to, Instant created) {
        return StoredCall.builder(sids.next("CA"), account.sid(), from, to, Direction.INBOUND, CallStatus.RINGING,
            created);
    }

    /** Every page of a list, following the page tokens. */
    static <T> List<T> all(Function<PageRequest, Page<T>> list, int pageSize) {
        List<T> items = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(pageSize));
        while (next.isPresent()) {
            Page<T> page = list.apply(next.get());
            items.addAll(page.items());
            next = page.next();
        }
        return items;
    }
}
