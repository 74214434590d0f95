package dev.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.server.testing.TestParley;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code parley call} against a Parley in the same JVM (virtual time) with a TwiML app on loopback. */
class CallCommandTest {

    private static final String CALLER = "+15557770001";
    private static final Pattern EVENT = Pattern.compile(" +\\+\\d+\\.\\d{3}s  [a-z]+ +.+");

    private final TestParley parley = new TestParley();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void close() {
        parley.close();
    }

    private int call(String... options) {
        String[] args = Stream.concat(Stream.of("call", "--url", parley.url(), "--account-sid", TestParley.ACCOUNT_SID,
            "--auth-token", TestParley.AUTH_TOKEN), Stream.of(options)).toArray(String[]::new);
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void aCallThatPressesDigitsPrintsItsTimelineAndExitsZero() {
        parley.app.twiml("/voice", """
            <Response>
              <Gather numDigits="2" action="/gathered" timeout="10"><Say>Press two digits</Say></Gather>
              <Say>We did not get your digits</Say>
            </Response>""");
        parley.app.route("/gathered", r -> "<Response><Say>You pressed " + r.param("Digits") + "</Say><Hangup/></Response>");

        int exit = call("--from", CALLER, "--to", TestParley.NUMBER, "--digits", "42");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = lines();
        assertThat(lines.getFirst()).matches("Call CA[0-9a-f]{32} from \\" + CALLER + " to \\" + TestParley.NUMBER);
        assertThat(lines.getLast()).isEqualTo("completed");
        List<String> events = lines.subList(1, lines.size() - 1);
        assertThat(events).allSatisfy(line -> assertThat(line).matches(EVENT));
        assertThat(events.getFirst()).contains("+0.000s  status ").contains("ringing inbound " + CALLER);
        assertThat(events).anySatisfy(line -> assertThat(line).endsWith("media    say \"Press two digits\""))
            .anySatisfy(line -> assertThat(line).endsWith("verb     Gather got \"42\""))
            .anySatisfy(line -> assertThat(line).endsWith("media    say \"You pressed 42\""))
            .anySatisfy(line -> assertThat(line).contains("webhook").contains(parley.app.url("/gathered")));
        assertThat(events.getLast()).endsWith("status   completed");
        assertThat(parley.app.requests("/gathered")).singleElement()
            .satisfies(r -> assertThat(r.param("Digits")).isEqualTo("42"));
    }

    @Test
    void hangupAfterEndsALongCallFromThePhonesSide() {
        parley.app.twiml("/voice", "<Response><Say>Please hold</Say><Pause length=\"120\"/></Response>");

        int exit = call("--from", CALLER, "--to", TestParley.NUMBER, "--hangup-after", "5");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(lines()).anySatisfy(line -> assertThat(line).matches(" +\\+5\\.\\d{3}s  leg +caller hung up"));
        assertThat(parley.parley.network().find(CALLER).orElseThrow().lastCall().orElseThrow().status().name())
            .isEqualTo("HUNG_UP_BY_ME");
    }

    @Test
    void aCallThatDoesNotCompleteExitsOne() {
        parley.app.twiml("/voice", "<Response><Reject reason=\"busy\"/></Response>");

        int exit = call("--from", CALLER, "--to", TestParley.NUMBER);

        assertThat(exit).isEqualTo(1);
        assertThat(lines().getLast()).isEqualTo("busy");
    }

    @Test
    void aNumberNothingAnswersExitsOneWithoutATimeline() {
        int exit = call("--from", CALLER, "--to", "+15550009999");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("nothing at Parley answers +15550009999");
    }

    @Test
    void refusedCredentialsAndBadInputExitTwoWithParleysMessage() {
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setErr(new PrintWriter(err, true));
        int refused = cli.execute("call", "--url", parley.url(), "--account-sid", TestParley.ACCOUNT_SID,
            "--auth-token", "wrong", "--from", CALLER, "--to", TestParley.NUMBER);
        assertThat(refused).isEqualTo(2);
        assertThat(err.toString()).contains("20003 Authenticate").contains("PARLEY_AUTH_TOKEN");

        assertThat(call("--from", "alice", "--to", TestParley.NUMBER)).isEqualTo(2);
        assertThat(err.toString()).contains("20001 Invalid Address");
        assertThat(call("--from", CALLER, "--to", TestParley.NUMBER, "--digits", "12x")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid PressDigits");
    }

    @Test
    void withoutCredentialsItSaysWhereToPutThem() {
        assumeTrue(System.getenv("PARLEY_ACCOUNT_SID") == null && System.getenv("PARLEY_AUTH_TOKEN") == null);
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("call", "--url", parley.url(), "--from", CALLER, "--to", TestParley.NUMBER)).isEqualTo(2);
        assertThat(err.toString()).contains("no credentials: set PARLEY_ACCOUNT_SID and PARLEY_AUTH_TOKEN");
        assertThat(parley.parley.network().phones()).isEmpty();
    }

    @Test
    void anUnreachableParleyExitsTwo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("call", "--url", "http://127.0.0.1:" + closedPort, "--account-sid", TestParley.ACCOUNT_SID,
            "--auth-token", TestParley.AUTH_TOKEN, "--from", CALLER, "--to", TestParley.NUMBER);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cannot reach Parley at http://127.0.0.1:" + closedPort);
    }
}
