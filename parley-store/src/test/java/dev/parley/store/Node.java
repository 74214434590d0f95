package dev.parley.store;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Directory;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallObserver;
import dev.parley.engine.call.WebhookPurpose;
import dev.parley.engine.conversation.ConversationStore;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.store.MediaStore;
import dev.parley.engine.store.Store;
import dev.parley.engine.webhook.HttpWebhookTransport;
import dev.parley.engine.webhook.WebhookOutcome;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One Parley process for the restart tests: virtual time from a given instant, virtual phones, and the engine with
 * its accounts and conversations over a store and a media directory, started (so that it settles what an earlier
 * process left) with an observer that records what it is told ({@link #observed}). {@link #dieAt} kills it as a
 * crash would: nothing is ended or delivered any more.
 */
final class Node {

    static final Duration HANG_GUARD = Duration.ofSeconds(20);

    final VirtualClock clock;
    final VirtualNetwork network;
    final Store store;
    final Directory directory;
    final CallEngine engine;
    final Frontline frontline;
    /** What the engine's observer was told: {@code ended <call> <status>}, {@code webhook <call> <purpose> <code>}. */
    final List<String> observed = new CopyOnWriteArrayList<>();
    private final HttpWebhookTransport transport = new HttpWebhookTransport();
    private final CountDownLatch dead = new CountDownLatch(1);

    Node(Store store, ConversationStore conversations, MediaStore media, Sids sids, Instant start) {
        this.clock = new VirtualClock(start);
        this.network = new VirtualNetwork(clock);
        this.store = store;
        this.directory = new Directory(store, sids, clock);
        this.engine = new CallEngine(clock, network, directory, store, media, sids, transport, "http://127.0.0.1:8080");
        this.frontline = new Frontline(conversations, sids, clock, transport, directory);
        network.arrivals(engine);
        engine.observer(new CallObserver() {
            @Override
            public void callEnded(Call call) {
                observed.add("ended " + call.sid() + " " + call.status().value());
            }

            @Override
            public void webhookSent(String accountSid, Optional<String> callSid, WebhookPurpose purpose, String url,
                                    WebhookOutcome outcome) {
                observed.add("webhook " + callSid.orElse(accountSid) + " " + purpose.value() + " "
                    + purpose.failureCode(outcome).map(String::valueOf).orElse("ok"));
            }
        }).start();
    }

    void await(BooleanSupplier condition) {
        if (!clock.await(condition, HANG_GUARD)) throw new AssertionError("condition not met within the hang guard");
    }

    /**
     * The process dies at this virtual instant: from then on its clock never moves again (a thread it counts as busy
     * never returns), so no call goes on, nothing is ended and no callback is sent; then its store is closed under
     * it. Returns once that has happened.
     */
    void dieAt(Instant at) throws InterruptedException {
        clock.schedule(at, () -> {
            dead.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!dead.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) throw new AssertionError("the node did not die");
        store.close();
        transport.close();
    }

    /** A clean stop: callbacks no longer delivered, the store closed. */
    void stop() {
        engine.close();
        store.close();
        transport.close();
    }
}
