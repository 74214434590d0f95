package dev.parley.engine.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.store.Media;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryMediaStoreTest {

    @TempDir
    Path scratch;

    @Test
    void shortMediaAreHeldInMemory() throws IOException {
        try (InMemoryMediaStore store = new InMemoryMediaStore(scratch)) {
            byte[] wav = bytes(1000);
            store.put("AC1", "RE1", Media.of(wav));

            assertThat(store.get("AC1", "RE1").orElseThrow().bytes()).isEqualTo(wav);
            assertThat(files()).isEmpty();
        }
    }

    @Test
    void longMediaAreKeptInAFileOfScratchUntilDeleted() throws IOException {
        try (InMemoryMediaStore store = new InMemoryMediaStore(scratch)) {
            byte[] wav = bytes((int) InMemoryMediaStore.HELD_BYTES + 1);
            store.put("AC1", "RE1", Media.of(wav));

            Media kept = store.get("AC1", "RE1").orElseThrow();
            assertThat(kept.length()).isEqualTo(wav.length);
            assertThat(kept.bytes()).isEqualTo(wav);
            assertThat(files()).hasSize(1);

            store.put("AC1", "RE1", Media.of(wav));
            assertThat(files()).as("a replaced file is deleted").hasSize(1);

            assertThat(store.delete("AC1", "RE1")).isTrue();
            assertThat(files()).isEmpty();
            assertThat(store.get("AC1", "RE1")).isEmpty();
        }
    }

    @Test
    void closingDeletesTheFiles() throws IOException {
        InMemoryMediaStore store = new InMemoryMediaStore(scratch);
        store.put("AC1", "RE1", Media.of(bytes((int) InMemoryMediaStore.HELD_BYTES + 1)));
        store.put("AC1", "RE2", Media.of(bytes(10)));

        store.close();

        assertThat(files()).isEmpty();
        assertThat(store.get("AC1", "RE2")).isEmpty();
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private java.util.List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(scratch)) {
            return files.toList();
        }
    }
}
