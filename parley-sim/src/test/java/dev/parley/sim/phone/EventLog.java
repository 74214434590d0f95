package dev.parley.sim.phone;

import dev.parley.engine.clock.Clock;
import dev.parley.engine.clock.Mailbox;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.LegListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fake engine-side listener: keeps every event with the clock time it arrived, and posts it to a mailbox
 * that one clock-spawned "engine" thread may wait on ({@link #next}, {@link #waitFor}).
 *
 * <p>The clock is read before this object's monitor is taken: {@code VirtualClock.await} checks conditions
 * (which read this log) under the clock's lock.
 */
final class EventLog implements LegListener {

    record Timed(Instant at, LegEvent event) {
    }

    private final Clock clock;
    private final Mailbox<LegEvent> mailbox;
    private final List<Timed> events = new ArrayList<>();

    EventLog(Clock clock) {
        this.clock = clock;
        this.mailbox = clock.mailbox();
    }

    @Override
    public void on(LegEvent event) {
        Instant at = clock.now();
        synchronized (this) {
            events.add(new Timed(at, event));
        }
        mailbox.post(event);
    }

    synchronized List<Timed> timed() {
        return List.copyOf(events);
    }

    List<LegEvent> events() {
        return timed().stream().map(Timed::event).toList();
    }

    boolean has(Class<? extends LegEvent> type) {
        return timed().stream().anyMatch(t -> type.isInstance(t.event()));
    }

    long count(Class<? extends LegEvent> type) {
        return timed().stream().filter(t -> type.isInstance(t.event())).count();
    }

    /** When the first event of a type arrived. */
    Instant timeOf(Class<? extends LegEvent> type) {
        return timed().stream().filter(t -> type.isInstance(t.event())).map(Timed::at).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + events()));
    }

    // ---- for the one engine thread

    /** The next event not taken yet (engine thread only). */
    LegEvent next() {
        return mailbox.take();
    }

    /** Takes events until one of the type (engine thread only); fails after a minute of clock time. */
    <T extends LegEvent> T waitFor(Class<T> type) {
        Instant deadline = clock.now().plus(Duration.ofMinutes(1));
        while (true) {
            Optional<LegEvent> event = mailbox.poll(deadline);
            if (event.isEmpty()) throw new AssertionError("no " + type.getSimpleName() + " within a minute: " + events());
            if (type.isInstance(event.get())) return type.cast(event.get());
        }
    }
}
