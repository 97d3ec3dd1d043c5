package org.fheml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fheml} command: the entry point of the shaded jar run by the {@code ./fheml} script. */
@Command(name = "fheml",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Machine learning on encrypted data (TFHE) for the JVM.",
        subcommands = {DemoCommand.class, ParamsCommand.class, BenchCommand.class, ServeCommand.class, ClientCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run subcommands in-process. */
    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportUserError);
    }

    /** Errors the user can fix are printed as one line that says what to change; anything else is a bug. */
    private static int reportUserError(Exception error, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + error.getMessage());
            return 1;
        }
        throw error;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
