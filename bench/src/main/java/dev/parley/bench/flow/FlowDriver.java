package dev.parley.bench.flow;

import dev.parley.engine.clock.Mailbox;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Starts flows on a Parley, keeping at most {@code concurrency} of them under way: a flow is under way from its
 * call until the app sees the {@link FlowApp.Event} chosen (its agent answered, or its end). As soon as one is
 * done the next starts.
 *
 * <p>The driver is a thread of the Parley's clock, like a call, and waits for flows in a clock mailbox. On
 * virtual time that matters: time stands still while it starts flows, so the flows it starts together begin at
 * the same instant and move in step, and {@code concurrency} flows make their webhooks at the same time. A
 * driver outside the clock would let time move between two starts, and the flows would take turns.
 */
final class FlowDriver {

    private final Parley parley;
    private final FlowApp app;
    private final int concurrency;
    private final Duration deadline;

    FlowDriver(Parley parley, FlowApp app, int concurrency, Duration deadline) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        this.parley = parley;
        this.app = app;
        this.concurrency = concurrency;
        this.deadline = deadline;
    }

    /**
     * Runs flows {@code first} to {@code first + count - 1}, the agent hanging up after {@code talk} (or never),
     * and returns the time from the first call to the last {@code until} event.
     *
     * @throws LoadFailure when the flows do not get there within the deadline (a hang guard, not a measurement)
     */
    Duration drive(int first, int count, Optional<Duration> talk, FlowApp.Event until) {
        return each(first, count, until, i -> parley.start(i, talk));
    }

    /**
     * Ends flows {@code first} to {@code first + count - 1}, whose agents stayed on the call: their agents hang
     * up, as many at once as flows are allowed under way (all at once would open a connection per webhook).
     */
    Duration hangUpAgents(int first, int count) {
        return each(first, count, FlowApp.Event.FLOW_ENDED, i -> parley.agent(i).hangup());
    }

    /**
     * Does {@code step} for each flow from a thread of the clock, at most {@code concurrency} flows ahead of the
     * {@code until} events the app has seen, and waits until it has seen one for each flow.
     */
    private Duration each(int first, int count, FlowApp.Event until, IntConsumer step) {
        Mailbox<FlowApp.Event> seen = parley.clock.mailbox();
        CountDownLatch done = new CountDownLatch(count);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        app.onEvent(event -> {
            if (event == until) {
                seen.post(event);
                done.countDown();
            }
        });
        long start = System.nanoTime();
        parley.clock.spawn("flow-driver", () -> {
            try {
                int next = first;
                int ahead = 0;
                while (next < first + count) {
                    for (; ahead < concurrency && next < first + count; ahead++) {
                        step.accept(next++);
                    }
                    seen.take();
                    ahead--;
                    while (seen.poll().isPresent()) ahead--;
                }
            } catch (RuntimeException e) {
                failure.set(e);
                while (done.getCount() > 0) done.countDown();
            }
        });
        try {
            if (!done.await(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new LoadFailure((count - done.getCount()) + " of " + count + " flows reached " + until
                    + " within " + deadline.toSeconds() + " s; " + parley.engine.liveCalls() + " calls live");
            }
            if (failure.get() != null) throw failure.get();
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure("interrupted");
        } finally {
            app.onEvent(event -> { });
        }
    }
}
