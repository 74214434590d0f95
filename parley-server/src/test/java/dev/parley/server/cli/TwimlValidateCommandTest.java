package dev.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TwimlValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String file(String name, String content) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path.toString();
    }

    @Test
    void aValidDocumentPrintsNothingAndExitsZero() throws Exception {
        String doc = file("ok.xml", "<Response><Connect><Conversation serviceInstanceSid=\"IS0123456789abcdef0123456789abcdef\"/></Connect></Response>");
        assertThat(run("twiml", "validate", doc)).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void warningsArePrintedAsLineColCodeMessageAndTheDocumentStillRuns() throws Exception {
        String doc = file("warn.xml", "<Response>\n  <Sya>hi</Sya>\n  <Say>hello</Say>\n</Response>");
        assertThat(run("twiml", "validate", doc)).isZero();
        assertThat(out.toString()).startsWith("2:3 12200 ").contains("<Sya>");
    }

    @Test
    void strictModeTurnsWarningsIntoFailure() throws Exception {
        String doc = file("warn.xml", "<Response><Say loud=\"yes\">hi</Say></Response>");
        assertThat(run("twiml", "validate", "--strict", doc)).isEqualTo(1);
        assertThat(out.toString()).startsWith("1:16 12200 ");
    }

    @Test
    void aBrokenDocumentExitsOneWithItsParseFailure() throws Exception {
        String doc = file("bad.xml", "<Response>\n<Say>hi</Response>");
        assertThat(run("twiml", "validate", doc)).isEqualTo(1);
        assertThat(out.toString()).startsWith("2:8 12100 ");
    }

    @Test
    void conversationAttributeErrorsAre32501() throws Exception {
        String doc = file("conv.xml", "<Response><Connect><Conversation serviceInstanceSid=\"IS0123456789abcdef0123456789abcdef\" inboundTimeout=\"soon\"/></Connect></Response>");
        assertThat(run("twiml", "validate", doc)).isEqualTo(1);
        assertThat(out.toString()).contains(" 32501 ").contains("inboundTimeout");
    }

    @Test
    void aMissingFileExitsTwo() {
        assertThat(run("twiml", "validate", dir.resolve("nope.xml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("twiml");
    }
}
