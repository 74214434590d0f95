package dev.parley.engine.session;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A transition table: for a state and an event type, an optional guard, the next state (for {@link SessionState#ENDED}
 * the {@link Result} and, when a leg was dialled, the {@link DialCallStatus}), and the action. The first declared
 * transition whose guard holds wins; an event with none is ignored. {@link #diagram()} renders the table.
 *
 * @param <M> what actions and guards act on (the machine)
 */
final class Transitions<M> {

    /** One declared transition. */
    record Transition<M>(Set<SessionState> from, Class<? extends SessionEvent> event, String guardName,
                         Predicate<M> guard, SessionState to, Optional<Result> result,
                         Optional<DialCallStatus> dialCallStatus, BiConsumer<M, SessionEvent> action) {

        String describe() {
            String source = from.size() == 1 ? from.iterator().next().name()
                : from.stream().map(Enum::name).collect(Collectors.joining("|"));
            String on = event.getSimpleName() + (guardName.isEmpty() ? "" : " [" + guardName + "]");
            String outcome = result.map(r -> " (" + r.value() + dialCallStatus.map(s -> ", " + s.value()).orElse("") + ")")
                .orElse("");
            return source + " --" + on + "--> " + to.name() + outcome;
        }
    }

    private final List<Transition<M>> table = new ArrayList<>();

    /** Starts declaring what {@code event} does in {@code from}. */
    <E extends SessionEvent> Rule<E> on(SessionState from, Class<E> event) {
        return new Rule<>(EnumSet.of(from), event, "", m -> true);
    }

    /** Starts declaring what {@code event} does in every state but {@link SessionState#ENDED}. */
    <E extends SessionEvent> Rule<E> onAnyLive(Class<E> event) {
        return new Rule<>(EnumSet.complementOf(EnumSet.of(SessionState.ENDED)), event, "", m -> true);
    }

    /** The transition an event takes in a state, if any. */
    Optional<Transition<M>> find(SessionState state, SessionEvent event, M machine) {
        for (Transition<M> t : table) {
            if (t.from().contains(state) && t.event().isInstance(event) && t.guard().test(machine)) return Optional.of(t);
        }
        return Optional.empty();
    }

    List<Transition<M>> all() {
        return List.copyOf(table);
    }

    /** The table, one transition a line, in the order declared. */
    String diagram() {
        return table.stream().map(Transition::describe).collect(Collectors.joining("\n", "", "\n"));
    }

    /** A transition being declared. */
    final class Rule<E extends SessionEvent> {
        private final Set<SessionState> from;
        private final Class<E> event;
        private final String guardName;
        private final Predicate<M> guard;

        private Rule(Set<SessionState> from, Class<E> event, String guardName, Predicate<M> guard) {
            this.from = from;
            this.event = event;
            this.guardName = guardName;
            this.guard = guard;
        }

        /** Only when the guard holds. */
        Rule<E> when(String name, Predicate<M> condition) {
            return new Rule<>(from, event, name, condition);
        }

        Transitions<M> to(SessionState next, BiConsumer<M, E> action) {
            return add(next, Optional.empty(), Optional.empty(), action);
        }

        /** Stays in the state (the action may raise the next event). */
        Transitions<M> stay(BiConsumer<M, E> action) {
            if (from.size() != 1) throw new IllegalStateException("stay needs one source state");
            return to(from.iterator().next(), action);
        }

        /** Ends the session with a result and no dialled leg, or one whose status the action sets. */
        Transitions<M> end(Result result, BiConsumer<M, E> action) {
            return add(SessionState.ENDED, Optional.of(result), Optional.empty(), action);
        }

        /** Ends the session with a result and the dialled leg's status. */
        Transitions<M> end(Result result, DialCallStatus status, BiConsumer<M, E> action) {
            return add(SessionState.ENDED, Optional.of(result), Optional.of(status), action);
        }

        @SuppressWarnings("unchecked")
        private Transitions<M> add(SessionState next, Optional<Result> result, Optional<DialCallStatus> status,
                                   BiConsumer<M, E> action) {
            table.add(new Transition<>(from, event, guardName, guard, next, result, status,
                (m, e) -> action.accept(m, (E) e)));
            return Transitions.this;
        }
    }
}
