package dev.parley.server.testing;

import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** What a command writes, which a test on another thread can await (with a real-time deadline, never a sleep). */
public final class Output extends Writer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final StringBuilder text = new StringBuilder();

    @Override
    public void write(char[] chars, int offset, int length) {
        lock.lock();
        try {
            text.append(chars, offset, length);
            written.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the text written so far satisfies the condition; false when the deadline passed first. */
    public boolean await(Predicate<String> condition, Duration deadline) throws InterruptedException {
        long left = deadline.toNanos();
        lock.lock();
        try {
            while (!condition.test(text.toString())) {
                if (left <= 0) return false;
                left = written.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return text.toString();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
