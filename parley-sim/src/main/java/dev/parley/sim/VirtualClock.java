package dev.parley.sim;

import dev.parley.engine.clock.Clock;
import dev.parley.engine.clock.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Virtual time. The clock counts the threads it {@link #spawn spawned} that are busy; a thread stops being
 * busy while it waits in a {@link Mailbox} and when it ends. When no thread is busy, time jumps to the next
 * timer or deadline. A 60-second ring timeout takes as long as the code around it.
 *
 * <p>Rule for code that runs on this clock: a spawned thread blocks only in a mailbox (or briefly on a lock, or
 * on real I/O, during which virtual time stands still). Threads that the clock did not spawn (a test, an HTTP
 * server) may post to mailboxes and schedule timers at any time.
 *
 * <p>Timers due at the same instant start one after another by default ({@link Firing#SEQUENTIAL}), so that a
 * run repeats exactly; under load, where many calls share each instant, {@link Firing#CONCURRENT} starts them
 * together, as real time would.
 *
 * <p>Timers due at the same instant fire in the order they were scheduled. That order repeats only if the
 * scheduling does: two busy threads that each schedule for the same instant (a test's setup still scheduling after
 * it placed a call, and the call's thread arming the phone's script) race for it. A test that wants its timers to
 * come first schedules them before it starts the work that arms others.
 */
public final class VirtualClock implements Clock {

    /** How timers (and mailbox deadlines) due at the same instant start. */
    public enum Firing {
        /**
         * One at a time: the next starts once every thread waits again. Runs repeat exactly: the default, for
         * tests.
         */
        SEQUENTIAL,
        /**
         * All together, even while other threads are busy, as on real time: for load, where a thousand calls
         * waiting for the same instant would otherwise take turns. Time still moves only when every thread waits.
         */
        CONCURRENT
    }

    private static final ThreadLocal<Boolean> COUNTED = ThreadLocal.withInitial(() -> false);

    private final Firing firing;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever a busy thread goes idle or time moves, for {@link #await}. */
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Entry> timers = new PriorityQueue<>();
    private Instant now;
    private int busy;
    private long sequence;

    public VirtualClock(Instant start, Firing firing) {
        this.now = start;
        this.firing = firing;
    }

    public VirtualClock(Instant start) {
        this(start, Firing.SEQUENTIAL);
    }

    /** Starts at 2026-01-01T00:00:00Z. */
    public VirtualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public Instant now() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <E> Mailbox<E> mailbox() {
        return new VirtualMailbox<>();
    }

    @Override
    public Timer schedule(Instant at, Runnable task) {
        lock.lock();
        try {
            Entry entry = new Entry(at.isBefore(now) ? now : at, sequence++, () -> spawnLocked("timer", task));
            timers.add(entry);
            advanceIfIdle();
            return () -> {
                lock.lock();
                try {
                    boolean pending = !entry.fired && !entry.cancelled;
                    entry.cancelled = true;
                    return pending;
                } finally {
                    lock.unlock();
                }
            };
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void spawn(String name, Runnable task) {
        lock.lock();
        try {
            spawnLocked(name, task);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves time forward by a duration, firing what falls due, as if every thread were waiting. For threads
     * the clock did not spawn (a test); a spawned thread waits in a mailbox instead.
     */
    public void advance(Duration duration) {
        lock.lock();
        try {
            Instant target = now.plus(duration);
            Entry mark = new Entry(target, sequence++, () -> { });
            timers.add(mark);
            advanceIfIdle();
            while (!mark.fired) {
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a condition holds, letting virtual time run; gives up after a real-time deadline (a guard
     * against a hang, never a measurement). The condition is checked each time a busy thread goes idle, with
     * the clock's lock held: it must only read (no locks that code calling the clock may hold).
     */
    public boolean await(BooleanSupplier condition, Duration realDeadline) {
        long giveUpAt = System.nanoTime() + realDeadline.toNanos();
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                long remaining = giveUpAt - System.nanoTime();
                if (remaining <= 0) return false;
                try {
                    changed.awaitNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Busy threads right now (for tests of the clock itself). */
    public int busy() {
        lock.lock();
        try {
            return busy;
        } finally {
            lock.unlock();
        }
    }

    private void spawnLocked(String name, Runnable task) {
        busy++;
        Thread.ofVirtual().name(name).start(() -> {
            COUNTED.set(true);
            try {
                task.run();
            } finally {
                lock.lock();
                try {
                    idle();
                } finally {
                    lock.unlock();
                }
            }
        });
    }

    /** A busy thread stops being busy (lock held). */
    private void idle() {
        busy--;
        changed.signalAll();
        advanceIfIdle();
    }

    /**
     * While nothing is busy, fires the next timer, moving time to it (lock held). Firing makes something busy
     * or marks a point. {@link Firing#CONCURRENT} also fires every timer already due while threads are busy.
     */
    private void advanceIfIdle() {
        while (!timers.isEmpty()) {
            Entry next = timers.peek();
            boolean due = !next.at.isAfter(now);
            if (busy > 0 && !(due && firing == Firing.CONCURRENT)) return;
            timers.poll();
            if (next.cancelled) continue;
            if (!due) now = next.at;
            next.fired = true;
            next.action.run();
            changed.signalAll();
        }
    }

    private final class VirtualMailbox<E> implements Mailbox<E> {
        private final ArrayDeque<E> queue = new ArrayDeque<>();
        private final Condition ready = lock.newCondition();
        private boolean waiting;
        private boolean woken;
        private boolean waiterCounted;
        private Entry deadline;

        @Override
        public void post(E event) {
            lock.lock();
            try {
                queue.add(event);
                wake();
            } finally {
                lock.unlock();
            }
        }

        /** Wakes the waiter, making it busy again on its behalf so time cannot move before it runs. */
        private void wake() {
            if (waiting && !woken) {
                woken = true;
                if (waiterCounted) busy++;
                if (deadline != null) deadline.cancelled = true;
                ready.signal();
            }
        }

        @Override
        public Optional<E> poll(Instant until) {
            lock.lock();
            try {
                if (!queue.isEmpty()) return Optional.of(queue.poll());
                if (!until.isAfter(now)) return Optional.empty();
                return await(until);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Optional<E> poll() {
            lock.lock();
            try {
                return Optional.ofNullable(queue.poll());
            } finally {
                lock.unlock();
            }
        }

        @Override
        public E take() {
            lock.lock();
            try {
                if (!queue.isEmpty()) return queue.poll();
                return await(null).orElseThrow();
            } finally {
                lock.unlock();
            }
        }

        private Optional<E> await(Instant until) {
            if (waiting) throw new IllegalStateException("a mailbox has one waiter at a time");
            waiting = true;
            woken = false;
            waiterCounted = COUNTED.get();
            if (until != null) {
                deadline = new Entry(until, sequence++, this::wake);
                timers.add(deadline);
            }
            if (waiterCounted) {
                idle();
            } else {
                advanceIfIdle();
            }
            while (!woken) {
                ready.awaitUninterruptibly();
            }
            waiting = false;
            deadline = null;
            return Optional.ofNullable(queue.poll());
        }
    }

    private static final class Entry implements Comparable<Entry> {
        final Instant at;
        final long sequence;
        final Runnable action;
        boolean cancelled;
        boolean fired;

        Entry(Instant at, long sequence, Runnable action) {
            this.at = at;
            this.sequence = sequence;
            this.action = action;
        }

        @Override
        public int compareTo(Entry o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
