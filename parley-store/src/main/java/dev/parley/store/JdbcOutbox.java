package dev.parley.store;

import dev.parley.engine.store.ClaimedWebhook;
import dev.parley.engine.store.Outbox;
import dev.parley.engine.store.OutboxEntry;
import dev.parley.engine.store.PendingWebhook;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.webhook.Param;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.HttpMethod;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook outbox in the {@code webhook_outbox} table. A claim is one transaction: the due, unheld rows are read
 * with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 both have it: concurrent claimers, on any node, pass over
 * each other's rows instead of waiting), and each is then taken by an UPDATE that checks again that nobody holds
 * it, so that a row is claimed only by the statement that changed it, however a database re-reads a row it waited
 * for. {@code OutboxTest} breaks with both guards removed and holds with either one alone.
 */
final class JdbcOutbox implements Outbox {

    private static final String CLAIMABLE = "next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)";

    private final Jdbc jdbc;
    private final String nodeId;

    JdbcOutbox(Jdbc jdbc, String nodeId) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
    }

    @Override
    public OutboxEntry enqueue(PendingWebhook w, Instant now) {
        jdbc.update("INSERT INTO webhook_outbox (account_sid, call_sid, purpose, method, url, params, headers,"
                + " idempotency_token, attempts, next_attempt_at, date_created)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT DO NOTHING",
            w.accountSid(), w.callSid(), w.purpose(), w.method(), w.url(), w.params().toForm(), form(w.headers()),
            w.idempotencyToken(), now, now);
        return jdbc.one("SELECT * FROM webhook_outbox WHERE account_sid = ? AND idempotency_token = ?",
                JdbcOutbox::map, w.accountSid(), w.idempotencyToken())
            .orElseThrow(() -> new StoreException("idempotency token " + w.idempotencyToken()
                + " is another account's"));
    }

    @Override
    public List<ClaimedWebhook> claim(int max, Instant now, Duration lease) {
        if (max < 1) throw new IllegalArgumentException("max " + max);
        Instant leaseUntil = Queries.timestamp(now.plus(lease)).toInstant();
        return jdbc.transaction(tx -> {
            List<OutboxEntry> due = tx.list("SELECT * FROM webhook_outbox WHERE " + CLAIMABLE
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED", JdbcOutbox::map, now, now, max);
            List<ClaimedWebhook> claimed = new ArrayList<>();
            for (OutboxEntry entry : due) {
                String token = UUID.randomUUID().toString();
                int taken = tx.update("UPDATE webhook_outbox SET claimed_by = ?, claim_token = ?, lease_until = ?,"
                    + " attempts = attempts + 1 WHERE id = ? AND " + CLAIMABLE, nodeId, token, leaseUntil, entry.id(),
                    now, now);
                if (taken == 1) {
                    OutboxEntry attempt = new OutboxEntry(entry.id(), entry.webhook(), entry.attempts() + 1,
                        entry.nextAttemptAt(), entry.dateCreated(), entry.lastError());
                    claimed.add(new ClaimedWebhook(attempt, token, leaseUntil));
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean complete(ClaimedWebhook claim) {
        return jdbc.update("DELETE FROM webhook_outbox WHERE id = ? AND claim_token = ?", claim.entry().id(),
            claim.claimToken()) == 1;
    }

    @Override
    public boolean retryLater(ClaimedWebhook claim, Instant nextAttemptAt, String error) {
        return jdbc.update("UPDATE webhook_outbox SET next_attempt_at = ?, last_error = ?, claimed_by = NULL,"
                + " claim_token = NULL, lease_until = NULL WHERE id = ? AND claim_token = ?",
            nextAttemptAt, error, claim.entry().id(), claim.claimToken()) == 1;
    }

    @Override
    public int releaseClaims() {
        return jdbc.update("UPDATE webhook_outbox SET claimed_by = NULL, claim_token = NULL, lease_until = NULL"
            + " WHERE claimed_by = ?", nodeId);
    }

    @Override
    public Optional<Instant> nextAttemptAt() {
        return jdbc.one("SELECT MIN(CASE WHEN lease_until IS NULL THEN next_attempt_at"
            + " ELSE GREATEST(next_attempt_at, lease_until) END) AS next FROM webhook_outbox",
            row -> row.optInstant("next")).flatMap(next -> next);
    }

    @Override
    public List<OutboxEntry> pending(String accountSid) {
        return jdbc.list("SELECT * FROM webhook_outbox WHERE account_sid = ? ORDER BY id", JdbcOutbox::map,
            accountSid);
    }

    /** Headers kept as a form, like the parameters: order kept, any characters. */
    private static String form(Map<String, String> headers) {
        Params form = new Params();
        headers.forEach(form::add);
        return form.toForm();
    }

    private static Map<String, String> headers(String form) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Param p : Params.parseForm(form)) headers.put(p.name(), p.value());
        return headers;
    }

    private static OutboxEntry map(Row r) throws SQLException {
        PendingWebhook webhook = new PendingWebhook(r.string("account_sid"), r.optString("call_sid"),
            r.string("purpose"), HttpMethod.valueOf(r.string("method")), r.string("url"),
            Params.parseForm(r.string("params")), headers(r.string("headers")), r.string("idempotency_token"));
        return new OutboxEntry(r.longValue("id"), webhook, r.integer("attempts"), r.instant("next_attempt_at"),
            r.instant("date_created"), r.optString("last_error"));
    }
}
