package dev.parley.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The session's transition table read as data: each transition declared once, every state reachable, every
 * {@link Result} and {@link DialCallStatus} an exit of it, every live state able to lose its caller and to fail,
 * and the diagram in {@code docs/conversation.md} the one the table renders.
 */
class SessionTransitionsTest {

    private static final List<Transitions.Transition<SessionMachine>> TABLE = SessionMachine.TRANSITIONS.all();

    @Test
    void eachStateEventAndGuardIsDeclaredOnce() {
        Set<String> seen = new HashSet<>();
        for (var t : TABLE) {
            for (SessionState from : t.from()) {
                assertThat(seen.add(from + " " + t.event().getSimpleName() + " [" + t.guardName() + "]"))
                    .as("declared twice: %s", t.describe()).isTrue();
            }
        }
    }

    @Test
    void everyStateIsReachableFromTheStartAndEveryLiveStateCanEnd() {
        Set<SessionState> reached = EnumSet.of(SessionState.LOOKING_UP);
        Deque<SessionState> next = new ArrayDeque<>(reached);
        while (!next.isEmpty()) {
            SessionState state = next.poll();
            for (var t : TABLE) if (t.from().contains(state) && reached.add(t.to())) next.add(t.to());
        }
        assertThat(reached).containsExactlyInAnyOrder(SessionState.values());
        for (SessionState state : SessionState.values()) {
            if (state == SessionState.ENDED) continue;
            assertThat(TABLE).as("%s has an exit", state)
                .anyMatch(t -> t.from().contains(state) && t.to() == SessionState.ENDED);
        }
    }

    @Test
    void everyResultAndEveryDialCallStatusIsAnExit() {
        Set<Result> results = TABLE.stream().flatMap(t -> t.result().stream()).collect(Collectors.toSet());
        Set<DialCallStatus> statuses = TABLE.stream().flatMap(t -> t.dialCallStatus().stream()).collect(Collectors.toSet());
        assertThat(results).containsExactlyInAnyOrder(Result.values());
        assertThat(statuses).containsExactlyInAnyOrder(DialCallStatus.values());
        assertThat(TABLE).allMatch(t -> t.result().isPresent() == (t.to() == SessionState.ENDED));
    }

    /** States that wait (for routing, the leg, the whisper, a hang-up) notice the caller leaving; any state can fail. */
    @Test
    void everyWaitingStateHandlesTheCallerLeavingAndEveryLiveStateHandlesAFailure() {
        for (SessionState state : EnumSet.of(SessionState.AWAITING_WORKER, SessionState.RINGING, SessionState.WHISPERING,
            SessionState.CONNECTED)) {
            assertThat(transition(state, SessionEvent.CallerGone.class)).as("%s on CallerGone", state).isPresent();
        }
        for (SessionState state : EnumSet.complementOf(EnumSet.of(SessionState.ENDED))) {
            assertThat(transition(state, SessionEvent.Failure.class)).as("%s on Failure", state)
                .hasValueSatisfying(t -> assertThat(t.result()).contains(Result.INTERNAL_ERROR));
        }
        assertThat(TABLE).noneMatch(t -> t.from().contains(SessionState.ENDED));
    }

    @Test
    void theDocumentationShowsTheTableAsItIs() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "conversation.md"), StandardCharsets.UTF_8);
        assertThat(docs).contains(SessionMachine.diagram());
    }

    private static Optional<Transitions.Transition<SessionMachine>> transition(SessionState state, Class<?> event) {
        return TABLE.stream().filter(t -> t.from().contains(state) && t.event() == event).findFirst();
    }
}
