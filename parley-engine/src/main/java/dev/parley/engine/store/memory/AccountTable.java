package dev.parley.engine.store.memory;

import java.util.Optional;
import java.util.function.Function;

/**
 * What the in-memory stores of an account's resources (numbers, calls, recordings, alerts) have in common: a row
 * names an existing account, a taken SID is refused, reads by SID are scoped ({@code fetch}) or not ({@code find}).
 */
abstract class AccountTable<T> {

    final InMemoryStore.Tables tables;
    final Rows<T> rows;
    private final Function<T, String> accountSid;

    AccountTable(InMemoryStore.Tables tables, Rows<T> rows, Function<T, String> accountSid) {
        this.tables = tables;
        this.rows = rows;
        this.accountSid = accountSid;
    }

    public T create(T row) {
        synchronized (tables) {
            tables.requireAccount(accountSid.apply(row));
            return rows.insert(row);
        }
    }

    public Optional<T> fetch(String account, String sid) {
        return rows.fetch(account, sid);
    }

    public Optional<T> find(String sid) {
        return rows.find(sid);
    }

    public boolean delete(String account, String sid) {
        return rows.delete(account, sid);
    }
}
