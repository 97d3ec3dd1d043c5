package org.fheml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.entities.Torus32KeyswitchKey;
import org.fheml.tfhe.measure.BootstrapFailureRate;
import org.fheml.tfhe.measure.BootstrapLatency;
import org.fheml.tfhe.measure.FailureRateResult;
import org.fheml.tfhe.measure.LatencyResult;
import org.fheml.tfhe.measure.RuntimeDescription;
import org.fheml.tfhe.measure.SplitLatency;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.ParameterOptimizer;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fheml bench pbs}: times programmable bootstraps with a named parameter set or the parameters the optimizer
 * chooses, checks every output, and optionally counts failures against the noise model's prediction.
 */
@Command(name = "pbs",
        mixinStandardHelpOptions = true,
        description = {"Times key generation, one PBS, one KS-PBS and one keyswitch (single thread, after a warm-up) "
                + "and a batch on --threads threads, checking that every output decrypts to its table value.",
                "Parameters: --params NAME (tfhe-lib-gate, tfhe-rs-2_2, tfhe-rs-3_3, tfhe-rs-4_4, concrete-v0-p1.."
                        + "concrete-v0-p8) or the optimizer's choice for --precision P (with the options of `fheml "
                        + "params`). With --failure-trials N, also counts failures over N chained bootstraps against "
                        + "the predicted p_error (use a loose --p-error, such as 0.008, to see some)."})
final class PbsBenchCommand implements Callable<Integer> {

    /** The names the issue and the documentation use, besides the runtime's own set names. */
    private static final Map<String, ParameterSet> ALIASES = Map.of(
            "tfhe-lib-gate", ParameterSet.TFHE_LIB_GATE_INSECURE,
            "tfhe-rs-2_2", ParameterSet.TFHE_RS_2_2_G2M64,
            "tfhe-rs-3_3", ParameterSet.TFHE_RS_3_3_G2M64,
            "tfhe-rs-4_4", ParameterSet.TFHE_RS_4_4_G2M64);

    @Spec
    private CommandSpec spec;

    /** A named set or an optimizer query, not both. */
    static final class Source {
        @Option(names = "--params", description = "A named parameter set (see above).")
        String name;

        @ArgGroup(exclusive = false)
        ParameterQueryOptions query;
    }

    @ArgGroup(multiplicity = "1")
    private Source source;

    @Option(names = "--iterations", defaultValue = "20", description = "Timed bootstraps (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed bootstraps first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--threads", description = "Threads of the batch (default: every core).")
    private Integer threads;

