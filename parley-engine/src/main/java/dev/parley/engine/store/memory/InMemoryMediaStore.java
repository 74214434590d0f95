package dev.parley.engine.store.memory;

import dev.parley.engine.store.Media;
import dev.parley.engine.store.MediaStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recording audio in memory, keyed by account and recording as the file store keeps it: for tests of short
 * recordings (the media is held whole). Recordings are staged in {@link #scratch}, the JVM's temporary directory
 * unless given.
 */
public final class InMemoryMediaStore implements MediaStore {

    private final Map<String, Media> media = new ConcurrentHashMap<>();
    private final Path scratch;

    public InMemoryMediaStore() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public InMemoryMediaStore(Path scratch) {
        this.scratch = scratch;
    }

    @Override
    public void put(String accountSid, String recordingSid, Media wav) {
        media.put(key(accountSid, recordingSid), Media.of(wav.bytes()));
    }

    @Override
    public Optional<Media> get(String accountSid, String recordingSid) {
        return Optional.ofNullable(media.get(key(accountSid, recordingSid)));
    }

    @Override
    public boolean delete(String accountSid, String recordingSid) {
        return media.remove(key(accountSid, recordingSid)) != null;
    }

    @Override
    public Path scratch() {
        return scratch;
    }

    private static String key(String accountSid, String recordingSid) {
        return accountSid + "/" + recordingSid;
    }
}
