package dev.parley.bench.flow;

import dev.parley.engine.clock.SystemClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Optional;

/**
 * The live-call part of a load run: heap per live call. It brings {@code calls} flows to the point where the
 * caller and the agent are bridged in the {@code <Dial>} and stay there, measures the heap used after a full
 * collection against a baseline taken just before, then lets every agent hang up and measures again (what the
 * ended calls leave in memory). On real time ({@link SystemClock}), as a deployment runs: on virtual time, the
 * held calls would jump to their time limit the moment they all waited.
 */
final class LiveCallMemory {

    /**
     * What was measured: heap used after a full GC at the baseline, with the calls live, and after they ended.
     *
     * @param bridged the calls whose agent was still bridged to the caller at the measurement
     */
    record Result(int calls, int bridged, long baselineBytes, long liveBytes, long endedBytes, long maxHeapBytes,
                  Duration setup, Errors errors) {
        long bytesPerLiveCall() {
            return (liveBytes - baselineBytes) / calls;
        }

        long bytesPerEndedCall() {
            return (endedBytes - baselineBytes) / calls;
        }
    }

    /** Warm-up flows hang up this soon: they only bring the code and the connection pools up to speed. */
    private static final Duration WARMUP_TALK = Duration.ofMillis(200);

    private final Rig rig;
    private final int concurrency;

    /** {@code concurrency}: calls being set up at once (the live calls themselves are all up together). */
    LiveCallMemory(Rig rig, int concurrency) {
        this.rig = rig;
        this.concurrency = concurrency;
    }

    Result measure(int calls) {
        try (Parley parley = rig.parley(new SystemClock())) {
            FlowDriver driver = rig.driver(parley, concurrency);
            // As many warm-up flows as are set up at once: the HTTP connections open at the baseline as in the setup.
            MeasuredTransport.Tally warmup = rig.start();
            driver.drive(0, concurrency, Optional.of(WARMUP_TALK), FlowApp.Event.FLOW_ENDED);
            rig.settle(warmup, (long) concurrency * Flow.WEBHOOKS);
            long baseline = usedHeapAfterGc();

            MeasuredTransport.Tally tally = rig.start();
            int first = concurrency;
            Duration setup = driver.drive(first, calls, Optional.empty(), FlowApp.Event.AGENT_ANSWERED);
            long live = usedHeapAfterGc();
            int bridged = parley.bridged(first, calls);
            int liveCalls = parley.engine.liveCalls();

            driver.hangUpAgents(first, calls);
            Errors errors = rig.settle(tally, (long) calls * Flow.WEBHOOKS);
            long ended = usedHeapAfterGc();

            errors.add("calls not bridged at the measurement", calls - bridged)
                .add("calls not live at the measurement", calls - liveCalls)
                .add("calls not completed", parley.callsNotCompleted())
                .add("alerts", parley.alerts());
            return new Result(calls, bridged, baseline, live, ended, Runtime.getRuntime().maxMemory(), setup, errors);
        }
    }

    /** Heap in use after full collections (three, so that what the first freed is gone too). */
    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
