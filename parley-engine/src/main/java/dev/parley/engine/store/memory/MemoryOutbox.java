package dev.parley.engine.store.memory;

import dev.parley.engine.store.ClaimedWebhook;
import dev.parley.engine.store.Outbox;
import dev.parley.engine.store.OutboxEntry;
import dev.parley.engine.store.PendingWebhook;
import dev.parley.engine.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The webhook outbox in memory: the same claims, leases and idempotency as the JDBC outbox. */
final class MemoryOutbox implements Outbox {

    /** An entry and its claim (none: {@code claimToken} is null). */
    private static final class Row {
        final long id;
        final PendingWebhook webhook;
        final Instant dateCreated;
        int attempts;
        Instant nextAttemptAt;
        Optional<String> lastError = Optional.empty();
        String claimedBy;
        String claimToken;
        Instant leaseUntil;

        Row(long id, PendingWebhook webhook, Instant now) {
            this.id = id;
            this.webhook = webhook;
            this.dateCreated = Micros.of(now);
            this.nextAttemptAt = Micros.of(now);
        }

        boolean claimable(Instant now) {
            return !nextAttemptAt.isAfter(now) && (leaseUntil == null || !leaseUntil.isAfter(now));
        }

        void release() {
            claimedBy = null;
            claimToken = null;
            leaseUntil = null;
        }

        OutboxEntry entry() {
            return new OutboxEntry(id, webhook, attempts, nextAttemptAt, dateCreated, lastError);
        }
    }

    /** The outbox of all nodes, by id (the order entries were added). */
    static final class Entries {
        private final TreeMap<Long, Row> rows = new TreeMap<>();
        private long lastId;
    }

    private final InMemoryStore.Tables tables;
    private final Entries entries;
    private final String nodeId;

    MemoryOutbox(InMemoryStore.Tables tables, String nodeId) {
        this.tables = tables;
        this.entries = tables.outbox;
        this.nodeId = nodeId;
    }

    @Override
    public OutboxEntry enqueue(PendingWebhook webhook, Instant now) {
        synchronized (tables) {
            tables.requireAccount(webhook.accountSid());
            Optional<Row> same = entries.rows.values().stream()
                .filter(r -> r.webhook.idempotencyToken().equals(webhook.idempotencyToken())).findFirst();
            if (same.isPresent()) {
                if (!same.get().webhook.accountSid().equals(webhook.accountSid())) {
                    throw new StoreException("idempotency token " + webhook.idempotencyToken() + " is another account's");
                }
                return same.get().entry();
            }
            Row row = new Row(++entries.lastId, webhook, now);
            entries.rows.put(row.id, row);
            return row.entry();
        }
    }

    @Override
    public List<ClaimedWebhook> claim(int max, Instant now, Duration lease) {
        if (max < 1) throw new IllegalArgumentException("max " + max);
        synchronized (tables) {
            List<Row> due = entries.rows.values().stream().filter(r -> r.claimable(now))
                .sorted(Comparator.comparing((Row r) -> r.nextAttemptAt).thenComparingLong(r -> r.id))
                .limit(max).toList();
            List<ClaimedWebhook> claimed = new ArrayList<>();
            for (Row row : due) {
                row.claimedBy = nodeId;
                row.claimToken = UUID.randomUUID().toString();
                row.leaseUntil = Micros.of(now.plus(lease));
                row.attempts++;
                claimed.add(new ClaimedWebhook(row.entry(), row.claimToken, row.leaseUntil));
            }
            return claimed;
        }
    }

    @Override
    public boolean complete(ClaimedWebhook claim) {
        synchronized (tables) {
            Optional<Row> row = held(claim);
            row.ifPresent(r -> entries.rows.remove(r.id));
            return row.isPresent();
        }
    }

    @Override
    public boolean retryLater(ClaimedWebhook claim, Instant nextAttemptAt, String error) {
        synchronized (tables) {
            Optional<Row> row = held(claim);
            row.ifPresent(r -> {
                r.nextAttemptAt = Micros.of(nextAttemptAt);
                r.lastError = Optional.of(error);
                r.release();
            });
            return row.isPresent();
        }
    }

    /** The entry when this claim still holds it. */
    private Optional<Row> held(ClaimedWebhook claim) {
        return Optional.ofNullable(entries.rows.get(claim.entry().id()))
            .filter(r -> claim.claimToken().equals(r.claimToken));
    }

    @Override
    public int releaseClaims() {
        synchronized (tables) {
            List<Row> mine = entries.rows.values().stream().filter(r -> nodeId.equals(r.claimedBy)).toList();
            mine.forEach(Row::release);
            return mine.size();
        }
    }

    @Override
    public Optional<Instant> nextAttemptAt() {
        synchronized (tables) {
            return entries.rows.values().stream()
                .map(r -> r.leaseUntil == null || r.leaseUntil.isBefore(r.nextAttemptAt) ? r.nextAttemptAt : r.leaseUntil)
                .min(Comparator.naturalOrder());
        }
    }

    @Override
    public List<OutboxEntry> pending(String accountSid) {
        synchronized (tables) {
            return entries.rows.values().stream().filter(r -> r.webhook.accountSid().equals(accountSid))
                .map(Row::entry).toList();
        }
    }
}
