package dev.parley.server.cli;

import dev.parley.twiml.Compliance;
import dev.parley.twiml.Finding;
import dev.parley.twiml.ParseResult;
import dev.parley.twiml.TwimlParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley twiml}: tools for TwiML documents. */
@Command(name = "twiml", mixinStandardHelpOptions = true, description = "Work with TwiML documents.",
    subcommands = TwimlCommand.Validate.class)
final class TwimlCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a TwiML document as Parley (and Twilio) would read it.",
            "Prints every finding as 'line:col CODE message'. Exits 0 when the document would run "
                + "(warnings only), 1 when it would not, 2 when the file cannot be read."})
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "FILE|-", description = "The document, or - for standard input.")
        String file;

        @Option(names = "--strict", description = "Treat schema warnings (12200) as errors, for CI of TwiML apps.")
        boolean strict;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            byte[] body;
            try {
                body = read();
            } catch (NoSuchFileException e) {
                err.println("parley: no such file: " + file);
                return 2;
            } catch (IOException e) {
                err.println("parley: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            ParseResult result = TwimlParser.of(strict ? Compliance.STRICT : Compliance.LENIENT).parse(body);
            for (Finding finding : result.findings()) {
                out.println(finding);
            }
            out.flush();
            return result.runnable() ? 0 : 1;
        }

        private byte[] read() throws IOException {
            if (file.equals("-")) {
                InputStream in = System.in;
                return in.readNBytes(TwimlParser.MAX_BODY_BYTES + 1);
            }
            return Files.readAllBytes(Path.of(file));
        }
    }
}
