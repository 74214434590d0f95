package dev.parley.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryConversationStoreTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ACCOUNT = "AC00000000000000000000000000000001";

    private final InMemoryConversationStore store = new InMemoryConversationStore();

    private static ConversationService service(String sid, String name) {
        return new ConversationService(sid, ACCOUNT, name, T, T, Routing.none());
    }

    @Test
    void workThatThrowsLeavesNothingBehind() {
        ConversationService kept = service("IS00000000000000000000000000000001", "kept");
        store.atomically(ACCOUNT, tx -> {
            tx.put(kept);
            return null;
        });

        assertThatThrownBy(() -> store.atomically(ACCOUNT, tx -> {
            tx.put(service("IS00000000000000000000000000000002", "new"));
            tx.put(service(kept.sid(), "renamed"));
            tx.deleteService("IS00000000000000000000000000000001");
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(store.services(ACCOUNT)).containsExactly(kept);
    }

    @Test
    void aTransactionSeesItsOwnWrites() {
        ConversationService s = service("IS00000000000000000000000000000001", "s");
        Optional<ConversationService> seen = store.atomically(ACCOUNT, tx -> {
            tx.put(s);
            tx.defaultService(ACCOUNT, s.sid());
            return tx.defaultServiceSid(ACCOUNT).flatMap(tx::service);
        });
        assertThat(seen).contains(s);
    }

    @Test
    void transactionsDoNotNest() {
        assertThatThrownBy(() -> store.atomically(ACCOUNT, tx -> store.atomically(ACCOUNT, inner -> null)))
            .isInstanceOf(IllegalStateException.class);
    }
}
