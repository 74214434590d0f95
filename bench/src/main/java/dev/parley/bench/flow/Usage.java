package dev.parley.bench.flow;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The CPU time this process used and the time its garbage collectors took: says where a run's time went (a run
 * that did not keep the cores busy waited on something).
 */
record Usage(Duration cpu, Duration gc) {

    static Usage now() {
        long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
        long gc = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        return new Usage(Duration.ofNanos(Math.max(0, cpu)), Duration.ofMillis(gc));
    }

    /** What was used from {@code start} to now. */
    static Usage since(Usage start) {
        Usage now = now();
        return new Usage(now.cpu.minus(start.cpu), now.gc.minus(start.gc));
    }
}