    @Option(names = "--failure-trials", defaultValue = "0",
            description = "Chained bootstraps whose failures are counted, with --precision (default: ${DEFAULT-VALUE}).")
    private int failureTrials;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of keys and messages (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Option(names = "--split-threads", defaultValue = "0",
            description = "Also time one KS-PBS split across this many threads against one thread, alternately "
                    + "(0: not measured; default: ${DEFAULT-VALUE}).")
    private int splitThreads;

    @Override
    public Integer call() throws Exception {
        if (iterations < 1 || warmup < 0 || failureTrials < 0 || splitThreads < 0
                || (threads != null && threads < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--iterations and --threads must be at least 1, --warmup, --failure-trials and --split-threads at "
                            + "least 0.");
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BootstrapParameters chosen = null;
        ParameterSet named = null;
        if (source.name != null) {
            named = named(source.name);
            if (failureTrials > 0) {
                throw new ParameterException(spec.commandLine(), "--failure-trials compares with the optimizer's "
                        + "prediction: use --precision instead of --params.");
            }
        } else {
            chosen = ParameterOptimizer.optimize(source.query.query(spec.commandLine()));
        }
        TfheParameters parameters = chosen != null ? chosen.toTfheParameters() : named.parameters();
        int precision = chosen != null ? chosen.precision() : named.precision();
        ModulusSwitchType modulusSwitch = chosen == null || chosen.centeredModulusSwitch()
                ? ModulusSwitchType.CENTERED_MEAN : ModulusSwitchType.PLAIN;
        LatencyResult latency = BootstrapLatency.measure(parameters, precision, modulusSwitch, iterations, warmup,
                threadCount, seed);
        FailureRateResult failures = null;
        if (failureTrials > 0) {
            if (chosen.norm2() != 1) {
                throw new ParameterException(spec.commandLine(), "--failure-trials measures bootstraps of 2-norm 1: "
                        + "leave --norm2 at 1.");
            }
            int chains = Math.min(failureTrials, 200);
            failures = BootstrapFailureRate.measure(chosen, chains, Math.ceilDiv(failureTrials, chains), threadCount,
                    seed);
        }
        SplitLatency split = splitThreads > 0 ? SplitLatency.measure(parameters, precision, modulusSwitch, iterations,
                warmup, splitThreads, seed) : null;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = report(named, chosen, parameters, precision, latency, failures);
            putSplit(report, split);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            if (chosen != null) {
                ParameterText.print(out, chosen);
            } else {
                printNamed(out, named);
            }
            print(out, latency, failures);
            printSplit(out, split);
            printRuntime(out, RuntimeDescription.current());
        }
        out.flush();
        return latency.allCorrect() && (failures == null || failures.agreesWithPrediction())
                && (split == null || split.errors() == 0) ? 0 : 1;
    }

    private ParameterSet named(String name) {
        ParameterSet alias = ALIASES.get(name.toLowerCase(Locale.ROOT));
        if (alias != null) {
            return alias;
        }
        try {
            return ParameterSet.named(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Unknown parameter set '" + name + "': use "
                    + String.join(", ", ALIASES.keySet().stream().sorted().toList()) + " or concrete-v0-p1 .. "
                    + "concrete-v0-p8.");
        }
    }

    /** The JSON of the issue: flat timing keys, and the parameters under "parameters". */
    private static Map<String, Object> report(ParameterSet named, BootstrapParameters chosen,
            TfheParameters parameters, int precision, LatencyResult latency, FailureRateResult failures) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", named != null ? named.name() : "optimizer");
        p.put("precision", precision);
        p.put("lweDimension", parameters.lweDimension().value());
        p.put("glweDimension", parameters.glweDimension().value());
        p.put("polynomialSize", parameters.polynomialSize().value());
        p.put("lweNoiseStd", parameters.lweNoiseStd());
        p.put("glweNoiseStd", parameters.glweNoiseStd());
        p.put("pbsBaseLog", parameters.pbsBaseLog().value());
        p.put("pbsLevel", parameters.pbsLevels().value());
        p.put("ksBaseLog", parameters.ksBaseLog().value());
        p.put("ksLevel", parameters.ksLevels().value());
        p.put("secure", named != null ? named.secure() : chosen.securityBits() >= 128 - 1e-9);
        if (chosen != null) {
            p.put("log2PError", chosen.log2PError());
            p.put("securityBits", chosen.securityBits());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("medianMs", latency.pbsMedianMillis());
        report.put("minMs", latency.pbsMinMillis());
        report.put("maxMs", latency.pbsMaxMillis());
        report.put("ksPbsMedianMs", latency.ksPbsMedianMillis());
        report.put("keyswitchMedianMs", latency.keyswitchMedianMillis());
        report.put("errors", latency.errors());
        report.put("iterations", latency.iterations());
        report.put("threads", latency.threads());
        report.put("throughputPerSec", latency.throughputPerSecond());
        report.put("keygenMs", latency.keygenMillis());
        report.put("bootstrapKeyBytes", parameters.bootstrapKeyBytes());
        report.put("keyswitchKeyBytes", parameters.keyswitchKeyBytes());
        report.put("keyswitchKeyBits", Torus32KeyswitchKey.isNegligible(parameters) ? 32 : 64);
        report.put("parameters", p);
        report.put("runtime", RuntimeDescription.current().toMap());
        if (failures != null) {
            report.put("failures", failures);
        }
        return report;
    }

    private static void printNamed(PrintWriter out, ParameterSet set) {
        TfheParameters p = set.parameters();
        out.printf("Parameter set %s (%d-bit messages)%s%n", set.name(), set.precision(),
                set.secure() ? "" : ": below 128-bit security, a speed anchor only");
        ParameterText.row(out, "n, k, N", p.lweDimension().value() + ", " + p.glweDimension().value() + ", "
                + p.polynomialSize().value());
        ParameterText.row(out, "bootstrap decomposition", "base 2^" + p.pbsBaseLog().value() + ", "
                + p.pbsLevels().value() + " level(s)");
        ParameterText.row(out, "keyswitch decomposition", "base 2^" + p.ksBaseLog().value() + ", "
                + p.ksLevels().value() + " level(s)");
        ParameterText.row(out, "bootstrap key", String.format("%.1f MiB", p.bootstrapKeyBytes() / 1048576.0));
        ParameterText.row(out, "keyswitch key", String.format("%.1f MiB", p.keyswitchKeyBytes() / 1048576.0)
                + (Torus32KeyswitchKey.isNegligible(p) ? String.format(", keyswitches with its 32-bit rounding (%.1f MiB)",
                        p.keyswitchKeyBytes() / 2 / 1048576.0) : ", keyswitches with it exactly (64 bits)"));
    }

    /** The single-row latency of --split-threads, under "split" in the JSON. */
    private static void putSplit(Map<String, Object> report, SplitLatency split) {
        if (split != null) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("threads", split.threads());
            map.put("singleThreadKsPbsMedianMs", split.singleMedianMillis());
            map.put("splitKsPbsMedianMs", split.splitMedianMillis());
            map.put("speedup", split.speedup());
            map.put("errors", split.errors());
            report.put("split", map);
        }
    }

