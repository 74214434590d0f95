package dev.parley.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An outbox entry this node is delivering. The claim lasts until {@code leaseUntil}: after that another node may
 * claim the entry, and this claim's {@link Outbox#complete} and {@link Outbox#retryLater} do nothing. The token
 * tells this claim from later ones of the same entry.
 */
public record ClaimedWebhook(OutboxEntry entry, String claimToken, Instant leaseUntil) {

    public ClaimedWebhook {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(claimToken, "claimToken");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    public PendingWebhook webhook() {
        return entry.webhook();
    }
}
