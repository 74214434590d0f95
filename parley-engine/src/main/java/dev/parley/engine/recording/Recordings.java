package dev.parley.engine.recording;

import dev.parley.engine.store.MediaStore;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.RecordingFilter;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoredCall;
import dev.parley.engine.store.StoredRecording;
import java.util.List;
import java.util.Optional;

/**
 * The recordings of all accounts: their metadata in the {@link Store}, their audio in the {@link MediaStore}
 * (written first, so that a recording the store lists always has its audio).
 */
public final class Recordings {

    private final Store store;
    private final MediaStore media;

    public Recordings(Store store, MediaStore media) {
        this.store = store;
        this.media = media;
    }

    public Recording add(Recording recording) {
        media.put(recording.accountSid(), recording.sid(), recording.wav());
        store.recordings().create(new StoredRecording(recording.sid(), recording.accountSid(),
            Optional.of(recording.callSid()), Optional.empty(), recording.status(), recording.source(),
            recording.channels(), recording.startTime(), Optional.of(recording.durationSeconds()), Optional.empty(),
            Optional.empty(), Optional.empty(), recording.dateCreated(), recording.dateCreated()));
        return recording;
    }

    public Optional<Recording> recording(String sid) {
        return store.recordings().find(sid).flatMap(this::withAudio);
    }

    /** A call's recordings, oldest first. */
    public List<Recording> ofCall(String callSid) {
        return store.calls().find(callSid).map(StoredCall::accountSid)
            .map(account -> list(account, RecordingFilter.ALL.callSid(callSid))).orElse(List.of());
    }

    /** An account's recordings, oldest first. */
    public List<Recording> ofAccount(String accountSid) {
        return list(accountSid, RecordingFilter.ALL);
    }

    /** Deletes a recording and its audio; false when there was no such recording. */
    public boolean delete(String sid) {
        Optional<StoredRecording> stored = store.recordings().find(sid);
        if (stored.isEmpty()) return false;
        boolean deleted = store.recordings().delete(stored.get().accountSid(), sid);
        media.delete(stored.get().accountSid(), sid);
        return deleted;
    }

    private List<Recording> list(String accountSid, RecordingFilter filter) {
        return Page.all(page -> store.recordings().list(accountSid, filter, page)).reversed().stream()
            .flatMap(r -> withAudio(r).stream()).toList();
    }

    /** The recording with its audio; empty while the audio is missing (deleted under it). */
    private Optional<Recording> withAudio(StoredRecording r) {
        return media.get(r.accountSid(), r.sid()).map(wav -> new Recording(r.sid(), r.accountSid(),
            r.callSid().orElse(""), r.startTime(), r.dateCreated(), r.duration().orElse(0L), r.channels(), r.source(),
            r.status(), wav));
    }
}