    private static void printSplit(PrintWriter out, SplitLatency split) {
        if (split != null) {
            ParameterText.row(out, "one KS-PBS, split", String.format("median %.2f ms on %d threads against %.2f ms "
                    + "on one, alternately (x%.2f)%s", split.splitMedianMillis(), split.threads(),
                    split.singleMedianMillis(), split.speedup(), split.errors() == 0 ? "" : ", "
                    + split.errors() + " DECRYPTED WRONGLY"));
        }
    }

    /** What the timings ran on: kernels, vector width, the CPU's vector flags, the JVM flags that matter. */
    static void printRuntime(PrintWriter out, RuntimeDescription runtime) {
        out.println("Runtime");
        ParameterText.row(out, "kernels", "FFT " + runtime.fftKernel() + ", integer " + runtime.integerKernel()
                + (runtime.vectorBits() > 0 ? ", vectors up to " + runtime.vectorBits() + " bits" : ", no vectors"));
        ParameterText.row(out, "CPU vector flags", runtime.cpuVectorFlags().isEmpty() ? "unknown"
                : String.join(" ", runtime.cpuVectorFlags()));
        ParameterText.row(out, "JVM flags", runtime.jvmFlags().isEmpty() ? "none"
                : String.join(" ", runtime.jvmFlags()));
    }

    private static void print(PrintWriter out, LatencyResult l, FailureRateResult f) {
        out.printf("Timings (single thread unless said; %d timed bootstraps)%n", l.iterations());
        ParameterText.row(out, "key generation", String.format("%.1f ms", l.keygenMillis()));
        ParameterText.row(out, "PBS", String.format("median %.2f ms (min %.2f, max %.2f)", l.pbsMedianMillis(),
                l.pbsMinMillis(), l.pbsMaxMillis()));
        ParameterText.row(out, "KS-PBS", String.format("median %.2f ms", l.ksPbsMedianMillis()));
        ParameterText.row(out, "keyswitch", String.format("median %.2f ms", l.keyswitchMedianMillis()));
        ParameterText.row(out, "batch KS-PBS", String.format("%.2f ms per bootstrap, %.0f per second, on %d threads",
                l.batchMillisPerBootstrap(), l.throughputPerSecond(), l.threads()));
        ParameterText.row(out, "outputs", l.allCorrect() ? "all decrypt to their table value"
                : l.errors() + " DECRYPTED WRONGLY");
        if (f != null) {
            long[] range = f.acceptedRange();
            out.printf("Failures: %d in %d bootstraps (%.3g), predicted %.3g (%.1f expected, %d..%d accepted): %s%n",
                    f.failures(), f.trials(), f.measuredPError(), f.predictedPError(), f.predictedPError() * f.trials(),
                    range[0], range[1], f.agreesWithPrediction() ? "agrees with the model" : "DISAGREES with the model");
            FailureVarianceText.print(out, f);
        }
    }
}
