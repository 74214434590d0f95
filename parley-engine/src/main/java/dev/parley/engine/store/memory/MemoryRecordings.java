package dev.parley.engine.store.memory;

import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.RecordingFilter;
import dev.parley.engine.store.RecordingStore;
import dev.parley.engine.store.StoredRecording;
import java.util.Optional;
import java.util.function.Predicate;

/** Recordings' metadata in memory. */
final class MemoryRecordings extends AccountTable<StoredRecording> implements RecordingStore {

    MemoryRecordings(InMemoryStore.Tables tables) {
        super(tables, tables.recordings, StoredRecording::accountSid);
    }

    @Override
    public Page<StoredRecording> list(String accountSid, RecordingFilter filter, PageRequest page) {
        Predicate<StoredRecording> matches = r -> r.accountSid().equals(accountSid)
            && filter.callSid().map(s -> r.callSid().equals(Optional.of(s))).orElse(true)
            && filter.conferenceSid().map(s -> r.conferenceSid().equals(Optional.of(s))).orElse(true)
            && MemoryCalls.within(Optional.of(r.dateCreated()), filter.dateCreated());
        return rows.page(matches, page);
    }

    @Override
    public boolean update(StoredRecording r) {
        return rows.update(r.accountSid(), r.sid(), stored -> new StoredRecording(stored.sid(),
            stored.accountSid(), stored.callSid(), stored.conferenceSid(), r.status(), stored.source(),
            stored.channels(), stored.startTime(), r.duration(), r.price(), r.priceUnit(), r.errorCode(),
            stored.dateCreated(), r.dateUpdated()));
    }

}
