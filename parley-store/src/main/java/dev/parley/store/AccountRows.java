package dev.parley.store;

import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The rows of a table whose resources belong to an account (numbers, calls, recordings, alerts): the one place
 * where reads, lists and deletes get their {@code account_sid = ?}, so that no query of these forgets it.
 */
final class AccountRows<T> {

    private final Jdbc jdbc;
    private final String table;
    private final Queries.Mapper<T> mapper;
    private final Function<T, String> sidOf;

    AccountRows(Jdbc jdbc, String table, Queries.Mapper<T> mapper, Function<T, String> sidOf) {
        this.jdbc = jdbc;
        this.table = table;
        this.mapper = mapper;
        this.sidOf = sidOf;
    }

    Optional<T> fetch(String accountSid, String sid) {
        return jdbc.one("SELECT * FROM " + table + " WHERE account_sid = ? AND sid = ?", mapper, accountSid, sid);
    }

    /** A row by SID alone, whichever account it belongs to (the port's unscoped {@code find}). */
    Optional<T> find(String sid) {
        return jdbc.one("SELECT * FROM " + table + " WHERE sid = ?", mapper, sid);
    }

    /** The account's rows that pass the filter, newest first. */
    Page<T> list(String accountSid, UnaryOperator<Where> filter, PageRequest page) {
        Where where = filter.apply(new Where().equal("account_sid", accountSid));
        return Paging.page(jdbc, table, where, page, mapper, sidOf);
    }

    /** Runs an UPDATE whose statement ends with {@code WHERE account_sid = ? AND sid = ?}; true when it hit the row. */
    boolean update(String setClause, String accountSid, String sid, Object... setValues) {
        Object[] args = new Where().equal("account_sid", accountSid).equal("sid", sid).argsAfter(setValues);
        return jdbc.update("UPDATE " + table + " SET " + setClause + " WHERE account_sid = ? AND sid = ?", args) == 1;
    }

    boolean delete(String accountSid, String sid) {
        return jdbc.update("DELETE FROM " + table + " WHERE account_sid = ? AND sid = ?", accountSid, sid) == 1;
    }
}
