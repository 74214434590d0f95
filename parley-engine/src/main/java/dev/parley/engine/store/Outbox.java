package dev.parley.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable webhook outbox: callbacks that must reach the app even if Parley stops before sending them. A
 * callback is enqueued before it is sent; a dispatcher claims due entries, sends them, and completes them (or
 * sets a later attempt). Several nodes may claim at once: an entry is claimed by one at a time, and an entry whose
 * claimer died is claimed again when the lease ends (or at once, when that node restarts and releases its claims).
 */
public interface Outbox {

    /**
     * Adds a callback, due at {@code now}. Enqueueing a webhook whose idempotency token is already in the outbox
     * adds nothing and returns the entry that is there.
     */
    OutboxEntry enqueue(PendingWebhook webhook, Instant now);

    /**
     * Claims up to {@code max} entries due at {@code now} that nobody holds, oldest due first, for {@code lease};
     * each claim counts as an attempt. Never returns an entry that another claim holds.
     */
    List<ClaimedWebhook> claim(int max, Instant now, Duration lease);

    /** The callback was delivered (or given up): it leaves the outbox. False when the claim was lost. */
    boolean complete(ClaimedWebhook claim);

    /**
     * The attempt failed: the entry is due again at {@code nextAttemptAt}, unclaimed, with the error kept. False
     * when the claim was lost.
     */
    boolean retryLater(ClaimedWebhook claim, Instant nextAttemptAt, String error);

    /**
     * Releases every claim this node holds, so its entries are due again at once: a restarting node's claims belong
     * to a process that is gone. Returns how many.
     */
    int releaseClaims();

    /**
     * When an entry next becomes claimable (an unclaimed entry's due time, a claimed one's lease end), so that a
     * dispatcher can wait on its clock until then. Empty when the outbox is empty.
     */
    Optional<Instant> nextAttemptAt();

    /** The account's entries, claimed or not, oldest first (for the console and tests). */
    List<OutboxEntry> pending(String accountSid);
}
