package dev.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.Http;
import dev.parley.server.testing.Output;
import dev.parley.server.testing.TestLogging;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.VoiceApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code parley serve} for real (system clock, real ports), and {@code parley call} through it. */
class ServeCommandTest {

    private static final Pattern LISTENING = Pattern.compile("Parley is listening on (http://127\\.0\\.0\\.1:(\\d+))");
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
            assertThat(exit.get()).isZero();
        }
        TestLogging.reset();
    }

    /** Starts {@code parley serve} on a thread of its own and returns its URL once it has printed its banner. */
    private String serve(String... options) throws InterruptedException {
        String[] args = new String[options.length + 3];
        args[0] = "serve";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(options, 0, args, 3, options.length);
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        serving = Thread.ofPlatform().name("parley-serve").start(() -> exit.set(cli.execute(args)));
        assertThat(out.await(text -> text.contains("  metrics "), DEADLINE)).as("the whole banner; %s", err).isTrue();
        Matcher listening = LISTENING.matcher(out.toString());
        assertThat(listening.find()).isTrue();
        return listening.group(1);
    }

    private static String line(String text, String label) {
        return text.lines().filter(l -> l.startsWith("  " + label)).findFirst().orElseThrow()
            .substring(2 + label.length()).strip();
    }

    @Test
    void withoutCredentialsItCreatesAnAccountAndPrintsIt() throws InterruptedException {
        String url = serve();

        String sid = line(out.toString(), "account");
        String token = line(out.toString(), "auth token");
        assertThat(sid).matches("AC[0-9a-f]{32}");
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(out.toString()).contains("in memory: everything is lost when it stops")
            .contains("export PARLEY_ACCOUNT_SID=" + sid);
        assertThat(Http.to(url, sid, token).get("/parley/v1/Phones").status()).isEqualTo(200);
        assertThat(Http.anonymous(url).get("/parley/v1/Phones").status()).isEqualTo(401);
    }

    @Test
    void givenCredentialsAndANumberItServesThemAndACallGoesThroughInRealTime() throws InterruptedException {
        try (VoiceApp app = new VoiceApp(TestParley.AUTH_TOKEN)) {
            app.twiml("/voice", "<Response><Say>Hi</Say><Say>Bye</Say><Hangup/></Response>");
            String url = serve("--account-sid", TestParley.ACCOUNT_SID, "--auth-token", TestParley.AUTH_TOKEN,
                "--number", TestParley.NUMBER + "=" + app.url("/voice"));

            assertThat(line(out.toString(), "auth token")).isEqualTo("(as given)");
            assertThat(line(out.toString(), "number")).isEqualTo(TestParley.NUMBER + " -> " + app.url("/voice"));
            assertThat(Http.to(url, TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN).get("/parley/v1/PhoneNumbers").json()
                .get("phone_numbers").get(0).get("phone_number").asText()).isEqualTo(TestParley.NUMBER);

            StringWriter callOut = new StringWriter();
            CommandLine call = new CommandLine(new ParleyCli());
            call.setOut(new PrintWriter(callOut, true));
            call.setErr(new PrintWriter(err, true));
            int called = call.execute("call", "--url", url, "--account-sid", TestParley.ACCOUNT_SID,
                "--auth-token", TestParley.AUTH_TOKEN, "--from", "+15557770001", "--to", TestParley.NUMBER);

            assertThat(called).as(err.toString()).isZero();
            assertThat(callOut.toString()).contains("media    say \"Hi\"").contains("media    say \"Bye\"")
                .contains("verb     Hangup").endsWith("completed" + System.lineSeparator());
            assertThat(app.requests("/voice")).singleElement().satisfies(r -> assertThat(r.signatureValid()).isTrue());
        }
    }

    @Test
    void badOptionsExitTwoBeforeListening() {
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("serve", "--port", "0", "--number", "+15550001000")).isEqualTo(2);
        assertThat(cli.execute("serve", "--port", "0", "--number", "5550001000=http://localhost/voice")).isEqualTo(2);
        assertThat(cli.execute("serve", "--port", "0", "--account-sid", "AC1", "--auth-token", "x")).isEqualTo(2);
        assertThat(cli.execute("serve", "--port", "0", "--account-sid", TestParley.ACCOUNT_SID)).isEqualTo(2);
        assertThat(cli.execute("serve", "--port", "0", "--log-format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("expected NUMBER=VOICE_URL").contains("not an E.164 number")
            .contains("not an AccountSid").contains("give both").contains("--log-format is text or json, not 'xml'");
    }

    @Test
    void aPortInUseExitsOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandLine cli = new CommandLine(new ParleyCli());
            cli.setErr(new PrintWriter(err, true));

            assertThat(cli.execute("serve", "--port", String.valueOf(taken.getLocalPort()))).isEqualTo(1);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void helpSaysItIsInMemory() {
        StringWriter help = new StringWriter();
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setOut(new PrintWriter(help, true));

        assertThat(cli.execute("serve", "--help")).isZero();
        assertThat(help.toString()).contains("In memory for now").contains("PARLEY_PORT").contains("PARLEY_ACCOUNT_SID");
    }
}
