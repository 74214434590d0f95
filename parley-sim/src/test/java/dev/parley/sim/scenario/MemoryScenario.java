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
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.scenario.InProcessTransport.Answer;
import dev.parley.twiml.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Like {@link Scenario}, but the app answers in memory, so a webhook can take (virtual) time: a route may hang
 * until the request times out while the phones go on. The number's voice URL is {@code /voice}, its fallback
 * {@code /fallback}, its status callback {@code /status}.
 */
final class MemoryScenario {

    static final String BASE = "http://app.test";

    final VirtualClock clock = new VirtualClock();
    final VirtualNetwork network = new VirtualNetwork(clock);
    final CallEngine engine;
    final Account account;
    private final InProcessTransport transport;
    private final List<AppRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> routes = new ConcurrentHashMap<>();

    MemoryScenario() {
        Sids sids = new Sids(new Random(42));
        InMemoryStore store = new InMemoryStore();
        Directory directory = new Directory(store, sids, clock);
        account = directory.createAccount("test", clock.now());
        transport = new InProcessTransport((method, path, params, valid) -> {
            requests.add(new AppRequest(clock.now(), method, path, Map.copyOf(params), valid));
            return routes.getOrDefault(path, Answer.of(404));
        }, clock, account.authToken());
        engine = new CallEngine(clock, network, directory, store, new InMemoryMediaStore(), sids, transport,
            "http://127.0.0.1:8080").start();
        network.arrivals(engine);
        directory.put(new PhoneNumber(sids.next("PN"), account.sid(), Scenario.NUMBER, Scenario.NUMBER,
            Optional.of(BASE + "/voice"), HttpMethod.POST, Optional.of(BASE + "/fallback"), HttpMethod.POST,
            Optional.of(BASE + "/status"), HttpMethod.POST, clock.now()));
        routes.put("/status", Answer.of(204));
    }

    MemoryScenario route(String path, Answer answer) {
        routes.put(path, answer);
        return this;
    }

    List<AppRequest> requests(String path) {
        return AppRequest.to(List.copyOf(requests), path);
    }

    <T> T frozen(Supplier<T> setup) {
        return OnClock.run(clock, Scenario.HANG_GUARD, setup);
    }

    /** Waits until the call has ended and nothing is under way any more. */
    Call awaitEnded(String callSid) {
        assertThat(clock.await(() -> !engine.isLive(callSid) && transport.inFlight() == 0 && clock.busy() == 0,
            Scenario.HANG_GUARD)).as("the call ended within the hang guard").isTrue();
        return engine.call(callSid).orElseThrow();
    }
}
