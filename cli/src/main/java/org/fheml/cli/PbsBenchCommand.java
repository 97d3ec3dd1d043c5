package org.fheml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.measure.BootstrapFailureRate;
import org.fheml.tfhe.measure.BootstrapLatency;
import org.fheml.tfhe.measure.FailureRateResult;
import org.fheml.tfhe.measure.LatencyResult;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.ParameterOptimizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fheml bench pbs}: times programmable bootstraps with the parameters the optimizer chooses, and optionally
 * counts their failures against the noise model's prediction.
 */
@Command(name = "pbs",
        mixinStandardHelpOptions = true,
        description = {"Chooses parameters like `fheml params`, then times key generation, one KS-PBS, one PBS and one "
                + "keyswitch (single thread, medians after a warm-up) and a batch on --threads threads, checking that "
                + "every output decrypts right.",
                "With --failure-trials N, also runs N chained bootstraps and compares their failure count with the "
                        + "predicted p_error (choose a loose --p-error, such as 0.008, to see failures)."})
final class PbsBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ParameterQueryOptions query;

    @Option(names = "--iterations", defaultValue = "20", description = "Timed bootstraps (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed bootstraps first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--threads", description = "Threads of the batch (default: every core).")
    private Integer threads;

    @Option(names = "--failure-trials", defaultValue = "0",
            description = "Chained bootstraps whose failures are counted (default: ${DEFAULT-VALUE}, none).")
    private int failureTrials;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of keys and messages (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    /** What the command reports, also its JSON form. */
    record Report(BootstrapParameters parameters, LatencyResult latency, FailureRateResult failures) {
    }

    @Override
    public Integer call() throws Exception {
        if (iterations < 1 || warmup < 0 || failureTrials < 0 || (threads != null && threads < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--iterations and --threads must be at least 1, --warmup and --failure-trials at least 0.");
        }
        BootstrapParameters parameters = ParameterOptimizer.optimize(query.query(spec.commandLine()));
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ModulusSwitchType modulusSwitch = parameters.centeredModulusSwitch()
                ? ModulusSwitchType.CENTERED_MEAN : ModulusSwitchType.PLAIN;
        LatencyResult latency = BootstrapLatency.measure(parameters.toTfheParameters(), parameters.precision(),
                modulusSwitch, iterations, warmup, threadCount, seed);
        FailureRateResult failures = null;
        if (failureTrials > 0) {
            if (parameters.norm2() != 1) {
                throw new ParameterException(spec.commandLine(), "--failure-trials measures bootstraps of 2-norm 1: "
                        + "leave --norm2 at 1.");
            }
            int chains = Math.min(failureTrials, 200);
            failures = BootstrapFailureRate.measure(parameters, chains, Math.ceilDiv(failureTrials, chains), threadCount,
                    seed);
        }
        Report report = new Report(parameters, latency, failures);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            print(out, report);
        }
        out.flush();
        return latency.allCorrect() && (failures == null || failures.agreesWithPrediction()) ? 0 : 1;
    }

    private static void print(PrintWriter out, Report report) {
        ParameterText.print(out, report.parameters());
        LatencyResult l = report.latency();
        out.printf("Timings (median of %d, single thread unless said)%n", l.iterations());
        ParameterText.row(out, "key generation", String.format("%.1f ms", l.keygenMillis()));
        ParameterText.row(out, "KS-PBS", String.format("%.2f ms", l.ksPbsMedianMillis()));
        ParameterText.row(out, "PBS", String.format("%.2f ms", l.pbsMedianMillis()));
        ParameterText.row(out, "keyswitch", String.format("%.2f ms", l.keyswitchMedianMillis()));
        ParameterText.row(out, "batch KS-PBS", String.format("%.2f ms per bootstrap on %d threads", l.batchMillisPerBootstrap(),
                l.threads()));
        ParameterText.row(out, "outputs", l.allCorrect() ? "all decrypt to their table value" : "SOME ARE WRONG");
        FailureRateResult f = report.failures();
        if (f != null) {
            long[] range = f.acceptedRange();
            out.printf("Failures: %d in %d bootstraps (%.3g), predicted %.3g (%.1f expected, %d..%d accepted): %s%n",
                    f.failures(), f.trials(), f.measuredPError(), f.predictedPError(), f.predictedPError() * f.trials(),
                    range[0], range[1], f.agreesWithPrediction() ? "agrees with the model" : "DISAGREES with the model");
        }
    }
}
