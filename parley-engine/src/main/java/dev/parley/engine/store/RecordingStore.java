package dev.parley.engine.store;

import java.util.Optional;

/** Recordings' metadata (the audio is in the {@link MediaStore}). */
public interface RecordingStore {

    /** @throws StoreException when the SID is taken or the account does not exist */
    StoredRecording create(StoredRecording recording);

    Optional<StoredRecording> fetch(String accountSid, String sid);

    /** A recording by SID, unscoped: for the engine, whose callers check the account ({@link #fetch} is scoped). */
    Optional<StoredRecording> find(String sid);

    /** The account's recordings that match, newest first. */
    Page<StoredRecording> list(String accountSid, RecordingFilter filter, PageRequest page);

    /**
     * Writes what can change (status, duration, price, error code, date updated).
     *
     * @return false when the account has no such recording
     */
    boolean update(StoredRecording recording);

    boolean delete(String accountSid, String sid);
}
