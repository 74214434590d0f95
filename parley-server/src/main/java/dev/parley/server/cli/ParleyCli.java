package dev.parley.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley}: the command line. Each subcommand is a class of its own in this package. */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Parley: a self-hosted, TwiML-compatible programmable voice server.",
    subcommands = {ServeCommand.class, CallCommand.class, TwimlCommand.class, CommandLine.HelpCommand.class})
public final class ParleyCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests: no System.exit). */
    public static int run(String... args) {
        return new CommandLine(new ParleyCli()).execute(args);
    }
}
