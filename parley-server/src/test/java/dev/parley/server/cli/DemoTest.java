package dev.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.Http;
import dev.parley.server.testing.Output;
import dev.parley.server.testing.TestLogging;
import dev.parley.server.testing.TestParley;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code parley serve --demo} for real (system clock, real ports), and the three {@code parley call} commands it
 * prints, run as printed: each prints the whole flow.
 */
class DemoTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final Output out = new Output();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exit = new AtomicInteger(-1);
    private Thread serving;

    @AfterEach
    void stop() throws InterruptedException {
        if (serving != null) {
            serving.interrupt();
            serving.join(DEADLINE.toMillis());
            assertThat(serving.isAlive()).as("serve stops when interrupted").isFalse();
        }
        TestLogging.reset();
    }

    private void serveDemo() throws InterruptedException {
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        serving = Thread.ofPlatform().name("parley-serve").start(() -> exit.set(cli.execute("serve", "--port", "0",
            "--demo", "--account-sid", TestParley.ACCOUNT_SID, "--auth-token", TestParley.AUTH_TOKEN)));
        assertThat(out.await(text -> text.contains("# their worker is busy"), DEADLINE)).as("the demo banner; %s", err)
            .isTrue();
    }

    /** The printed commands, in order. */
    private List<String> commands() {
        return out.toString().lines().filter(l -> l.startsWith("  ./parley call ")).map(String::strip).toList();
    }

    /** Runs a printed command as it is (its comment dropped), with the account's credentials. */
    private String run(String command) {
        String[] words = command.substring(0, command.indexOf('#')).strip().split(" +");
        String[] args = Stream.concat(Arrays.stream(words).skip(1),
            Stream.of("--account-sid", TestParley.ACCOUNT_SID, "--auth-token", TestParley.AUTH_TOKEN)).toArray(String[]::new);
        StringWriter flow = new StringWriter();
        CommandLine call = new CommandLine(new ParleyCli());
        call.setOut(new PrintWriter(flow, true));
        call.setErr(new PrintWriter(err, true));
        assertThat(call.execute(args)).as("%s: %s%n%s", command, flow, err).isZero();
        return flow.toString();
    }

    @Test
    void theDemoIsReadyAndEachPrintedCallPrintsItsWholeFlow() throws InterruptedException {
        serveDemo();
        assertThat(out.toString()).contains("service     IS").contains("worker      alice@example.com")
            .contains("worker      bob@example.com").contains("number      +15550001000 -> http://127.0.0.1:");
        List<String> commands = commands();
        assertThat(commands).hasSize(3);

        String first = run(commands.get(0));
        String firstWorker = worker(first);
        assertThat(first).contains("say \"Thanks for calling the Parley demo.\"")
            .contains("session: pool routing: assigned " + firstWorker)
            .containsPattern("status +in-progress  \\[CA[0-9a-f]{32}\\]")
            .contains("--LegHungUp--> ENDED session-success")
            .containsPattern("verb +DialVerb: recording RE[0-9a-f]{32} \\ds")
            .contains("webhook  recording status completed POST ")
            .contains("webhook  conversation status call-answered POST ")
            .contains("/parley/demo/after-connect -> 200")
            .contains("say \"Thank you for calling. Goodbye.\"").endsWith("completed" + System.lineSeparator());

        String second = run(commands.get(1));
        assertThat(worker(second)).as("the pool's other worker").isNotEqualTo(firstWorker)
            .isIn("alice@example.com", "bob@example.com");
        assertThat(second).contains("ENDED session-success");

        String third = run(commands.get(2));
        assertThat(third).doesNotContain("pool routing")
            .contains("queued outbound-dial +15557770003 -> client:carol@example.com")
            .contains("ENDED dialed-call-incomplete")
            .contains("say \"Your agent is busy. Please leave a message after the tone.\"")
            .containsPattern("verb +RecordVerb: recording RE[0-9a-f]{32} \\ds")
            .contains("/parley/demo/voicemail -> 200")
            .contains("say \"Thank you, goodbye.\"").endsWith("completed" + System.lineSeparator());

        Http.Text metrics = Http.anonymous(url()).getText("/metrics");
        assertThat(metrics.body()).contains("parley_call_setups_total{direction=\"inbound\"} 3.0")
            .contains("parley_call_setups_total{direction=\"outbound-dial\"} 3.0");
    }

    @Test
    void theDemoAppAnswersOnlyRequestsParleySigned() throws InterruptedException {
        serveDemo();

        assertThat(Http.anonymous(url()).post("/parley/demo/voice", "CallSid", "CA0", "From", "+15550000000").status())
            .isEqualTo(403);
        assertThat(Http.anonymous(url()).get("/parley/v1/Phones").status()).as("the rest still asks for Basic auth")
            .isEqualTo(401);
    }

    /** The worker a printed flow dialled. */
    private static String worker(String flow) {
        return flow.lines().filter(l -> l.contains("outbound-dial")).findFirst().orElseThrow()
            .replaceAll(".*-> client:(\\S+).*", "$1");
    }

    private String url() {
        return out.toString().lines().filter(l -> l.startsWith("Parley is listening on ")).findFirst().orElseThrow()
            .replaceAll("Parley is listening on (\\S+).*", "$1");
    }
}
