package org.fheml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.ParameterOptimizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the cheapest secure bootstrap parameters the optimizer finds for a precision and a failure probability. */
@Command(name = "params",
        mixinStandardHelpOptions = true,
        description = {"Chooses the cheapest 128-bit (or 132-bit) secure KS-PBS parameters whose bootstraps resolve "
                + "the given precision with the given failure probability, and prints them with their predicted "
                + "p_error, security, cost and key sizes.",
                "Without --p-error or --global-p-error, the whole circuit may fail with probability 1e-5 "
                        + "(Concrete's default global p_error)."})
final class ParamsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ParameterQueryOptions query;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        BootstrapParameters chosen = ParameterOptimizer.optimize(query.query(spec.commandLine()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(chosen));
        } else {
            ParameterText.print(out, chosen);
        }
        out.flush();
        return 0;
    }
}
