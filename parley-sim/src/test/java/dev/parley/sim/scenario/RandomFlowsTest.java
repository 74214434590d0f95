package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.store.TimelineEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The proof issue 3 asks for: thousands of seeded random call flows (inbound and outbound-api calls; documents
 * mixing every verb; dialled phones that answer, are busy, fail, never answer, hang up at random; apps that
 * answer 500 or 404, hang until their timeout, send malformed or empty TwiML; callers hanging up at random; live
 * updates at random moments), each checked against {@link FlowInvariants}. Most flows use the in-process app; a
 * few go through the loopback HTTP {@link TestApp}.
 *
 * <p>{@code -Dparley.seed=N} runs only flow N (each failure prints its seed); {@code -Dparley.flows=N} sets how
 * many flows run (default {@value #FLOWS}); {@code -Dparley.masterSeed=N} picks another set of flows.
 */
class RandomFlowsTest {

    static final int FLOWS = 5000;
    static final long MASTER_SEED = 20260101L;
    /** Flows that run at once: each has a clock of its own, so they only share the CPU. */
    static final int PARALLEL = 2;
    /** Failures described in full (the rest by seed and violations). */
    static final int DETAILED = 3;

    @RegisterExtension
    final ThreadFailures threads = new ThreadFailures();

    @Test
    void everyTerminalPathEndsWithOneFinalStatusAndTheRequestsItsVerbsOwe() throws Exception {
        List<Long> seeds = seeds(FLOWS);
        Map<Long, String> failures = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> stats = new ConcurrentHashMap<>();
        Map<Long, String> digests = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<?>> runs = new ArrayList<>();
            for (long seed : seeds) {
                runs.add(pool.submit(() -> {
                    FlowPlan plan = FlowPlan.of(seed);
                    try (FlowRunner.Outcome outcome = FlowRunner.run(plan)) {
                        List<String> violations = FlowInvariants.check(outcome);
                        count(stats, outcome);
                        digests.put(seed, FlowDigest.of(outcome));
                        if (!violations.isEmpty()) failures.put(seed, report(plan, violations, Optional.of(outcome)));
                    } catch (RuntimeException | AssertionError e) {
                        failures.put(seed, report(plan, List.of("the flow threw " + e), Optional.empty()));
                    }
                }));
            }
            for (Future<?> run : runs) run.get();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("RandomFlowsTest: " + seeds.size() + " flows in " + millis + " ms, " + new TreeMap<>(stats));
        writeDigests(digests);

        StringBuilder message = new StringBuilder();
        int detailed = 0;
        for (Map.Entry<Long, String> failure : new TreeMap<>(failures).entrySet()) {
            message.append(detailed++ < DETAILED ? failure.getValue() : "flow " + failure.getKey() + " "
                + FlowPlan.of(failure.getKey()).replay()).append('\n');
        }
        assertThat(failures).as("%d of %d flows broke an invariant:%n%s", failures.size(), seeds.size(), message).isEmpty();
        assertThat(threads.uncaught()).as("exceptions on threads").isEmpty();
    }

    static List<Long> seeds(int flows) {
        String only = System.getProperty("parley.seed");
        if (only != null && !only.isBlank()) return List.of(Long.parseLong(only.trim()));
        SplittableRandom master = new SplittableRandom(Long.getLong("parley.masterSeed", MASTER_SEED));
        int count = Integer.getInteger("parley.flows", flows);
        List<Long> seeds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) seeds.add(master.nextLong() & Long.MAX_VALUE);
        return seeds;
    }

    /** With {@code -Dparley.digest=<file>}, each flow's {@link FlowDigest}, by seed: diff two runs' files. */
    private static void writeDigests(Map<Long, String> digests) throws IOException {
        String file = System.getProperty("parley.digest");
        if (file == null || file.isBlank()) return;
        Files.write(Path.of(file.trim()), new TreeMap<>(digests).values());
    }

    private static void count(Map<String, AtomicInteger> stats, FlowRunner.Outcome outcome) {
        Call call = outcome.call();
        stats.computeIfAbsent(call.direction().value() + " " + call.status().value(), k -> new AtomicInteger()).incrementAndGet();
        long legs = outcome.engine().calls(outcome.accountSid()).size() - 1;
        stats.computeIfAbsent("dialled legs", k -> new AtomicInteger()).addAndGet((int) legs);
        stats.computeIfAbsent("requests", k -> new AtomicInteger()).addAndGet(outcome.app().log().size());
        int updates = (int) outcome.updates().stream().filter(FlowRunner.SentUpdate::accepted).count();
        stats.computeIfAbsent("live updates taken", k -> new AtomicInteger()).addAndGet(updates);
        int legRedirects = (int) outcome.updates().stream().filter(u -> u.accepted()
            && u.update().kind() == FlowPlan.Update.Kind.REDIRECT_DIALLED).count();
        stats.computeIfAbsent("dialled legs redirected", k -> new AtomicInteger()).addAndGet(legRedirects);
        if (outcome.plan().http()) stats.computeIfAbsent("over HTTP", k -> new AtomicInteger()).incrementAndGet();
    }

    /** What a failing flow did: its plan, the violations, its timeline and the app's requests; how to replay it. */
    private static String report(FlowPlan plan, List<String> violations, Optional<FlowRunner.Outcome> outcome) {
        StringBuilder text = new StringBuilder("\n=== ").append(plan).append('\n');
        text.append("replay: ./mvnw -B -pl parley-sim -am verify -Dtest=RandomFlowsTest -Dsurefire.failIfNoSpecifiedTests=false ")
            .append(plan.replay()).append('\n');
        violations.forEach(v -> text.append("  VIOLATION ").append(v).append('\n'));
        outcome.ifPresent(o -> {
            for (TimelineEntry e : o.engine().timeline().of(o.call())) text.append("  | ").append(e).append('\n');
            for (AppRequest r : o.app().log()) {
                text.append("  > ").append(r.at()).append(' ').append(r.path()).append(' ').append(r.param("CallSid"))
                    .append(' ').append(r.param("CallStatus")).append(extra(r)).append('\n');
            }
            o.updates().forEach(u -> text.append("  ! ").append(u).append('\n'));
            o.app().served.forEach((doc, xml) -> text.append("  doc ").append(doc).append(": ").append(xml).append('\n'));
        });
        return text.toString();
    }

    private static String extra(AppRequest r) {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("SequenceNumber", "DialCallStatus", "DialCallSid", "Digits", "RecordingStatus",
            "RecordingSid", "ErrorCode")) {
            if (r.params().containsKey(name)) s.append(' ').append(name).append('=').append(r.param(name));
        }
        return s.toString();
    }
}
