package dev.parley.engine.store.memory;

import dev.parley.engine.store.AccountFilter;
import dev.parley.engine.store.AccountStore;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoredAccount;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;

/** Accounts in memory; a scope sees itself and its subaccounts. */
final class MemoryAccounts implements AccountStore {

    private final InMemoryStore.Tables tables;

    MemoryAccounts(InMemoryStore.Tables tables) {
        this.tables = tables;
    }

    @Override
    public StoredAccount create(StoredAccount account) {
        synchronized (tables) {
            account.ownerAccountSid().ifPresent(tables::requireAccount);
            return tables.accounts.insert(account);
        }
    }

    @Override
    public Optional<StoredAccount> find(String sid) {
        return tables.accounts.find(sid);
    }

    @Override
    public Optional<StoredAccount> firstMain() {
        synchronized (tables) {
            return tables.accounts.all(a -> a.ownerAccountSid().isEmpty()).stream()
                .min(Comparator.comparing(StoredAccount::dateCreated).thenComparing(StoredAccount::sid));
        }
    }

    @Override
    public Optional<StoredAccount> fetch(String scopeSid, String sid) {
        return tables.accounts.find(sid).filter(inScope(scopeSid));
    }

    @Override
    public Page<StoredAccount> list(String scopeSid, AccountFilter filter, PageRequest page) {
        Predicate<StoredAccount> matches = inScope(scopeSid)
            .and(a -> filter.friendlyName().map(a.friendlyName()::equals).orElse(true))
            .and(a -> filter.status().map(a.status()::equals).orElse(true));
        return tables.accounts.page(matches, page);
    }

    @Override
    public boolean update(String scopeSid, StoredAccount account) {
        synchronized (tables) {
            if (fetch(scopeSid, account.sid()).isEmpty()) return false;
            return tables.accounts.update(account.sid(), account.sid(), stored -> new StoredAccount(stored.sid(),
                stored.ownerAccountSid(), account.friendlyName(), account.status(), stored.type(), account.authToken(),
                stored.dateCreated(), account.dateUpdated()));
        }
    }

    /** The account itself and the subaccounts it owns. */
    private static Predicate<StoredAccount> inScope(String scopeSid) {
        return a -> a.sid().equals(scopeSid) || a.ownerAccountSid().filter(scopeSid::equals).isPresent();
    }
}
