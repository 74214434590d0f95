package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.store.ClaimedWebhook;
import dev.parley.engine.store.Outbox;
import dev.parley.engine.store.OutboxEntry;
import dev.parley.engine.store.PendingWebhook;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.WebhookRequest;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Database.class)
class OutboxTest extends StoreTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private Outbox outbox() {
        return store.outbox();
    }

    private PendingWebhook webhook(StoredAccount account, String purpose) {
        return PendingWebhook.of(account.sid(), Optional.of(sids.next("CA")), purpose,
            WebhookRequest.of(HttpMethod.POST, "https://app.example/status", Params.of("CallStatus", "completed"),
                account.authToken()));
    }

    @Test
    void anEntryKeepsTheWholeRequestAndIsSignedAgainWithTheAccountsToken() {
        StoredAccount account = account();
        Params params = Params.of("CallSid", sids.next("CA"), "From", "+14155550100", "Digits", "1 2+3&4=5",
            "Digits", "again", "Caller", "Zoë ☎", "Empty", "");
        WebhookRequest request = new WebhookRequest(HttpMethod.GET,
            "https://user:pa%40ss@app.example/cb?x=1&y=%2F#ct=2000&rc=2", params, account.authToken(),
            "idem-" + sids.secret(), Map.of("Cookie", "a=1; b=2"));

        OutboxEntry entry =
            outbox().enqueue(PendingWebhook.of(account.sid(), Optional.empty(), "action", request), t(1));

        assertThat(entry.attempts()).isZero();
        assertThat(entry.nextAttemptAt()).isEqualTo(t(1));
        assertThat(entry.dateCreated()).isEqualTo(t(1));
        assertThat(entry.lastError()).isEmpty();
        assertThat(entry.webhook().callSid()).isEmpty();
        assertThat(entry.webhook().purpose()).isEqualTo("action");
        assertThat(outbox().pending(account.sid())).containsExactly(entry);
        WebhookRequest again = entry.webhook().request(account.authToken());
        assertThat(again).isEqualTo(request);
        assertThat(again.signature()).isEqualTo(request.signature());
    }

    @Test
    void theSameIdempotencyTokenIsOneEntry() {
        StoredAccount account = account();
        PendingWebhook webhook = webhook(account, "status completed");
        OutboxEntry first = outbox().enqueue(webhook, t(1));
        OutboxEntry second = outbox().enqueue(webhook, t(2));

        assertThat(second).isEqualTo(first);
        assertThat(outbox().pending(account.sid())).containsExactly(first);
        PendingWebhook stolen = new PendingWebhook(account().sid(), Optional.empty(), "x", HttpMethod.POST,
            "https://x.example", new Params(), Map.of(), webhook.idempotencyToken());
        assertThatThrownBy(() -> outbox().enqueue(stolen, t(3))).isInstanceOf(StoreException.class);
    }

    @Test
    void aClaimTakesDueEntriesOldestFirstAndHidesThemForTheLease() {
        StoredAccount account = account();
        OutboxEntry first = outbox().enqueue(webhook(account, "one"), t(1));
        OutboxEntry second = outbox().enqueue(webhook(account, "two"), t(2));
        OutboxEntry third = outbox().enqueue(webhook(account, "three"), t(3));

        assertThat(outbox().claim(10, t(0), LEASE)).isEmpty();
        List<ClaimedWebhook> claimed = outbox().claim(2, t(5), LEASE);
        assertThat(claimed).extracting(c -> c.entry().id()).containsExactly(first.id(), second.id());
        assertThat(claimed).allSatisfy(c -> {
            assertThat(c.entry().attempts()).isEqualTo(1);
            assertThat(c.leaseUntil()).isEqualTo(t(35));
        });
        assertThat(claimed.get(0).claimToken()).isNotEqualTo(claimed.get(1).claimToken());
        assertThat(outbox().claim(10, t(6), LEASE)).extracting(c -> c.entry().id()).containsExactly(third.id());
        assertThat(outbox().claim(10, t(34), LEASE)).isEmpty();
        assertThat(outbox().pending(account.sid())).extracting(OutboxEntry::attempts).containsExactly(1, 1, 1);
    }

    @Test
    void anEntryWhoseLeaseEndedIsClaimedAgainAndTheOldClaimIsLost() {
        StoredAccount account = account();
        outbox().enqueue(webhook(account, "status completed"), t(0));
        ClaimedWebhook old = outbox().claim(1, t(1), LEASE).getFirst();

        withNode("node-b", other -> {
            ClaimedWebhook fresh = other.outbox().claim(1, t(31), LEASE).getFirst();
            assertThat(fresh.entry().id()).isEqualTo(old.entry().id());
            assertThat(fresh.entry().attempts()).isEqualTo(2);
            assertThat(outbox().complete(old)).isFalse();
            assertThat(outbox().retryLater(old, t(40), "late")).isFalse();
            assertThat(other.outbox().complete(fresh)).isTrue();
        });
        assertThat(outbox().pending(account.sid())).isEmpty();
    }

    @Test
    void completingRemovesTheEntryAndRetryingMakesItDueLater() {
        StoredAccount account = account();
        OutboxEntry done = outbox().enqueue(webhook(account, "done"), t(0));
        OutboxEntry failing = outbox().enqueue(webhook(account, "failing"), t(0));
        List<ClaimedWebhook> claims = outbox().claim(2, t(1), LEASE);

        assertThat(outbox().complete(claims.get(0))).isTrue();
        assertThat(outbox().complete(claims.get(0))).isFalse();
        assertThat(outbox().retryLater(claims.get(1), t(60), "11200 HTTP 503")).isTrue();
        assertThat(outbox().pending(account.sid())).extracting(OutboxEntry::id).containsExactly(failing.id());
        assertThat(outbox().pending(account.sid())).extracting(OutboxEntry::id).doesNotContain(done.id());

        assertThat(outbox().claim(5, t(59), LEASE)).isEmpty();
        ClaimedWebhook retry = outbox().claim(5, t(60), LEASE).getFirst();
        assertThat(retry.entry().attempts()).isEqualTo(2);
        assertThat(retry.entry().lastError()).contains("11200 HTTP 503");
        assertThat(retry.entry().nextAttemptAt()).isEqualTo(t(60));
    }

    @Test
    void nextAttemptAtIsTheEarliestDueTimeOrLeaseEnd() {
        StoredAccount account = account();
        assertThat(outbox().nextAttemptAt()).isEmpty();
        outbox().enqueue(webhook(account, "a"), t(10));
        outbox().enqueue(webhook(account, "b"), t(20));
        assertThat(outbox().nextAttemptAt()).contains(t(10));

        ClaimedWebhook a = outbox().claim(1, t(10), Duration.ofSeconds(100)).getFirst();
        assertThat(outbox().nextAttemptAt()).contains(t(20));
        outbox().retryLater(outbox().claim(1, t(20), LEASE).getFirst(), t(500), "down");
        assertThat(outbox().nextAttemptAt()).contains(t(110));
        outbox().complete(a);
        assertThat(outbox().nextAttemptAt()).contains(t(500));
    }

    @Test
    void aRestartingNodeReleasesOnlyItsOwnClaims() {
        StoredAccount account = account();
        for (int i = 0; i < 4; i++) outbox().enqueue(webhook(account, "cb" + i), t(0));
        List<ClaimedWebhook> mine = outbox().claim(2, t(1), LEASE);
        withNode("node-b", other -> {
            assertThat(other.outbox().claim(2, t(1), LEASE)).hasSize(2);
            assertThat(other.outbox().claim(2, t(2), LEASE)).isEmpty();
        });

        assertThat(outbox().releaseClaims()).isEqualTo(2);
        assertThat(outbox().claim(10, t(2), LEASE)).extracting(c -> c.entry().id())
            .containsExactlyElementsOf(mine.stream().map(c -> c.entry().id()).toList());
    }

    @Test
    void anAccountSeesOnlyItsOwnEntries() {
        StoredAccount one = account();
        StoredAccount two = account();
        OutboxEntry a = outbox().enqueue(webhook(one, "a"), t(0));
        OutboxEntry b = outbox().enqueue(webhook(two, "b"), t(0));
        assertThat(outbox().pending(one.sid())).containsExactly(a);
        assertThat(outbox().pending(two.sid())).containsExactly(b);
    }

    @Test
    void concurrentClaimersOnTwoNodesNeverGetTheSameEntry() throws Exception {
        StoredAccount account = account();
        int entries = 120;
        for (int i = 0; i < entries; i++) outbox().enqueue(webhook(account, "cb" + i), t(0));
        List<Long> claimedIds = Collections.synchronizedList(new ArrayList<>());

        try (Store nodeB = db.open("node-b");
             ExecutorService threads = Executors.newFixedThreadPool(4)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> claimers = new ArrayList<>();
            for (Outbox claimer : List.of(store.outbox(), store.outbox(), nodeB.outbox(), nodeB.outbox())) {
                claimers.add(threads.submit(() -> {
                    start.await();
                    List<ClaimedWebhook> batch;
                    do {
                        batch = claimer.claim(7, t(1), Duration.ofHours(1));
                        batch.forEach(c -> claimedIds.add(c.entry().id()));
                    } while (!batch.isEmpty());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> claimer : claimers) claimer.get(60, TimeUnit.SECONDS);
        }

        assertThat(claimedIds).hasSize(entries).doesNotHaveDuplicates();
        assertThat(claimedIds).containsExactlyInAnyOrderElementsOf(
            outbox().pending(account.sid()).stream().map(OutboxEntry::id).toList());
        assertThat(outbox().claim(10, t(2), LEASE)).isEmpty();
    }
}
