package dev.parley.bench.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The load driver on a tiny load, so that it never rots: every count checked, no figure asserted. */
@Timeout(120)
class CallFlowLoadTest {

    @Test
    void aTinyRunCompletesEveryFlowHoldsEveryLiveCallAndFindsNoError() {
        CallFlowLoad load = new CallFlowLoad();
        new CommandLine(load).parseArgs("--concurrency", "4", "--flows", "12", "--warmup-flows", "4", "--rounds", "2",
            "--live-calls", "6", "--live-concurrency", "6", "--deadline", "PT60S");
        StringWriter printed = new StringWriter();

        CallFlowLoad.Report report = load.run(new PrintWriter(printed));

        assertThat(report.rounds()).hasSize(2).allSatisfy(round -> {
            assertThat(round.raw().webhooks()).isEqualTo(12 * Flow.WEBHOOKS);
            assertThat(round.raw().latency().count()).isEqualTo(12 * Flow.WEBHOOKS);
            assertThat(round.raw().errors().total()).as("raw errors %s", round.raw().errors()).isZero();
            assertThat(round.engine().flows()).isEqualTo(12);
            assertThat(round.engine().webhooks()).isEqualTo(12 * Flow.WEBHOOKS);
            assertThat(round.engine().latency().count()).isEqualTo(12 * Flow.WEBHOOKS);
            assertThat(round.engine().errors().total()).as("engine errors %s", round.engine().errors()).isZero();
        });

        LiveCallMemory.Result live = report.liveCalls().orElseThrow();
        assertThat(live.calls()).isEqualTo(6);
        assertThat(live.bridged()).isEqualTo(6);
        assertThat(live.errors().total()).as("live-call errors %s", live.errors()).isZero();

        assertThat(report.errors()).isZero();
        assertThat(printed.toString()).contains("raw exchange: 96 requests", "engine: 12 flows", "engine / raw in 2 rounds:",
            "live calls: 6 bridged of 6", "per live call:");
    }

    @Test
    void zeroFlowsAndZeroLiveCallsSkipBothParts() {
        CallFlowLoad load = new CallFlowLoad();
        new CommandLine(load).parseArgs("--flows", "0", "--live-calls", "0");

        CallFlowLoad.Report report = load.run(new PrintWriter(new StringWriter()));

        assertThat(report.rounds()).isEmpty();
        assertThat(report.liveCalls()).isEmpty();
    }

    @Test
    void aRunWithoutRoundsIsAUsageError() {
        CommandLine commandLine = new CommandLine(new CallFlowLoad());
        commandLine.setErr(new PrintWriter(new StringWriter()));

        assertThat(commandLine.execute("--rounds", "0")).isEqualTo(2);
    }
}
