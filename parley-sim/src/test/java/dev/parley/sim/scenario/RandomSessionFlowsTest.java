package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Timeline;
import dev.parley.engine.session.SessionMachine;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern TRANSITION = Pattern.compile("^session (\\w+) --(\\w+)-->");
    private static final Pattern DIAGRAM_LINE = Pattern.compile("^(\\w+) --(\\w+)(?: \\[\\w+\\])?-->");
    /** Failures described in full (the rest by seed and violations). */
    static final int DETAILED = 3;

    @RegisterExtension
    final ThreadFailures threads = new ThreadFailures();

    @Test
    void everySessionRequestsItsActionOnceAndEndsWithTheRightFinalEvents() {
        List<Long> seeds = RandomFlowsTest.seeds(FLOWS);
        Map<Long, String> failures = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
        Set<String> taken = ConcurrentHashMap.newKeySet();
        seeds.parallelStream().forEach(seed -> {
            SessionFlowPlan plan = SessionFlowPlan.of(seed);
            try {
                SessionFlowRunner.Outcome outcome = SessionFlowRunner.run(plan);
                List<String> violations = SessionFlowInvariants.check(outcome);
                results.computeIfAbsent(result(outcome), k -> new AtomicInteger()).incrementAndGet();
                taken.addAll(transitions(outcome));
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
            assertThat(taken).as("every transition of the session was taken").containsAll(declared());
            assertThat(results.keySet()).as("every Result and every DialCallStatus was reached").contains(
                "session-success completed", "dialed-call-incomplete busy", "dialed-call-incomplete no-answer",
                "dialed-call-incomplete failed", "dialed-call-incomplete canceled", "failed-create-conversation",
                "no-other-participants", "invalid-conversation", "no-existing-conversation", "internal-error");
        }
    }

    /** The transitions the session took, as {@code FROM --Event-->}, read from the call's timeline. */
    private static Set<String> transitions(SessionFlowRunner.Outcome outcome) {
        Set<String> taken = new HashSet<>();
        for (Timeline.Entry e : outcome.engine().timeline().of("session")) {
            Matcher m = TRANSITION.matcher(e.text());
            if (m.find()) taken.add(m.group(1) + " --" + m.group(2) + "-->");
        }
        return taken;
    }

    /**
     * The declared transitions, from the session's diagram, but for {@code Failure} (no flow provokes one) and the
     * four-hour limit of a joined session (flows last minutes; {@code DialCallStatusTest} covers it).
     */
    private static Set<String> declared() {
        Set<String> declared = new HashSet<>();
        for (String line : SessionMachine.diagram().split("\n")) {
            Matcher m = DIAGRAM_LINE.matcher(line);
            if (m.find() && !m.group(2).equals("Failure") && !line.startsWith("CONNECTED --DeadlinePassed")) {
                declared.add(m.group(1) + " --" + m.group(2) + "-->");
            }
        }
        return declared;
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
