package dev.parley.engine.store.memory;

import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.RecordingFilter;
import dev.parley.engine.store.RecordingStore;
import dev.parley.engine.store.StoredRecording;
import java.util.Optional;
import java.util.function.Predicate;

/** Recordings' metadata in memory. */
final class MemoryRecordings implements RecordingStore {

    private final InMemoryStore.Tables tables;

    MemoryRecordings(InMemoryStore.Tables tables) {
        this.tables = tables;
    }

    @Override
    public StoredRecording create(StoredRecording recording) {
        synchronized (tables) {
            tables.requireAccount(recording.accountSid());
            return tables.recordings.insert(recording);
        }
    }

    @Override
    public Optional<StoredRecording> fetch(String accountSid, String sid) {
        synchronized (tables) {
            return tables.recordings.fetch(accountSid, sid);
        }
    }

    @Override
    public Optional<StoredRecording> find(String sid) {
        synchronized (tables) {
            return tables.recordings.find(sid);
        }
    }

    @Override
    public Page<StoredRecording> list(String accountSid, RecordingFilter filter, PageRequest page) {
        Predicate<StoredRecording> matches = r -> r.accountSid().equals(accountSid)
            && filter.callSid().map(s -> r.callSid().equals(Optional.of(s))).orElse(true)
            && filter.conferenceSid().map(s -> r.conferenceSid().equals(Optional.of(s))).orElse(true)
            && MemoryCalls.within(Optional.of(r.dateCreated()), filter.dateCreated());
        synchronized (tables) {
            return tables.recordings.page(matches, page);
        }
    }

    @Override
    public boolean update(StoredRecording r) {
        synchronized (tables) {
            return tables.recordings.update(r.accountSid(), r.sid(), stored -> new StoredRecording(stored.sid(),
                stored.accountSid(), stored.callSid(), stored.conferenceSid(), r.status(), stored.source(),
                stored.channels(), stored.startTime(), r.duration(), r.price(), r.priceUnit(), r.errorCode(),
                stored.dateCreated(), r.dateUpdated()));
        }
    }

    @Override
    public boolean delete(String accountSid, String sid) {
        synchronized (tables) {
            return tables.recordings.delete(accountSid, sid);
        }
    }
}
