package dev.parley.engine.clock;

import java.time.Instant;
import java.util.Optional;

/** Events for one waiting thread, posted by any thread. Waiting goes through the {@link Clock}. */
public interface Mailbox<E> {

    void post(E event);

    /** The next event, waiting at most until the deadline (clock time); empty when the deadline passed. */
    Optional<E> poll(Instant deadline);

    /** The next event if one is there, without waiting. */
    Optional<E> poll();

    /** Waits as long as it takes. */
    E take();
}
