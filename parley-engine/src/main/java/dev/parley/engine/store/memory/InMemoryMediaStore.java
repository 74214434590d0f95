package dev.parley.engine.store.memory;

import dev.parley.engine.store.MediaStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Recording audio in memory, keyed by account and recording as the file store keeps it. */
public final class InMemoryMediaStore implements MediaStore {

    private final Map<String, byte[]> media = new ConcurrentHashMap<>();

    @Override
    public void put(String accountSid, String recordingSid, byte[] wav) {
        media.put(key(accountSid, recordingSid), wav.clone());
    }

    @Override
    public Optional<byte[]> get(String accountSid, String recordingSid) {
        return Optional.ofNullable(media.get(key(accountSid, recordingSid))).map(byte[]::clone);
    }

    @Override
    public boolean delete(String accountSid, String recordingSid) {
        return media.remove(key(accountSid, recordingSid)) != null;
    }

    private static String key(String accountSid, String recordingSid) {
        return accountSid + "/" + recordingSid;
    }
}
