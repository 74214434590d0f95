package dev.parley.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** A hang guard, never a measurement. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** What a timer's task saw: the threads busy with it, and the time. */
    record Seen(String task, int busy, Instant at) {
    }

    @Test
    void byDefaultTimersDueAtTheSameInstantStartOneAfterAnother() {
        VirtualClock clock = new VirtualClock(START);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        onTheClock(clock, () -> {
            clock.schedule(START.plusSeconds(1), () -> seen.add(new Seen("first", clock.busy(), clock.now())));
            clock.schedule(START.plusSeconds(1), () -> seen.add(new Seen("second", clock.busy(), clock.now())));
        });

        assertThat(clock.await(() -> seen.size() == 2, DEADLINE)).isTrue();

        assertThat(seen).containsExactly(new Seen("first", 1, START.plusSeconds(1)),
            new Seen("second", 1, START.plusSeconds(1)));
    }

    @Test
    void concurrentFiringStartsEveryTimerDueAtAnInstantTogetherAndTimeMovesOnlyWhenAllWait() {
        VirtualClock clock = new VirtualClock(START, VirtualClock.Firing.CONCURRENT);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        CountDownLatch bothSeen = new CountDownLatch(2);
        onTheClock(clock, () -> {
            for (String task : List.of("first", "second")) {
                clock.schedule(START.plusSeconds(1), () -> {
                    seen.add(new Seen(task, clock.busy(), clock.now()));
                    bothSeen.countDown();
                    awaitQuietly(bothSeen); // would not return before the deadline if the other waited for this one
                });
            }
            clock.schedule(START.plusSeconds(2), () -> seen.add(new Seen("later", clock.busy(), clock.now())));
        });

        assertThat(clock.await(() -> seen.size() == 3, DEADLINE)).isTrue();

        assertThat(seen.subList(0, 2)).extracting(Seen::busy, Seen::at)
            .containsOnly(tuple(2, START.plusSeconds(1)));
        assertThat(seen.get(2)).isEqualTo(new Seen("later", 1, START.plusSeconds(2)));
    }

    /** Runs on a thread the clock counts, so that time stands still until it is done (as an engine's would). */
    private static void onTheClock(VirtualClock clock, Runnable body) {
        clock.spawn("test", body);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
