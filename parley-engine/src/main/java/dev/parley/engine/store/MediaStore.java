package dev.parley.engine.store;

import java.util.Optional;

/**
 * Recording audio (WAV bytes), kept out of the database: the media can be large and is served whole. Keyed by
 * the account and the recording's SID, so that an account never reads another's media.
 */
public interface MediaStore {

    /** Stores (or replaces) the audio of a recording; readers never see a half-written file. */
    void put(String accountSid, String recordingSid, byte[] wav);

    Optional<byte[]> get(String accountSid, String recordingSid);

    /** False when there was nothing to delete. */
    boolean delete(String accountSid, String recordingSid);
}
