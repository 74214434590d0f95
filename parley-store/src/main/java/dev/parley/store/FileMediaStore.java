package dev.parley.store;

import dev.parley.engine.Sids;
import dev.parley.engine.store.MediaStore;
import dev.parley.engine.store.StoreException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Recording audio as files: {@code <dir>/<AccountSid>/<RecordingSid>.wav}, by default {@code media/} in the data
 * directory. A file is written beside its final name and moved into place, so a reader (or a crash) never sees half
 * of one. SIDs are checked before they become paths.
 */
public final class FileMediaStore implements MediaStore {

    private final Path directory;

    public FileMediaStore(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** The media folder of a data directory. */
    public static FileMediaStore in(Path dataDirectory) {
        return new FileMediaStore(dataDirectory.resolve("media"));
    }

    @Override
    public void put(String accountSid, String recordingSid, byte[] wav) {
        Path file = file(accountSid, recordingSid);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            Files.write(partial, wav);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> get(String accountSid, String recordingSid) {
        Path file = file(accountSid, recordingSid);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String accountSid, String recordingSid) {
        Path file = file(accountSid, recordingSid);
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private Path file(String accountSid, String recordingSid) {
        if (!Sids.isSid(accountSid, "AC")) throw new IllegalArgumentException("not an account SID: " + accountSid);
        if (!Sids.isSid(recordingSid, "RE")) throw new IllegalArgumentException("not a recording SID: " + recordingSid);
        return directory.resolve(accountSid).resolve(recordingSid + ".wav");
    }
}
