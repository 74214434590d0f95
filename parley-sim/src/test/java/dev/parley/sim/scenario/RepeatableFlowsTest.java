package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Same seed, same flow: Parley's promise of deterministic offline tests, checked where it is easiest to break. The
 * flows of {@link RandomFlowsTest} whose plan sends a live update at the very instant the party hangs up run
 * {@value #RUNS} times each and must come to the same {@link FlowDigest} every time. Whether such an update is taken
 * once depended on which of two threads scheduled its timer first (1 flow in 5,000, 1 replay in 100).
 */
class RepeatableFlowsTest {

    static final int RUNS = 4;

    @RegisterExtension
    final ThreadFailures threads = new ThreadFailures();

    @Test
    void aFlowReplayedFromItsSeedComesToTheSameDigest() throws Exception {
        List<Long> seeds = RandomFlowsTest.seeds(RandomFlowsTest.FLOWS).stream()
            .filter(seed -> FlowPlan.of(seed).updateAtHangUp()).toList();
        assertThat(seeds).as("flows with an update at the party's hang-up").isNotEmpty();
        Map<Long, Set<String>> digests = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(RandomFlowsTest.PARALLEL)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                for (long seed : seeds) {
                    runs.add(pool.submit(() -> {
                        try (FlowRunner.Outcome outcome = FlowRunner.run(FlowPlan.of(seed))) {
                            digests.computeIfAbsent(seed, s -> ConcurrentHashMap.newKeySet()).add(FlowDigest.of(outcome));
                        }
                    }));
                }
            }
            for (Future<?> run : runs) run.get();
        }
        Map<Long, Set<String>> diverged = new TreeMap<>(digests);
        diverged.values().removeIf(d -> d.size() == 1);
        System.out.println("RepeatableFlowsTest: " + seeds.size() + " flows, " + RUNS + " runs each, "
            + diverged.size() + " diverged");
        assertThat(diverged).as("flows whose runs came to different digests (of %d flows)", seeds.size()).isEmpty();
        assertThat(threads.uncaught()).as("exceptions on threads").isEmpty();
    }
}
