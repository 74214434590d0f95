package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.Sids;
import dev.parley.engine.store.Media;
import dev.parley.engine.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMediaStoreTest {

    private final Sids sids = new Sids(new Random(7));

    @TempDir
    Path dataDirectory;

    @Test
    void audioIsKeptPerAccountInTheMediaFolderAndSurvivesANewStore() throws Exception {
        String account = sids.next("AC");
        String recording = sids.next("RE");
        byte[] wav = {'R', 'I', 'F', 'F', 1, 2, 3, 0};
        FileMediaStore.in(dataDirectory).put(account, recording, Media.of(wav));

        assertThat(Files.readAllBytes(dataDirectory.resolve("media").resolve(account).resolve(recording + ".wav")))
            .isEqualTo(wav);
        FileMediaStore again = FileMediaStore.in(dataDirectory);
        assertThat(again.get(account, recording)).hasValueSatisfying(media -> {
            assertThat(media.bytes()).isEqualTo(wav);
            assertThat(media.length()).isEqualTo(wav.length);
        });
        assertThat(again.get(sids.next("AC"), recording)).isEmpty();
        try (var files = Files.list(dataDirectory.resolve("media").resolve(account))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(recording + ".wav");
        }
    }

    @Test
    void aSecondPutReplacesAndADeleteRemoves() {
        FileMediaStore media = FileMediaStore.in(dataDirectory);
        String account = sids.next("AC");
        String recording = sids.next("RE");
        media.put(account, recording, Media.of(new byte[] {1}));
        media.put(account, recording, Media.of(new byte[] {2, 2}));

        assertThat(media.get(account, recording)).hasValueSatisfying(b -> assertThat(b.bytes()).containsExactly(2, 2));
        assertThat(media.delete(account, recording)).isTrue();
        assertThat(media.get(account, recording)).isEmpty();
        assertThat(media.delete(account, recording)).isFalse();
    }

    @Test
    void aPutWhoseAudioFailsHalfwayLeavesTheFileAsItWasAndNoPartialOne() throws Exception {
        FileMediaStore media = FileMediaStore.in(dataDirectory);
        String account = sids.next("AC");
        String recording = sids.next("RE");
        media.put(account, recording, Media.of(new byte[] {1, 2, 3}));
        Media broken = new Media() {
            @Override
            public long length() {
                return 1000;
            }

            @Override
            public InputStream open() {
                return new SequenceInputStream(new ByteArrayInputStream(new byte[] {9, 9}), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("the mix broke");
                    }
                });
            }
        };

        assertThatThrownBy(() -> media.put(account, recording, broken)).isInstanceOf(StoreException.class);
        assertThat(media.get(account, recording).orElseThrow().bytes()).containsExactly(1, 2, 3);
        try (var files = Files.list(dataDirectory.resolve("media").resolve(account))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(recording + ".wav");
        }
    }

    @Test
    void recordingsAreStagedBesideTheMedia() {
        assertThat(FileMediaStore.in(dataDirectory).scratch())
            .isEqualTo(dataDirectory.resolve("media").resolve(".scratch").toAbsolutePath());
    }

    @Test
    void openingTheStoreDeletesWhatACrashLeftInScratchAndKeepsTheRecordings() throws IOException {
        FileMediaStore before = FileMediaStore.in(dataDirectory);
        String account = sids.next("AC");
        String recording = sids.next("RE");
        before.put(account, recording, Media.of(new byte[] {1, 2}));
        Path scratch = before.scratch();
        Files.createDirectories(scratch.resolve("nested"));
        Files.write(scratch.resolve("mix-1.pcm"), new byte[] {3, 4, 5});
        Files.write(scratch.resolve("nested").resolve("mix-2.pcm"), new byte[] {6});

        FileMediaStore after = FileMediaStore.in(dataDirectory);

        assertThat(after.scratch()).isDirectory().isEmptyDirectory();
        assertThat(after.get(account, recording)).hasValueSatisfying(m -> assertThat(m.bytes()).containsExactly(1, 2));
    }

    @Test
    void openingTheStoreDeletesHalfWrittenRecordingsAndKeepsTheWholeOnes() throws IOException {
        FileMediaStore before = FileMediaStore.in(dataDirectory);
        String account = sids.next("AC");
        String kept = sids.next("RE");
        before.put(account, kept, Media.of(new byte[] {1, 2}));
        Path folder = dataDirectory.resolve("media").resolve(account);
        String crashed = sids.next("RE");
        Files.write(folder.resolve(crashed + ".wav.partial"), new byte[] {7, 7});
        Path otherAccount = Files.createDirectories(dataDirectory.resolve("media").resolve(sids.next("AC")));
        Files.write(otherAccount.resolve(sids.next("RE") + ".wav.partial"), new byte[] {8});
        Path notOurs = Files.write(folder.resolve("notes.txt"), new byte[] {9});

        FileMediaStore after = FileMediaStore.in(dataDirectory);

        try (var left = Files.walk(dataDirectory.resolve("media"))) {
            assertThat(left.filter(p -> p.toString().endsWith(".partial"))).isEmpty();
        }
        assertThat(after.get(account, kept)).hasValueSatisfying(m -> assertThat(m.bytes()).containsExactly(1, 2));
        assertThat(after.get(account, crashed)).isEmpty();
        assertThat(notOurs).exists();
        after.put(account, crashed, Media.of(new byte[] {5}));
        assertThat(after.get(account, crashed)).hasValueSatisfying(m -> assertThat(m.bytes()).containsExactly(5));
    }

    @Test
    void aStoreWithoutScratchYetOpens() {
        assertThat(FileMediaStore.in(dataDirectory.resolve("new")).scratch()).doesNotExist();
    }

    @Test
    void onlySidsBecomePaths() {
        FileMediaStore media = FileMediaStore.in(dataDirectory);
        String account = sids.next("AC");
        assertThatThrownBy(() -> media.put(account, "../../etc/passwd", Media.of(new byte[0])))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> media.get("AC/../..", sids.next("RE"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> media.delete(account, sids.next("CA"))).isInstanceOf(IllegalArgumentException.class);
    }
}
