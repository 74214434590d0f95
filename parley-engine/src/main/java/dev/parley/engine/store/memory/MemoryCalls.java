package dev.parley.engine.store.memory;

import dev.parley.engine.store.CallFilter;
import dev.parley.engine.store.CallStore;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoredCall;
import dev.parley.engine.store.TimeRange;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Calls in memory, each marked with the node that runs it. */
final class MemoryCalls extends AccountTable<StoredCall> implements CallStore {

    private final String nodeId;

    MemoryCalls(InMemoryStore.Tables tables, String nodeId) {
        super(tables, tables.calls, StoredCall::accountSid);
        this.nodeId = nodeId;
    }

    @Override
    public StoredCall create(StoredCall call) {
        synchronized (tables) {
            super.create(call);
            tables.callNodes.put(call.sid(), nodeId);
            return call;
        }
    }

    @Override
    public Page<StoredCall> list(String accountSid, CallFilter filter, PageRequest page) {
        Predicate<StoredCall> matches = c -> c.accountSid().equals(accountSid)
            && filter.to().map(c.to()::equals).orElse(true)
            && filter.from().map(c.from()::equals).orElse(true)
            && filter.parentCallSid().map(p -> c.parentCallSid().equals(Optional.of(p))).orElse(true)
            && filter.status().map(s -> c.status() == s).orElse(true)
            && within(c.startTime(), filter.startTime())
            && within(c.endTime(), filter.endTime());
        return rows.page(matches, page);
    }

    /** The instant inside the range; an unset one is outside any bounded range (as SQL NULL is). */
    static boolean within(Optional<Instant> at, TimeRange range) {
        if (range.from().isEmpty() && range.before().isEmpty()) return true;
        return at.filter(t -> range.from().map(f -> !t.isBefore(f)).orElse(true)
            && range.before().map(t::isBefore).orElse(true)).isPresent();
    }

    @Override
    public boolean update(StoredCall c) {
        return rows.update(c.accountSid(), c.sid(), stored -> new StoredCall(stored.sid(),
            stored.accountSid(), stored.parentCallSid(), stored.from(), stored.to(), stored.direction(), c.status(),
            stored.phoneNumberSid(), c.startTime(), c.endTime(), c.duration(), c.price(), c.priceUnit(),
            c.answeredBy(), c.callerName(), c.forwardedFrom(), c.groupSid(), c.queueTime(), c.trunkSid(),
            c.statusCallback(), c.callbackSequence(), stored.dateCreated(), c.dateUpdated()));
    }

    @Override
    public boolean delete(String accountSid, String sid) {
        synchronized (tables) {
            boolean deleted = rows.delete(accountSid, sid);
            if (deleted) tables.callNodes.remove(sid);
            return deleted;
        }
    }

    @Override
    public List<StoredCall> live() {
        synchronized (tables) {
            return rows.all(c -> !c.status().isFinal() && nodeId.equals(tables.callNodes.get(c.sid())))
                .stream().sorted(Comparator.comparing(StoredCall::dateCreated).thenComparing(StoredCall::sid)).toList();
        }
    }
}
