package dev.parley.engine.conversation;

import dev.parley.engine.Sids;
import dev.parley.engine.clock.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Frontline workers (Frontline Users, {@code US…}) of an account: create (at Twilio, a user appears at their
 * first SSO login; Parley creates them through its own API), fetch by SID or identity (as Frontline's
 * {@code /v1/Users/{Sid}} does), update, delete, and the pool's choice of the next worker.
 */
public final class Workers {

    /**
     * The pool's order: who was given a conversation by the pool least recently goes first (never comes before
     * any time), then who was created first, then by identity. This is round robin among the workers available
     * at the moment, so each of them gets new conversations in turn.
     */
    static final Comparator<Worker> POOL_ORDER = Comparator
        .comparing((Worker w) -> w.lastPooledAt().orElse(Instant.MIN))
        .thenComparing(Worker::dateCreated)
        .thenComparing(Worker::identity);

    private final ConversationStore store;
    private final Sids sids;
    private final Clock clock;

    public Workers(ConversationStore store, Sids sids, Clock clock) {
        this.store = store;
        this.sids = sids;
        this.clock = clock;
    }

    /**
     * A new worker. Twilio's defaults: {@code state} active, {@code is_available} false (such a worker gets no
     * conversation from pool routing until made available). Errors: 50204 (empty identity), 50206 (an identity
     * that looks like a user SID), 50201 (an identity the account already has).
     */
    public Worker create(String accountSid, String identity, WorkerParams params) {
        if (identity.isEmpty()) {
            throw ConversationErrors.invalid(ConversationErrors.IDENTITY_NOT_PROVIDED, "Identity not provided");
        }
        if (Sids.isSid(identity, "US")) {
            throw ConversationErrors.invalid(ConversationErrors.IDENTITY_MATCHES_USER_SID,
                "Identity should not match user SID pattern");
        }
        return store.atomically(accountSid, tx -> {
            if (tx.workerByIdentity(accountSid, identity).isPresent()) {
                throw ConversationErrors.conflict(ConversationErrors.USER_ALREADY_EXISTS, "User already exists");
            }
            Instant now = clock.now();
            Worker worker = new Worker(sids.next("US"), accountSid, identity, nonEmpty(params.friendlyName()),
                nonEmpty(params.avatar()), params.state().orElse(WorkerState.ACTIVE), params.isAvailable().orElse(false),
                nonEmpty(params.phoneNumber()), now, now, Optional.empty());
            tx.put(worker);
            return worker;
        });
    }

    /** A worker by SID or identity. */
    public Optional<Worker> find(String accountSid, String sidOrIdentity) {
        return lookup(store, accountSid, sidOrIdentity);
    }

    /** A worker by SID or identity, or 20404. */
    public Worker fetch(String accountSid, String sidOrIdentity) {
        return existing(store, accountSid, sidOrIdentity);
    }

    public List<Worker> list(String accountSid) {
        return store.workers(accountSid);
    }

    public Worker update(String accountSid, String sidOrIdentity, WorkerParams params) {
        return store.atomically(accountSid, tx -> {
            Worker w = existing(tx, accountSid, sidOrIdentity);
            Worker changed = new Worker(w.sid(), w.accountSid(), w.identity(),
                params.friendlyName().isPresent() ? nonEmpty(params.friendlyName()) : w.friendlyName(),
                params.avatar().isPresent() ? nonEmpty(params.avatar()) : w.avatar(), params.state().orElse(w.state()),
                params.isAvailable().orElse(w.isAvailable()),
                params.phoneNumber().isPresent() ? nonEmpty(params.phoneNumber()) : w.phoneNumber(), w.dateCreated(),
                clock.now(), w.lastPooledAt());
            tx.put(changed);
            return changed;
        });
    }

    public void delete(String accountSid, String sidOrIdentity) {
        store.atomically(accountSid, tx -> {
            tx.deleteWorker(existing(tx, accountSid, sidOrIdentity).sid());
            return null;
        });
    }

    /**
     * Pool routing's choice: the first of the account's {@link Worker#inPool available} workers in
     * {@link #POOL_ORDER}, now marked as given a conversation; empty when nobody is available. Atomic, so two
     * conversations routed at once go to two workers.
     */
    public Optional<Worker> nextForPool(String accountSid) {
        return store.atomically(accountSid, tx -> tx.workers(accountSid).stream().filter(Worker::inPool)
            .min(POOL_ORDER).map(w -> {
                Worker pooled = w.pooled(clock.now());
                tx.put(pooled);
                return pooled;
            }));
    }

    private static Worker existing(ConversationReads reads, String accountSid, String sidOrIdentity) {
        return lookup(reads, accountSid, sidOrIdentity)
            .orElseThrow(() -> ConversationErrors.notFound("User " + sidOrIdentity));
    }

    private static Optional<Worker> lookup(ConversationReads reads, String accountSid, String sidOrIdentity) {
        return Sids.isSid(sidOrIdentity, "US")
            ? reads.worker(sidOrIdentity).filter(w -> w.accountSid().equals(accountSid))
            : reads.workerByIdentity(accountSid, sidOrIdentity);
    }

    private static Optional<String> nonEmpty(Optional<String> value) {
        return value.filter(v -> !v.isEmpty());
    }
}
