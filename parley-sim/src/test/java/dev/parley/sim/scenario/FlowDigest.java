package dev.parley.sim.scenario;

import dev.parley.engine.call.Call;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a flow came to, in one line: the call's and its legs' final statuses and durations, the live updates and
 * whether the engine took them, and every request the app received at its virtual time. A flow replayed from its
 * seed must give the same line: that is Parley's promise of deterministic offline tests, and what
 * {@code RandomFlowsTest} checks and {@code -Dparley.digest=<file>} writes out, to diff two runs.
 *
 * <p>Legs are named by their place (created first, to which address), not by SID, and requests that arrive at the
 * same virtual instant are listed sorted: the digest is about what happened and when, not about which of two
 * things due at once a thread did first.
 */
final class FlowDigest {

    private static final List<String> PARAMS = List.of("CallStatus", "SequenceNumber", "DialCallStatus", "Digits",
        "RecordingStatus", "RecordingDuration", "ErrorCode", "CallDuration", "DialCallDuration");

    private FlowDigest() {
    }

    static String of(FlowRunner.Outcome outcome) {
        Call call = outcome.call();
        List<Call> legs = outcome.engine().calls(outcome.accountSid()).stream()
            .filter(c -> c.parentCallSid().equals(java.util.Optional.of(call.sid())))
            .sorted(Comparator.comparing(Call::dateCreated).thenComparing(Call::to)).toList();
        StringBuilder line = new StringBuilder().append(outcome.plan().seed()).append(' ').append(ended(call));
        line.append(" legs=").append(legs.stream().map(FlowDigest::ended).collect(Collectors.joining(",", "[", "]")));
        line.append(" updates=").append(outcome.updates().stream()
            .map(u -> u.update().kind() + "@" + u.at() + (u.accepted() ? "+" : "-"))
            .collect(Collectors.joining(",", "[", "]")));
        line.append(" requests=").append(outcome.app().log().stream()
            .map(FlowDigest::request).sorted().collect(Collectors.joining(",", "[", "]")));
        return line.toString();
    }

    private static String ended(Call c) {
        return c.to() + ":" + c.status().value() + ":" + c.duration().map(String::valueOf).orElse("-");
    }

    private static String request(AppRequest r) {
        StringBuilder s = new StringBuilder().append(r.at()).append(' ').append(r.path());
        for (String name : PARAMS) {
            if (r.params().containsKey(name)) s.append(' ').append(name).append('=').append(r.param(name));
        }
        return s.toString();
    }
}
