package dev.parley.engine.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook waiting in the outbox.
 *
 * @param id            the outbox's own key
 * @param attempts      how many times it was claimed for delivery (a claim by a node that then died counts)
 * @param nextAttemptAt when it is due; a claim hides it until its lease ends
 * @param lastError     why the last attempt failed, when one did
 */
public record OutboxEntry(long id, PendingWebhook webhook, int attempts, Instant nextAttemptAt,
                          Instant dateCreated, Optional<String> lastError) {

    public OutboxEntry {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(lastError, "lastError");
    }
}
