package dev.parley.engine.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Real time: waits block the thread, timers run on virtual threads. */
public final class SystemClock implements Clock {

    /** The longest wait in nanoseconds a long holds (about 292 years): a deadline further off is "forever". */
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parley-timers");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public <E> Mailbox<E> mailbox() {
        return new QueueMailbox<>();
    }

    /** Nanoseconds from now until an instant: 0 when it has passed, Long.MAX_VALUE when it is that far off. */
    private static long nanosUntil(Instant at) {
        Duration left = Duration.between(Instant.now(), at);
        if (left.isNegative()) return 0;
        return left.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : left.toNanos();
    }

    @Override
    public Timer schedule(Instant at, Runnable task) {
        long delay = nanosUntil(at);
        ScheduledFuture<?> future = timers.schedule(() -> spawn("timer", task), delay, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void spawn(String name, Runnable task) {
        Thread.ofVirtual().name(name).start(task);
    }

    private static final class QueueMailbox<E> implements Mailbox<E> {
        private final BlockingQueue<E> queue = new LinkedBlockingQueue<>();

        @Override
        public void post(E event) {
            queue.add(event);
        }

        @Override
        public Optional<E> poll(Instant deadline) {
            try {
                long nanos = nanosUntil(deadline);
                return Optional.ofNullable(nanos <= 0 ? queue.poll() : queue.poll(nanos, TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        @Override
        public Optional<E> poll() {
            return Optional.ofNullable(queue.poll());
        }

        @Override
        public E take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        }
    }
}
