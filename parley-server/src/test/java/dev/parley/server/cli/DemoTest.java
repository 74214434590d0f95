package dev.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.Parley;
import dev.parley.server.ParleyConfig;
import dev.parley.server.demo.DemoApp;
import dev.parley.server.demo.DemoSetup;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code parley serve --demo} for real (system clock, real ports, data in a temporary directory), and the three
 * {@code parley call} commands it prints, run as printed: each prints the whole flow. A second {@code --demo} on the
 * same data uses what the first set up.
 */
class DemoTest {

    @RegisterExtension
    final Servings servings = new Servings();
    private final StringWriter err = servings.err;

    /** {@code parley serve --demo} on the test's data directory, once it has printed the demo's commands. */
    private Serving serveDemo() throws InterruptedException {
        Serving serving = servings.start("--demo", "--account-sid", TestParley.ACCOUNT_SID, "--auth-token",
            TestParley.AUTH_TOKEN);
        assertThat(serving.out.await(text -> text.contains("# their worker is busy"), Serving.DEADLINE))
            .as("the demo's commands; %s", err).isTrue();
        return serving;
    }

    /** The printed commands, in order. */
    private static List<String> commands(Serving serving) {
        return serving.out.toString().lines().filter(l -> l.startsWith("  ./parley call ")).map(String::strip).toList();
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
        Serving serving = serveDemo();
        assertThat(serving.out.toString()).contains("service     IS").contains("worker      alice@example.com")
            .contains("worker      bob@example.com").contains("number      +15550001000 -> http://127.0.0.1:");
        List<String> commands = commands(serving);
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

        assertVoicemail(run(commands.get(2)));

        Http.Text metrics = Http.anonymous(serving.url).getText("/metrics");
        assertThat(metrics.body()).contains("parley_call_setups_total{direction=\"inbound\"} 3.0")
            .contains("parley_call_setups_total{direction=\"outbound-dial\"} 3.0");
    }

    @Test
    void theDemoAppAnswersOnlyRequestsParleySigned() throws InterruptedException {
        String url = serveDemo().url;

        assertThat(Http.anonymous(url).post("/parley/demo/voice", "CallSid", "CA0", "From", "+15550000000").status())
            .isEqualTo(403);
        assertThat(Http.anonymous(url).get("/parley/v1/Phones").status()).as("the rest still asks for Basic auth")
            .isEqualTo(401);
    }

    @Test
    void aSecondDemoOnTheSameDataUsesWhatTheFirstSetUpAndItsCallsStillWork() throws InterruptedException {
        Serving first = serveDemo();
        String service = first.line("service").split(" ")[0];
        String away = first.out.toString().lines().filter(l -> l.contains("(away:")).findFirst().orElseThrow();
        first.stop();

        Serving second = serveDemo();

        assertThat(second.line("service")).startsWith(service + " ");
        assertThat(second.out.toString()).contains(away)
            .contains("number      " + DemoSetup.NUMBER + " -> " + second.url + DemoApp.VOICE);
        assertVoicemail(run(commands(second).get(2)));
        second.stop();
        ParleyConfig config = ParleyConfig.defaults().withDataDirectory(servings.dataDirectory)
            .withCredentials(new ParleyConfig.Credentials(TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN));
        try (Parley parley = Parley.create(config)) {
            String account = parley.account().sid();
            assertThat(parley.frontline().services().list(account)).as("nothing doubled")
                .filteredOn(s -> s.friendlyName().equals("Parley demo")).hasSize(1);
            assertThat(parley.frontline().workers().list(account)).hasSize(3);
            assertThat(parley.frontline().conversations().list(account, service, Optional.empty()))
                .singleElement();
            assertThat(parley.directory().numbers(account)).singleElement()
                .satisfies(n -> assertThat(n.voiceUrl()).contains(second.url + DemoApp.VOICE));
        }
    }

    /** The voicemail flow: the away worker's customer, their busy worker, a message left. */
    private static void assertVoicemail(String flow) {
        assertThat(flow).doesNotContain("pool routing")
            .contains("queued outbound-dial +15557770003 -> client:carol@example.com")
            .contains("ENDED dialed-call-incomplete")
            .contains("say \"Your agent is busy. Please leave a message after the tone.\"")
            .containsPattern("verb +RecordVerb: recording RE[0-9a-f]{32} \\ds")
            .contains("/parley/demo/voicemail -> 200")
            .contains("say \"Thank you, goodbye.\"").endsWith("completed" + System.lineSeparator());
    }

    /** The worker a printed flow dialled. */
    private static String worker(String flow) {
        return flow.lines().filter(l -> l.contains("outbound-dial")).findFirst().orElseThrow()
            .replaceAll(".*-> client:(\\S+).*", "$1");
    }
}
