package dev.parley.engine.store.memory;

import dev.parley.engine.store.AlertFilter;
import dev.parley.engine.store.AlertStore;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoredAlert;
import java.util.Optional;
import java.util.function.Predicate;

/** Debugger alerts in memory; written once. */
final class MemoryAlerts extends AccountTable<StoredAlert> implements AlertStore {

    MemoryAlerts(InMemoryStore.Tables tables) {
        super(tables, tables.alerts, StoredAlert::accountSid);
    }

    @Override
    public Page<StoredAlert> list(String accountSid, AlertFilter filter, PageRequest page) {
        Predicate<StoredAlert> matches = a -> a.accountSid().equals(accountSid)
            && filter.logLevel().map(a.logLevel()::equals).orElse(true)
            && filter.resourceSid().map(s -> a.resourceSid().equals(Optional.of(s))).orElse(true)
            && MemoryCalls.within(Optional.of(a.dateCreated()), filter.dateCreated());
        return rows.page(matches, page);
    }
}
