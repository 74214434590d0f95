package dev.parley.store;

import dev.parley.engine.Sids;
import dev.parley.engine.store.Media;
import dev.parley.engine.store.MediaStore;
import dev.parley.engine.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Recording audio as files: {@code <dir>/<AccountSid>/<RecordingSid>.wav}, by default {@code media/} in the data
 * directory. A file is written beside its final name and moved into place, so a reader (or a crash) never sees half
 * of one; files go in and out as streams, never whole in memory. SIDs are checked before they become paths.
 *
 * <p>Opening the store empties its {@link #scratch} directory and deletes every {@code .partial} file in the
 * accounts' folders: a recording is mixed in scratch, and written beside its final name, and either is deleted or
 * moved into place once stored (or on failure), so whatever of them is there when Parley starts was left by a process
 * that died mid-write and nobody will ever read it. A media directory therefore belongs to one Parley process at a
 * time (each node of a cluster has its own data directory).
 */
public final class FileMediaStore implements MediaStore {

    private final Path directory;

    public FileMediaStore(Path directory) {
        this.directory = directory.toAbsolutePath();
        clearScratch();
        deletePartials();
    }

    /** The media folder of a data directory. */
    public static FileMediaStore in(Path dataDirectory) {
        return new FileMediaStore(dataDirectory.resolve("media"));
    }

    private static final String PARTIAL = ".partial";

    @Override
    public void put(String accountSid, String recordingSid, Media wav) {
        Path file = file(accountSid, recordingSid);
        Path partial = file.resolveSibling(file.getFileName() + PARTIAL);
        try {
            Files.createDirectories(file.getParent());
            try (InputStream in = wav.open()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
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
    public Optional<Media> get(String accountSid, String recordingSid) {
        Path file = file(accountSid, recordingSid);
        try {
            return Optional.of(new MediaFile(file, Files.size(file)));
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

    /** {@code .scratch} beside the accounts' folders (never an account SID), on the same file system. */
    @Override
    public Path scratch() {
        return directory.resolve(".scratch");
    }

    /** Deletes what a crashed process left in scratch (the directory itself stays). */
    private void clearScratch() {
        Path scratch = scratch();
        if (!Files.isDirectory(scratch)) return;
        try (Stream<Path> left = Files.walk(scratch)) {
            for (Path path : left.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(scratch)) Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new StoreException("cannot empty " + scratch + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the half-written files a crashed process left in the accounts' folders ({@code <AccountSid>/*.partial}). */
    private void deletePartials() {
        if (!Files.isDirectory(directory)) return;
        try (Stream<Path> files = Files.find(directory, 2,
                (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().endsWith(PARTIAL)
                    && !path.startsWith(scratch()))) {
            for (Path partial : files.toList()) Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new StoreException("cannot delete what a crash left in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A stored file; read while it is there (a file deleted under an open stream stays readable to its end). */
    private record MediaFile(Path file, long length) implements Media {

        @Override
        public InputStream open() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private Path file(String accountSid, String recordingSid) {
        if (!Sids.isSid(accountSid, "AC")) throw new IllegalArgumentException("not an account SID: " + accountSid);
        if (!Sids.isSid(recordingSid, "RE")) throw new IllegalArgumentException("not a recording SID: " + recordingSid);
        return directory.resolve(accountSid).resolve(recordingSid + ".wav");
    }
}
