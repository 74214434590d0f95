package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.store.StoredAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database survives the process being killed: a child JVM writes to the store, says so, and halts at
 * once (no shutdown hook, no close); what it wrote is there when the store is opened again.
 */
class KillTest {

    @TempDir
    Path data;

    /** The child: writes an account, prints its SID, and dies without closing anything. */
    public static void main(String[] args) {
        JdbcStore store = JdbcStore.open(StoreConfig.embedded(Path.of(args[0])));
        StoredAccount account = store.accounts().create(StoredAccount.active(args[1], Optional.empty(), "Killed",
            "0123456789abcdef0123456789abcdef", Instant.parse("2026-01-01T00:00:00Z")));
        System.out.println("written " + account.sid());
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }

    @Test
    void whatWasCommittedBeforeTheProcessWasKilledIsThere() throws IOException, InterruptedException {
        String sid = "AC0123456789abcdef0123456789abcdef";
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
            KillTest.class.getName(), data.toString(), sid)).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends (hang guard)").isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(137);
        assertThat(output).contains("written " + sid);

        try (JdbcStore store = JdbcStore.open(StoreConfig.embedded(data))) {
            assertThat(store.accounts().find(sid)).map(StoredAccount::friendlyName).contains("Killed");
        }
    }
}
