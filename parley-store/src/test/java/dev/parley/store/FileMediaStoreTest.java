package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.Sids;
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
        FileMediaStore.in(dataDirectory).put(account, recording, wav);

        assertThat(Files.readAllBytes(dataDirectory.resolve("media").resolve(account).resolve(recording + ".wav")))
            .isEqualTo(wav);
        FileMediaStore again = FileMediaStore.in(dataDirectory);
        assertThat(again.get(account, recording)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(wav));
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
        media.put(account, recording, new byte[] {1});
        media.put(account, recording, new byte[] {2, 2});

        assertThat(media.get(account, recording)).hasValueSatisfying(b -> assertThat(b).containsExactly(2, 2));
        assertThat(media.delete(account, recording)).isTrue();
        assertThat(media.get(account, recording)).isEmpty();
        assertThat(media.delete(account, recording)).isFalse();
    }

    @Test
    void onlySidsBecomePaths() {
        FileMediaStore media = FileMediaStore.in(dataDirectory);
        String account = sids.next("AC");
        assertThatThrownBy(() -> media.put(account, "../../etc/passwd", new byte[0]))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> media.get("AC/../..", sids.next("RE"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> media.delete(account, sids.next("CA"))).isInstanceOf(IllegalArgumentException.class);
    }
}
