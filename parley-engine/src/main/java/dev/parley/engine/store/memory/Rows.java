package dev.parley.engine.store.memory;

import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoreException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One table of resources by SID, and the one place where the in-memory store pages a list as the JDBC store does:
 * newest first ({@code date_created} descending, then SID), a page token continuing right after its row when that
 * row still matches, else by position. Every method takes the store's lock; a caller that must check something
 * first (an account, a phone number) holds it around both.
 */
final class Rows<T> {

    private final Object lock;
    private final Map<String, T> bySid = new LinkedHashMap<>();
    private final Function<T, String> sid;
    private final Function<T, String> accountSid;
    private final Function<T, Instant> dateCreated;
    /** What the database makes of a row it stores: its times to the microsecond. */
    private final UnaryOperator<T> stored;

    Rows(Object lock, Function<T, String> sid, Function<T, String> accountSid, Function<T, Instant> dateCreated,
         UnaryOperator<T> stored) {
        this.lock = lock;
        this.sid = sid;
        this.accountSid = accountSid;
        this.dateCreated = dateCreated;
        this.stored = stored;
    }

    /** Adds a row; a taken SID is refused as the database refuses a duplicate key. Returns the row as given. */
    T insert(T row) {
        synchronized (lock) {
            if (bySid.containsKey(sid.apply(row))) {
                throw new StoreException("store already exists: " + sid.apply(row));
            }
            bySid.put(sid.apply(row), stored.apply(row));
            return row;
        }
    }

    Optional<T> find(String key) {
        synchronized (lock) {
            return Optional.ofNullable(bySid.get(key));
        }
    }

    /** The row when it is the account's. */
    Optional<T> fetch(String account, String key) {
        synchronized (lock) {
            return find(key).filter(r -> accountSid.apply(r).equals(account));
        }
    }

    /** Replaces the account's row by what {@code change} makes of it; false when the account has no such row. */
    boolean update(String account, String key, UnaryOperator<T> change) {
        synchronized (lock) {
            Optional<T> row = fetch(account, key);
            row.ifPresent(r -> bySid.put(key, stored.apply(change.apply(r))));
            return row.isPresent();
        }
    }

    boolean delete(String account, String key) {
        synchronized (lock) {
            return fetch(account, key).map(r -> bySid.remove(key) != null).orElse(false);
        }
    }

    List<T> all(Predicate<T> filter) {
        synchronized (lock) {
            return bySid.values().stream().filter(filter).toList();
        }
    }

    Page<T> page(Predicate<T> filter, PageRequest request) {
        synchronized (lock) {
            Comparator<T> newestFirst = Comparator.comparing(dateCreated).thenComparing(sid).reversed();
            List<T> rows = bySid.values().stream().filter(filter).sorted(newestFirst).toList();
            long offset = request.offset();
            Optional<T> anchor = request.afterSid().flatMap(this::find).filter(filter);
            if (anchor.isPresent()) {
                rows = rows.stream().filter(r -> newestFirst.compare(r, anchor.get()) > 0).toList();
                offset = 0;
            }
            int size = request.pageSize();
            List<T> window = rows.stream().skip(offset).limit(size + 1L).toList();
            if (window.size() <= size) return new Page<>(window, request.page(), size, Optional.empty());
            List<T> items = window.subList(0, size);
            return new Page<>(items, request.page(), size, Optional.of(Page.TOKEN_PREFIX + sid.apply(items.getLast())));
        }
    }
}
