package dev.parley.store;

import dev.parley.engine.store.AccountFilter;
import dev.parley.engine.store.AccountStore;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoredAccount;
import java.sql.SQLException;
import java.util.Optional;

/** Accounts in the {@code accounts} table; a scope sees itself and its subaccounts. */
final class JdbcAccounts implements AccountStore {

    private final Jdbc jdbc;

    JdbcAccounts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoredAccount create(StoredAccount a) {
        jdbc.update("INSERT INTO accounts (sid, owner_account_sid, friendly_name, status, type, auth_token,"
                + " date_created, date_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            a.sid(), a.ownerAccountSid(), a.friendlyName(), a.status(), a.type(), a.authToken(), a.dateCreated(),
            a.dateUpdated());
        return a;
    }

    @Override
    public Optional<StoredAccount> find(String sid) {
        return jdbc.one("SELECT * FROM accounts WHERE sid = ?", JdbcAccounts::map, sid);
    }

    @Override
    public Optional<StoredAccount> firstMain() {
        return jdbc.one("SELECT * FROM accounts WHERE owner_account_sid IS NULL ORDER BY date_created, sid LIMIT 1",
            JdbcAccounts::map);
    }

    @Override
    public Optional<StoredAccount> fetch(String scopeSid, String sid) {
        Where where = scope(scopeSid).equal("sid", sid);
        return jdbc.one("SELECT * FROM accounts" + where.sql(), JdbcAccounts::map, where.args());
    }

    @Override
    public Page<StoredAccount> list(String scopeSid, AccountFilter filter, PageRequest page) {
        Where where = scope(scopeSid)
            .equal("friendly_name", filter.friendlyName())
            .equal("status", filter.status());
        return Paging.page(jdbc, "accounts", where, page, JdbcAccounts::map, StoredAccount::sid);
    }

    @Override
    public boolean update(String scopeSid, StoredAccount a) {
        Where where = scope(scopeSid).equal("sid", a.sid());
        return jdbc.update("UPDATE accounts SET friendly_name = ?, status = ?, auth_token = ?, date_updated = ?"
            + where.sql(), where.argsAfter(a.friendlyName(), a.status(), a.authToken(), a.dateUpdated())) == 1;
    }

    /** The account itself and the subaccounts it owns. */
    private static Where scope(String scopeSid) {
        return new Where().and("(sid = ? OR owner_account_sid = ?)", scopeSid, scopeSid);
    }

    private static StoredAccount map(Row r) throws SQLException {
        return new StoredAccount(r.string("sid"), r.optString("owner_account_sid"), r.string("friendly_name"),
            r.string("status"), r.string("type"), r.string("auth_token"), r.instant("date_created"),
            r.instant("date_updated"));
    }
}
