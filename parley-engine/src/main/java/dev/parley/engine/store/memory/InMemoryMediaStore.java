package dev.parley.engine.store.memory;

import dev.parley.engine.store.Media;
import dev.parley.engine.store.MediaStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recording audio for tests, keyed by account and recording as the file store keeps it: short recordings are held
 * in memory, longer ones (over {@link #HELD_BYTES}) in a file of {@link #scratch}, deleted with the recording, so that
 * a test of hours-long calls (the random flows: {@code <Dial>}'s 4-hour {@code timeLimit}) needs no more heap than a
 * deployment. Recordings are staged in {@link #scratch} too: the JVM's temporary directory unless given.
 */
public final class InMemoryMediaStore implements MediaStore, AutoCloseable {

    /** Media up to this size are held in memory (a minute of dual audio is under 2 MB). */
    public static final long HELD_BYTES = 8L << 20;

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
        Media kept = wav.length() <= HELD_BYTES ? Media.of(wav.bytes()) : spilled(wav);
        Media replaced = media.put(key(accountSid, recordingSid), kept);
        if (replaced instanceof Spilled file) file.delete();
    }

    private Spilled spilled(Media wav) {
        try (InputStream in = wav.open()) {
            Path file = Files.createTempFile(scratch, "media-", ".wav");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new Spilled(file, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Media kept in a file of the scratch directory. */
    private record Spilled(Path file, long length) implements Media {

        @Override
        public InputStream open() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public Optional<Media> get(String accountSid, String recordingSid) {
        return Optional.ofNullable(media.get(key(accountSid, recordingSid)));
    }

    @Override
    public boolean delete(String accountSid, String recordingSid) {
        Media removed = media.remove(key(accountSid, recordingSid));
        if (removed instanceof Spilled file) file.delete();
        return removed != null;
    }

    /** Deletes the files of the media it kept in files (the store is empty afterwards). */
    @Override
    public void close() {
        for (String key : media.keySet()) {
            if (media.remove(key) instanceof Spilled file) file.delete();
        }
    }

    @Override
    public Path scratch() {
        return scratch;
    }

    private static String key(String accountSid, String recordingSid) {
        return accountSid + "/" + recordingSid;
    }
}
