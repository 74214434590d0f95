package dev.parley.bench.flow;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.webhook.HttpWebhookTransport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The load driver for whole call flows (issue 3): the engine's flows per second and webhook rate beside the raw
 * rate of the same HTTP client with the same app, webhook latency, and heap per live call. Figures and the
 * command line are recorded in {@code docs/benchmarks.md}.
 */
@Command(name = "call-flows", mixinStandardHelpOptions = true,
    description = {"Runs whole inbound call flows through Parley's engine against a voice app on loopback and "
        + "reports flows/s, webhook requests/s beside the raw rate of the same HTTP client with the same app, "
        + "webhook latency percentiles, and heap per live call.",
        "Exits 0 when every check passed, 1 when a run had errors, 2 when a run stalled."})
public final class CallFlowLoad implements Callable<Integer> {

    @Option(names = {"-c", "--concurrency"}, defaultValue = "64",
        description = "Flows under way at once, and raw requests in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = {"-n", "--flows"}, defaultValue = "10000",
        description = "Flows measured in each round (the raw exchange sends 8 requests for each); 0 skips the "
            + "flow part (default: ${DEFAULT-VALUE}).")
    int flows;

    @Option(names = {"-r", "--rounds"}, defaultValue = "3",
        description = "Rounds of the raw exchange and the engine, in turns (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = {"-w", "--warmup-flows"}, defaultValue = "5000",
        description = "Flows (and 8 raw requests for each) before the measurement (default: ${DEFAULT-VALUE}).")
    int warmupFlows;

    @Option(names = "--live-calls", defaultValue = "10000",
        description = "Calls held live, bridged in a <Dial>, for the heap measurement; 0 skips it "
            + "(default: ${DEFAULT-VALUE}).")
    int liveCalls;

    @Option(names = "--live-concurrency", defaultValue = "500",
        description = "Live calls being set up at once (default: ${DEFAULT-VALUE}).")
    int liveConcurrency;

    @Option(names = "--deadline", defaultValue = "PT10M",
        description = "Hang guard for each part, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** What a run measured; a part that was skipped is empty. */
    record Report(List<FlowThroughput.Result> rounds, Optional<LiveCallMemory.Result> liveCalls) {
        long errors() {
            return rounds.stream().mapToLong(r -> r.raw().errors().total() + r.engine().errors().total()).sum()
                + liveCalls.map(l -> l.errors().total()).orElse(0L);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CallFlowLoad()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            return run(out).errors() == 0 ? 0 : 1;
        } catch (LoadFailure e) {
            out.flush();
            spec.commandLine().getErr().println("call-flows: " + e.getMessage());
            return 2;
        }
    }

    /** Runs the parts asked for, printing as it goes. */
    Report run(PrintWriter out) {
        if (concurrency < 1 || rounds < 1 || liveConcurrency < 1 || flows < 0 || warmupFlows < 0 || liveCalls < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--concurrency, --rounds and --live-concurrency must be at least 1, the counts at least 0");
        }
        Sids sids = Sids.secure();
        Account account = Account.main(sids.next("AC"), sids.secret(), "load", Instant.now());
        try (HttpWebhookTransport http = new HttpWebhookTransport(); FlowApp app = new FlowApp(account.authToken())) {
            Rig rig = new Rig(new MeasuredTransport(http), app, account, deadline);
            Runtime runtime = Runtime.getRuntime();
            out.printf("Parley call flows under load: %d CPUs, %s %s, max heap %s%n", runtime.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), size(runtime.maxMemory()));
            out.flush();
            List<FlowThroughput.Result> measured = List.of();
            if (flows > 0) {
                out.printf("flow: a call, <Gather> (the caller presses 1), <Dial> to an agent (answers after 1 s, "
                    + "talks %d s), <Hangup/>; %d webhooks a flow; virtual time; %d flows at once%n",
                    FlowThroughput.TALK.toSeconds(), Flow.WEBHOOKS, concurrency);
                out.printf("warm-up: %d flows, %d raw requests; then %d rounds of %d raw requests and %d flows%n",
                    warmupFlows, (long) warmupFlows * Flow.WEBHOOKS, rounds, (long) flows * Flow.WEBHOOKS, flows);
                out.flush();
                measured = new FlowThroughput(rig, concurrency).measure(warmupFlows, flows, rounds, r -> print(out, r));
                print(out, measured);
            }
            Optional<LiveCallMemory.Result> memoryResult = Optional.empty();
            if (liveCalls > 0) {
                LiveCallMemory.Result result = new LiveCallMemory(rig, liveConcurrency)
                    .measure(liveCalls);
                print(out, result);
                memoryResult = Optional.of(result);
            }
            return new Report(measured, memoryResult);
        }
    }

    private static void print(PrintWriter out, FlowThroughput.Result result) {
        FlowThroughput.Run raw = result.raw();
        FlowThroughput.Run engine = result.engine();
        out.printf(Locale.ROOT, "raw exchange: %d requests in %.2f s = %,.0f requests/s; %s; latency %s; errors %s%n",
            raw.webhooks(), seconds(raw.elapsed()), raw.webhooksPerSecond(), cpu(raw), raw.latency(), raw.errors());
        out.printf(Locale.ROOT, "engine: %d flows in %.2f s = %,.1f flows/s; %d webhooks = %,.0f requests/s; %s; "
                + "latency %s; errors %s%n", engine.flows(), seconds(engine.elapsed()), engine.flowsPerSecond(),
            engine.webhooks(), engine.webhooksPerSecond(), cpu(engine), engine.latency(), engine.errors());
        out.printf(Locale.ROOT, "engine / raw: %.2f%n", result.ratio());
        out.flush();
    }

    /** The ratios of all rounds, and whether every round met the target. */
    private static void print(PrintWriter out, List<FlowThroughput.Result> rounds) {
        List<Double> ratios = rounds.stream().map(FlowThroughput.Result::ratio).sorted().toList();
        long missed = ratios.stream().filter(r -> r < 0.5).count();
        out.printf(Locale.ROOT, "engine / raw in %d rounds: %s, median %.2f (target at least 0.50: %s)%n",
            ratios.size(), ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(),
            ratios.get(ratios.size() / 2), missed == 0 ? "met in every round" : "missed in " + missed);
        out.flush();
    }

    private static void print(PrintWriter out, LiveCallMemory.Result result) {
        long perCall = result.bytesPerLiveCall();
        long tenThousand = perCall * 10_000;
        out.printf(Locale.ROOT, "live calls: %d bridged of %d (set up in %.1f s, real time); heap after GC: "
                + "baseline %s, live %s, after they ended %s; max heap %s%n", result.bridged(), result.calls(),
            seconds(result.setup()), size(result.baselineBytes()), size(result.liveBytes()), size(result.endedBytes()),
            size(result.maxHeapBytes()));
        out.printf(Locale.ROOT, "per live call: %s; 10,000 live calls: %s (target within 1 GiB: %s); "
                + "left per ended call: %s; errors %s%n", size(perCall), size(tenThousand),
            tenThousand <= 1L << 30 ? "met" : "missed", size(result.bytesPerEndedCall()), result.errors());
        out.flush();
    }

    private static String cpu(FlowThroughput.Run run) {
        return String.format(Locale.ROOT, "CPU %.2f cores, %.0f µs a webhook, GC %.2f s", run.cores(),
            run.cpuMicrosPerWebhook(), seconds(run.usage().gc()));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String size(long bytes) {
        if (Math.abs(bytes) >= 1L << 30) return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
        if (Math.abs(bytes) >= 1L << 20) return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
