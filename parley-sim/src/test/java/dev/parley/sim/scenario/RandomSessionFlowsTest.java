package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Timeline;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RandomFlowsTest}'s sibling for {@code <Connect><Conversation>}: seeded random session flows (every setup
 * that leads to a Result, routing that answers late or never, dialled parties that answer, ring out, are busy,
 * fail or refuse, whispers that accept, hang up or fail, hang-ups by either side at random moments, apps that fail,
 * live updates of the call or of its leg), each checked against {@link SessionFlowInvariants}. Seeds come from the
 * same master seed and properties ({@code -Dparley.seed=N} runs one flow, {@code -Dparley.flows=N} sets how many).
 */
class RandomSessionFlowsTest {

    static final int FLOWS = 2000;
    /** Failures described in full (the rest by seed and violations). */
    static final int DETAILED = 3;

    @RegisterExtension
    final ThreadFailures threads = new ThreadFailures();

    @Test
    void everySessionRequestsItsActionOnceAndEndsWithTheRightFinalEvents() {
        List<Long> seeds = RandomFlowsTest.seeds(FLOWS);
        Map<Long, String> failures = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
        seeds.parallelStream().forEach(seed -> {
            SessionFlowPlan plan = SessionFlowPlan.of(seed);
            try {
                SessionFlowRunner.Outcome outcome = SessionFlowRunner.run(plan);
                List<String> violations = SessionFlowInvariants.check(outcome);
                results.computeIfAbsent(result(outcome), k -> new AtomicInteger()).incrementAndGet();
                if (!violations.isEmpty()) failures.put(seed, report(plan, violations, Optional.of(outcome)));
            } catch (RuntimeException | AssertionError e) {
                failures.put(seed, report(plan, List.of("the flow threw " + e), Optional.empty()));
            }
        });
        System.out.println("RandomSessionFlowsTest: " + seeds.size() + " flows, " + new TreeMap<>(results));

        StringBuilder message = new StringBuilder();
        int detailed = 0;
        for (Map.Entry<Long, String> failure : new TreeMap<>(failures).entrySet()) {
            message.append(detailed++ < DETAILED ? failure.getValue() : "flow " + failure.getKey() + " "
                + SessionFlowPlan.of(failure.getKey()).replay()).append('\n');
        }
        assertThat(failures).as("%d of %d session flows broke an invariant:%n%s", failures.size(), seeds.size(), message)
            .isEmpty();
        assertThat(threads.uncaught()).as("exceptions on threads").isEmpty();
        if (seeds.size() == FLOWS) {
            assertThat(results.keySet()).as("every Result and every DialCallStatus was reached").contains(
                "session-success completed", "dialed-call-incomplete busy", "dialed-call-incomplete no-answer",
                "dialed-call-incomplete failed", "dialed-call-incomplete canceled", "failed-create-conversation",
                "no-other-participants", "invalid-conversation", "no-existing-conversation", "internal-error");
        }
    }

    private static String result(SessionFlowRunner.Outcome outcome) {
        return AppRequest.to(outcome.app().log(), "/t/a").stream().findFirst()
            .map(a -> (a.param("Result") + " " + a.param("DialCallStatus")).strip()).orElse("no action request");
    }

    /** What a failing flow did: its plan, the violations, the timeline and the app's requests; how to replay it. */
    private static String report(SessionFlowPlan plan, List<String> violations, Optional<SessionFlowRunner.Outcome> outcome) {
        StringBuilder text = new StringBuilder("\n=== ").append(plan).append('\n');
        text.append("replay: ./mvnw -B -pl parley-sim -am verify -Dtest=RandomSessionFlowsTest ")
            .append("-Dsurefire.failIfNoSpecifiedTests=false ").append(plan.replay()).append('\n');
        violations.forEach(v -> text.append("  VIOLATION ").append(v).append('\n'));
        outcome.ifPresent(o -> {
            for (Timeline.Entry e : o.engine().timeline().entries()) text.append("  | ").append(e).append('\n');
            for (AppRequest r : o.app().log()) {
                text.append("  > ").append(r.at()).append(' ').append(r.path()).append(' ').append(r.param("CallSid"))
                    .append(' ').append(r.param("Result")).append(' ').append(r.param("DialCallStatus")).append(' ')
                    .append(r.param("Status")).append(r.param("SequenceNumber")).append('\n');
            }
            o.update().ifPresent(u -> text.append("  ! ").append(u).append('\n'));
        });
        return text.toString();
    }
}
