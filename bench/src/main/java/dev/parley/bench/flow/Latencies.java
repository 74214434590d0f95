package dev.parley.bench.flow;

import java.time.Duration;
import java.util.Arrays;

/**
 * Latencies of one measured run, every sample kept (a run has at most a few million, 8 bytes each), so that
 * percentiles are exact rather than bucketed.
 */
final class Latencies {

    /** Nearest-rank percentiles of a run. */
    record Summary(int count, Duration p50, Duration p90, Duration p99, Duration max) {
        @Override
        public String toString() {
            return "p50 " + ms(p50) + " ms, p90 " + ms(p90) + " ms, p99 " + ms(p99) + " ms, max " + ms(max) + " ms";
        }

        private static String ms(Duration d) {
            return String.format("%.2f", d.toNanos() / 1e6);
        }
    }

    private long[] nanos = new long[4096];
    private int size;

    synchronized void add(Duration latency) {
        if (size == nanos.length) nanos = Arrays.copyOf(nanos, size * 2);
        nanos[size++] = latency.toNanos();
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        return new Summary(size, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99), rank(sorted, 1.0));
    }

    private static Duration rank(long[] sorted, double p) {
        if (sorted.length == 0) return Duration.ZERO;
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return Duration.ofNanos(sorted[Math.max(0, index)]);
    }
}
