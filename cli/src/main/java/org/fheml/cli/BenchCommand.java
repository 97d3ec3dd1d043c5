package org.fheml.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fheml bench}: the container of the benchmarks users run; alone it lists them. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures what fheml costs and how well it predicts; each benchmark is a subcommand.",
        subcommands = {AccuracyCommand.class, PbsBenchCommand.class, LatencyCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
