package dev.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.VoiceApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code parley serve} for real (system clock, real ports, data in a temporary directory), and {@code parley call} through it. */
class ServeCommandTest {

    @RegisterExtension
    final Servings servings = new Servings();
    private final Path dataDirectory = servings.dataDirectory;
    private final StringWriter err = servings.err;

    @Test
    void withoutCredentialsItCreatesAnAccountAndPrintsIt() throws InterruptedException {
        Serving serving = servings.start();

        String sid = serving.line("account");
        String token = serving.line("auth token");
        assertThat(sid).matches("AC[0-9a-f]{32}");
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(serving.out.toString()).contains("a new account, kept with the data")
            .contains("export PARLEY_ACCOUNT_SID=" + sid)
            .contains("  data        " + dataDirectory.toAbsolutePath().normalize() + " (H2)")
            .contains("  metrics     " + serving.url + "/metrics (Prometheus, no credentials)");
        assertThat(Http.to(serving.url, sid, token).get("/parley/v1/Phones").status()).isEqualTo(200);
        assertThat(Http.anonymous(serving.url).get("/parley/v1/Phones").status()).isEqualTo(401);
        assertThat(dataDirectory.resolve("parley.mv.db")).exists();
    }

    @Test
    void aRestartOnTheSameDataKeepsThePrintedAccountAndWhatItOwns() throws InterruptedException {
        Serving first = servings.start();
        String sid = first.line("account");
        String token = first.line("auth token");
        Http.Response added = Http.to(first.url, sid, token).post("/parley/v1/PhoneNumbers",
            "PhoneNumber", "+15550002000", "VoiceUrl", "http://127.0.0.1:9/voice");
        assertThat(added.status()).isEqualTo(201);
        first.stop();

        Serving second = servings.start();

        assertThat(second.line("account")).isEqualTo(sid);
        assertThat(second.line("auth token")).isEqualTo(token);
        assertThat(second.out.toString()).contains("the account created on the first start, kept with the data");
        assertThat(Http.to(second.url, sid, token).get("/parley/v1/PhoneNumbers").json().get("phone_numbers")
            .get(0).get("phone_number").asText()).isEqualTo("+15550002000");
    }

    @Test
    void givenCredentialsAndANumberItServesThemAndACallGoesThroughInRealTime() throws InterruptedException {
        try (VoiceApp app = new VoiceApp(TestParley.AUTH_TOKEN)) {
            app.twiml("/voice", "<Response><Say>Hi</Say><Say>Bye</Say><Hangup/></Response>");
            Serving serving = servings.start("--account-sid", TestParley.ACCOUNT_SID, "--auth-token",
                TestParley.AUTH_TOKEN, "--number", TestParley.NUMBER + "=" + app.url("/voice"));
            String url = serving.url;

            assertThat(serving.line("auth token")).isEqualTo("(as given)");
            assertThat(serving.line("number")).isEqualTo(TestParley.NUMBER + " -> " + app.url("/voice"));
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
    void givenCredentialsReplaceTheTokenOfAKnownAccountAndANumberGivenAgainGetsItsNewVoiceUrl()
        throws InterruptedException {
        servings.start("--account-sid", TestParley.ACCOUNT_SID, "--auth-token", TestParley.AUTH_TOKEN,
            "--number", TestParley.NUMBER + "=http://127.0.0.1:9/old").stop();
        String newToken = "fedcba9876543210fedcba9876543210";

        Serving again = servings.start("--account-sid", TestParley.ACCOUNT_SID, "--auth-token", newToken,
            "--number", TestParley.NUMBER + "=http://127.0.0.1:9/new");

        assertThat(again.line("number")).isEqualTo(TestParley.NUMBER + " -> http://127.0.0.1:9/new");
        assertThat(Http.to(again.url, TestParley.ACCOUNT_SID, newToken).get("/parley/v1/Phones").status()).isEqualTo(200);
        assertThat(Http.to(again.url, TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN).get("/parley/v1/Phones").status())
            .isEqualTo(401);
    }

    @Test
    void badOptionsExitTwoBeforeListening() {
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setErr(new PrintWriter(err, true));
        String dir = dataDirectory.toString();

        assertThat(cli.execute("serve", "--data-dir", dir, "--port", "0", "--number", "+15550001000")).isEqualTo(2);
        assertThat(cli.execute("serve", "--data-dir", dir, "--port", "0", "--number", "5550001000=http://localhost/voice"))
            .isEqualTo(2);
        assertThat(cli.execute("serve", "--data-dir", dir, "--port", "0", "--account-sid", "AC1", "--auth-token", "x"))
            .isEqualTo(2);
        assertThat(cli.execute("serve", "--data-dir", dir, "--port", "0", "--account-sid", TestParley.ACCOUNT_SID))
            .isEqualTo(2);
        assertThat(cli.execute("serve", "--data-dir", dir, "--port", "0", "--db-url", "jdbc:mysql://db/parley"))
            .isEqualTo(2);
        assertThat(cli.execute("serve", "--data-dir", dir, "--port", "0", "--log-format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("expected NUMBER=VOICE_URL").contains("not an E.164 number")
            .contains("not an AccountSid").contains("give both").contains("not a PostgreSQL or H2 JDBC URL")
            .contains("--log-format is text or json, not 'xml'");
    }

    @Test
    void aPortInUseExitsOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandLine cli = new CommandLine(new ParleyCli());
            cli.setErr(new PrintWriter(err, true));

            assertThat(cli.execute("serve", "--data-dir", dataDirectory.toString(), "--port",
                String.valueOf(taken.getLocalPort()))).isEqualTo(1);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedExitsOne() {
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("serve", "--data-dir", dataDirectory.toString(), "--port", "0",
            "--db-url", "jdbc:postgresql://127.0.0.1:1/parley")).isEqualTo(1);
        assertThat(err.toString()).contains("parley: cannot start on Database[jdbc:postgresql://127.0.0.1:1/parley]");
    }

    @Test
    void helpSaysWhereTheDataIsKept() {
        StringWriter help = new StringWriter();
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setOut(new PrintWriter(help, true));

        assertThat(cli.execute("serve", "--help")).isZero();
        assertThat(help.toString()).contains("--data-dir").contains("PARLEY_DATA_DIR").contains("PARLEY_DB_URL")
            .contains("PARLEY_DB_USER").contains("PARLEY_DB_PASSWORD").contains("PARLEY_PORT")
            .contains("PARLEY_ACCOUNT_SID").contains("survive");
    }
}
