package dev.parley.engine.call;

import dev.parley.engine.clock.Clock;
import dev.parley.engine.clock.Mailbox;
import dev.parley.engine.store.ClaimedWebhook;
import dev.parley.engine.store.Outbox;
import dev.parley.engine.store.OutboxEntry;
import dev.parley.engine.store.PendingWebhook;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.webhook.WebhookErrors;
import dev.parley.engine.webhook.WebhookOutcome;
import dev.parley.engine.webhook.WebhookTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: a loop on the clock claims the callbacks that are due, sends each on a thread of its own
 * (signed with the account's auth token of that moment, with the idempotency token it was enqueued with), and
 * then waits until the next one is due or a new one comes. Several nodes may deliver one outbox: a claim is
 * leased, and a node that dies holding one gives it back when its lease ends (or at once, when it restarts).
 *
 * <p>What a delivery ends in, as at Twilio: any answer of the app completes the callback, a non-2xx one with the
 * alert its {@link WebhookPurpose#failureCode} names (11200, or 32503 for a conversation status callback); so
 * does a failure after the request may have reached the app (a timeout, a broken response), since sending it
 * again could make the app act twice. A callback that reached nobody (refused, connect timeout,
 * unknown host: the app or its network is down) raises 11200 the first time and is tried again with backoff
 * ({@link #FIRST_RETRY} doubling up to {@link #LONGEST_RETRY}) until {@link #GIVE_UP} after it was made, so that
 * an app that was down, or Parley itself, coming back gets what it missed, once. Each attempt is told to the
 * engine's {@link CallObserver} with the purpose the outbox entry's text names.
 */
final class CallbackDelivery implements Runnable {

    static final int BATCH = 16;
    /** Longer than any delivery can take (Twilio's total timeout is at most a few minutes). */
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(10);
    static final Duration GIVE_UP = Duration.ofHours(24);
    /** How long the loop waits after the store failed, before it asks again. */
    static final Duration STORE_FAILURE_PAUSE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDelivery.class);

    private enum Signal { WAKE, STOP }

    private final CallEngine engine;
    private final Clock clock;
    private final Outbox outbox;
    private final WebhookTransport transport;
    private final Mailbox<Signal> mailbox;
    /** Who waits for the first attempt of a callback, by its idempotency token. */
    private final Map<String, Mailbox<Boolean>> waiting = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    CallbackDelivery(CallEngine engine, Clock clock, Outbox outbox, WebhookTransport transport) {
        this.engine = engine;
        this.clock = clock;
        this.outbox = outbox;
        this.transport = transport;
        this.mailbox = clock.mailbox();
    }

    void start() {
        clock.spawn("callback-delivery", this);
    }

    /** Something was enqueued or finished: look at the outbox again. */
    void wake() {
        mailbox.post(Signal.WAKE);
    }

    /** Tells {@code done} when the first attempt of the callback with this token is over; null forgets it. */
    void onFirstAttempt(String idempotencyToken, Mailbox<Boolean> done) {
        if (done == null) {
            waiting.remove(idempotencyToken);
        } else {
            waiting.put(idempotencyToken, done);
        }
    }

    /** Stops claiming; deliveries under way finish, or stay in the outbox if the transport closes under them. */
    void stop() {
        stopped = true;
        mailbox.post(Signal.STOP);
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                List<ClaimedWebhook> due = outbox.claim(BATCH, clock.now(), LEASE);
                for (ClaimedWebhook claim : due) {
                    clock.spawn("callback-" + claim.entry().id(), () -> deliver(claim));
                }
                if (due.size() == BATCH) continue;
                Optional<Instant> next = outbox.nextAttemptAt();
                if (next.isEmpty()) {
                    mailbox.take();
                } else {
                    Instant now = clock.now();
                    mailbox.poll(next.get().isAfter(now) ? next.get() : now.plus(Duration.ofSeconds(1)));
                }
            } catch (StoreException e) {
                if (stopped) return;
                LOG.warn("cannot read the webhook outbox; trying again in {}", STORE_FAILURE_PAUSE, e);
                mailbox.poll(clock.now().plus(STORE_FAILURE_PAUSE));
            }
        }
    }

    private void deliver(ClaimedWebhook claim) {
        OutboxEntry entry = claim.entry();
        PendingWebhook webhook = entry.webhook();
        try {
            WebhookOutcome outcome = transport.send(webhook.request(engine.authToken(webhook.accountSid())));
            Instant now = clock.now();
            WebhookPurpose purpose = WebhookPurpose.ofText(webhook.purpose());
            engine.observer().webhookSent(webhook.accountSid(), webhook.callSid(), purpose, webhook.url(), outcome);
            engine.timeline().add(now, webhook.accountSid(), webhook.callSid().orElse(webhook.accountSid()), "webhook",
                webhook.purpose() + " " + webhook.method() + " " + webhook.url() + " -> " + Fetcher.describe(outcome));
            Optional<Integer> failure = purpose.failureCode(outcome);
            if (failure.isPresent() && entry.lastError().isEmpty()) {
                int code = failure.get();
                engine.alert(webhook.accountSid(), webhook.callSid(), code, Callbacks.title(code) + ": "
                    + webhook.purpose() + " callback " + Fetcher.describe(outcome), Optional.of(webhook.url()),
                    Optional.of(webhook.method().name()));
            }
            if (outcome instanceof WebhookOutcome.Failed failed && unreached(failed)) {
                retryOrGiveUp(claim, failed, now);
            } else {
                outbox.complete(claim);
            }
        } catch (StoreException e) {
            LOG.warn("callback {} of {}: the outbox could not be updated; it is sent again when its lease ends",
                entry.id(), webhook.callSid().orElse(webhook.accountSid()), e);
        } catch (RuntimeException e) {
            if (!stopped) throw e;
            // Parley is stopping and closed the transport under this delivery (the JDK's client then refuses the
            // request): the callback stays in the outbox, claimed, and goes again when its lease ends.
            LOG.debug("callback {} of {} not sent: Parley is stopping", entry.id(),
                webhook.callSid().orElse(webhook.accountSid()), e);
        } finally {
            Mailbox<Boolean> waiter = waiting.remove(webhook.idempotencyToken());
            if (waiter != null) waiter.post(true);
            wake();
        }
    }

    /** A callback that reached nobody goes again after its backoff, unless that is past the day it is given. */
    private void retryOrGiveUp(ClaimedWebhook claim, WebhookOutcome.Failed failed, Instant now) {
        OutboxEntry entry = claim.entry();
        Instant retry = now.plus(backoff(entry.attempts()));
        if (!retry.isAfter(entry.dateCreated().plus(GIVE_UP))) {
            outbox.retryLater(claim, retry, failed.message());
            return;
        }
        PendingWebhook webhook = entry.webhook();
        LOG.warn("{} callback of {} to {} given up after {} attempts since {}", webhook.purpose(),
            webhook.callSid().orElse(webhook.accountSid()), webhook.url(), entry.attempts(), entry.dateCreated());
        outbox.complete(claim);
    }

    /** The request reached nobody, and may reach someone later: an invalid URL never will. */
    private static boolean unreached(WebhookOutcome.Failed failed) {
        return !failed.connected() && failed.twilioErrorCode() != WebhookErrors.INVALID_URL;
    }

    /** The wait before attempt {@code attempts + 1}. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_RETRY) < 0; i++) wait = wait.multipliedBy(2);
        return wait.compareTo(LONGEST_RETRY) < 0 ? wait : LONGEST_RETRY;
    }
}
