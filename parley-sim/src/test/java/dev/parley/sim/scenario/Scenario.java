package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.Sids;
import dev.parley.engine.store.memory.InMemoryMediaStore;
import dev.parley.engine.store.memory.InMemoryStore;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.webhook.HttpWebhookTransport;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A whole Parley in one test: virtual time, virtual phones, the call engine, and an app on loopback. Waiting
 * lets virtual time run and gives up after a real-time deadline (a hang guard, never a measurement).
 */
final class Scenario implements AutoCloseable {

    static final String NUMBER = "+15550001000";
    static final Duration HANG_GUARD = Duration.ofSeconds(20);

    final VirtualClock clock = new VirtualClock();
    final VirtualNetwork network = new VirtualNetwork(clock);
    final Directory directory;
    final CallEngine engine;
    final Account account;
    final TestApp app;
    final PhoneNumber number;

    Scenario(long seed) {
        Sids sids = new Sids(new Random(seed));
        InMemoryStore store = new InMemoryStore();
        directory = new Directory(store, sids, clock);
        account = directory.createAccount("test", clock.now());
        app = new TestApp(account.authToken());
        engine = new CallEngine(clock, network, directory, store, new InMemoryMediaStore(), sids,
            new HttpWebhookTransport(), "http://127.0.0.1:8080").start();
        network.arrivals(engine);
        number = directory.addNumber(account.sid(), NUMBER, app.url("/voice"), clock.now());
    }

    Scenario() {
        this(42);
    }

    void await(BooleanSupplier condition) {
        assertThat(clock.await(condition, HANG_GUARD)).as("condition within the hang guard").isTrue();
    }

    /**
     * Waits until the call has ended: its final status callback answered (or failed) and on its timeline. Other
     * callbacks (a recording's, a dialled leg's) may still be under way: await them by their requests.
     */
    Call awaitEnded(String callSid) {
        await(() -> engine.call(callSid).map(c -> c.status().isFinal()).orElse(false) && !engine.isLive(callSid));
        return engine.call(callSid).orElseThrow();
    }

    /**
     * Runs setup on a thread the clock counts, so virtual time stands still until it returns: a call placed and
     * an update {@link #after scheduled} there happen at exact virtual moments.
     */
    <T> T frozen(Supplier<T> setup) {
        return OnClock.run(clock, HANG_GUARD, setup);
    }

    /**
     * The phone calls the number, and {@code delay} later (virtual time, from the moment of the call) the update
     * runs with the call's CallSid. Returns the CallSid.
     */
    String callThen(VirtualPhone caller, Duration delay, Consumer<String> update) {
        return frozen(() -> {
            String callSid = caller.call(NUMBER).orElseThrow();
            after(delay, () -> update.accept(callSid));
            return callSid;
        });
    }

    /** Runs an action {@code delay} from now in virtual time, on a clock thread. */
    void after(Duration delay, Runnable action) {
        clock.schedule(clock.now().plus(delay), action);
    }

    /** The number's calls report their status to {@code path} of the app. */
    void numberStatusCallback(String path) {
        directory.put(new PhoneNumber(number.sid(), account.sid(), NUMBER, NUMBER, number.voiceUrl(),
            number.voiceMethod(), number.voiceFallbackUrl(), number.voiceFallbackMethod(),
            Optional.of(app.url(path)), number.statusCallbackMethod(), number.dateCreated()));
    }

    /** The status callbacks a path received, in SequenceNumber order. */
    List<TestApp.Request> statusCallbacks(String path) {
        return app.requests(path).stream()
            .sorted((a, b) -> Integer.compare(Integer.parseInt(a.param("SequenceNumber")),
                Integer.parseInt(b.param("SequenceNumber"))))
            .toList();
    }

    @Override
    public void close() {
        app.close();
    }
}
