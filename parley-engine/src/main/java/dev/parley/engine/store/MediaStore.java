package dev.parley.engine.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Recording audio (WAV), kept out of the database: the media can be hours long, so it goes in and out as streams,
 * never whole in memory. Keyed by the account and the recording's SID, so that an account never reads another's
 * media.
 */
public interface MediaStore {

    /** Stores (or replaces) the audio of a recording, read from {@code wav}; readers never see a half-written file. */
    void put(String accountSid, String recordingSid, Media wav);

    Optional<Media> get(String accountSid, String recordingSid);

    /** False when there was nothing to delete. */
    boolean delete(String accountSid, String recordingSid);

    /**
     * Where audio is staged while a recording is made (its mix), as temporary files deleted once stored: beside the
     * media when they are files, the JVM's temporary directory otherwise. It may not exist yet.
     */
    Path scratch();
}
