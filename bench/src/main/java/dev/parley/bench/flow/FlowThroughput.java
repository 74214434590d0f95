package dev.parley.bench.flow;

import dev.parley.engine.webhook.WebhookRequest;
import dev.parley.sim.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The flow part of a load run: whole flows through the engine on virtual time (media, rings and talk take no
 * real time; a call doing HTTP is busy, so time never jumps over a webhook; timers due together start together),
 * beside the raw exchange of the same requests through the same transport with the same app at the same
 * concurrency.
 */
final class FlowThroughput {

    /** How long an agent talks before hanging up, in virtual time. */
    static final Duration TALK = Duration.ofSeconds(5);

    /**
     * One measured run: flows (zero for the raw exchange), the webhooks sent, how long it took and the CPU it
     * used.
     */
    record Run(long flows, long webhooks, Duration elapsed, Usage usage, Latencies.Summary latency, Errors errors) {
        double flowsPerSecond() {
            return flows / seconds();
        }

        double webhooksPerSecond() {
            return webhooks / seconds();
        }

        /** Cores kept busy on average (at most the machine's). */
        double cores() {
            return usage.cpu().toNanos() / (double) elapsed.toNanos();
        }

        /** CPU time per webhook, in microseconds: app, client and (for the engine) the engine together. */
        double cpuMicrosPerWebhook() {
            return usage.cpu().toNanos() / 1e3 / webhooks;
        }

        private double seconds() {
            return elapsed.toNanos() / 1e9;
        }
    }

    /** The raw exchange and the engine, measured one after the other in the same run. */
    record Result(Run raw, Run engine) {
        /** The engine's webhook rate as a share of the raw rate (the target is at least 0.5). */
        double ratio() {
            return engine.webhooksPerSecond() / raw.webhooksPerSecond();
        }
    }

    private final Rig rig;
    private final int concurrency;

    FlowThroughput(Rig rig, int concurrency) {
        this.rig = rig;
        this.concurrency = concurrency;
    }

    /**
     * A pilot flow, the warm-up (flows, then as many raw requests), then {@code rounds} rounds of the raw
     * exchange and the engine, in turns (raw first in odd rounds, the engine first in even ones), so that a
     * change in what else the machine runs weighs on both sides alike. Each round is given to {@code each} as it
     * ends.
     */
    List<Result> measure(int warmupFlows, int flows, int rounds, Consumer<Result> each) {
        List<WebhookRequest> requests = pilot();
        RawExchange raw = new RawExchange(rig.transport(), requests, concurrency, rig.deadline());
        if (warmupFlows > 0) {
            engine(warmupFlows);
            raw(raw, (long) warmupFlows * Flow.WEBHOOKS);
        }
        List<Result> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Result result;
            if (round % 2 == 1) {
                Run rawRun = raw(raw, (long) flows * Flow.WEBHOOKS);
                result = new Result(rawRun, engine(flows));
            } else {
                Run engineRun = engine(flows);
                result = new Result(raw(raw, (long) flows * Flow.WEBHOOKS), engineRun);
            }
            each.accept(result);
            results.add(result);
        }
        return results;
    }

    /** One flow alone, whose requests the raw exchange replays. */
    private List<WebhookRequest> pilot() {
        rig.transport().keepRequests();
        Run pilot = engine(1, 1);
        List<WebhookRequest> requests = rig.transport().stopKeeping();
        if (pilot.errors().total() > 0 || requests.size() != Flow.WEBHOOKS) {
            throw new LoadFailure("the pilot flow went wrong: " + requests.size() + " webhooks (expected "
                + Flow.WEBHOOKS + "), errors " + pilot.errors());
        }
        return requests;
    }

    private Run raw(RawExchange raw, long requests) {
        MeasuredTransport.Tally tally = rig.start();
        Usage start = Usage.now();
        Duration elapsed = raw.exchange(requests);
        Usage used = Usage.since(start);
        Errors errors = rig.settle(tally, requests);
        return new Run(0, tally.requests.get(), elapsed, used, tally.latencies.summary(), errors);
    }

    private Run engine(int flows) {
        return engine(flows, concurrency);
    }

    /** Flows on a fresh Parley, then the checks: every request as expected, every call completed, no alert. */
    private Run engine(int flows, int atOnce) {
        try (Parley parley = rig.parley(new VirtualClock(Instant.now(), VirtualClock.Firing.CONCURRENT))) {
            MeasuredTransport.Tally tally = rig.start();
            Usage start = Usage.now();
            Duration elapsed = rig.driver(parley, atOnce).drive(0, flows, Optional.of(TALK), FlowApp.Event.FLOW_ENDED);
            Usage used = Usage.since(start);
            long expected = (long) flows * Flow.WEBHOOKS;
            Errors errors = rig.settle(tally, expected);
            errors.add("calls missing or extra", parley.calls() - 2L * flows)
                .add("calls not completed", parley.callsNotCompleted())
                .add("alerts", parley.alerts());
            return new Run(flows, tally.requests.get(), elapsed, used, tally.latencies.summary(), errors);
        }
    }
}
