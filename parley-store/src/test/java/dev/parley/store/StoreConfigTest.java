package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.store.StoreException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theDefaultIsAnEmbeddedH2FileInTheDataDirectoryInPostgresMode() {
        StoreConfig config = StoreConfig.embedded(dataDirectory);
        assertThat(config.jdbcUrl())
            .startsWith("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("parley") + ";")
            .contains(";MODE=PostgreSQL;");
        assertThat(config.nodeId()).isEqualTo("local");

        try (JdbcStore store = JdbcStore.open(config)) {
            assertThat(store.calls().live()).isEmpty();
        }
        assertThat(dataDirectory.resolve("parley.mv.db")).exists();
    }

    @Test
    void thePasswordStaysOutOfToString() {
        StoreConfig config = StoreConfig.jdbc("jdbc:postgresql://db/parley").withCredentials("parley", "s3cret")
            .withNodeId("node-7");
        assertThat(config.toString()).contains("parley", "node-7").doesNotContain("s3cret");
    }

    @Test
    void aNodeIdMustFitItsColumn() {
        StoreConfig config = StoreConfig.embedded(dataDirectory);
        assertThatThrownBy(() -> config.withNodeId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withNodeId("n".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAStoreException() {
        assertThatThrownBy(() -> JdbcStore.open(StoreConfig.jdbc("jdbc:postgresql://127.0.0.1:1/none")))
            .isInstanceOf(StoreException.class).hasMessageContaining("jdbc:postgresql://127.0.0.1:1/none");
    }
}
