package org.fheml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CircuitParameters;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.datasets.Dataset;
import org.fheml.core.datasets.Split;
import org.fheml.models.FheEstimator;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.measure.BootstrapLatency;
import org.fheml.tfhe.measure.LatencyResult;
import org.fheml.tfhe.measure.RuntimeDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fheml bench latency}: the time of one row at a time through EXECUTE, on each thread count, with where it
 * goes and what the bootstraps alone would cost.
 */
@Command(name = "latency",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"The latency of one row at a time in EXECUTE: fits the model (defaults: breast cancer, 80/20 "
                + "split), compiles it for each --threads count, runs --warmup rows untimed, then --rows test rows one "
                + "at a time. Prints per thread count the median milliseconds per row of predict (wall, and CPU of "
                + "all threads), each phase's median (quantize, encrypt, run on ciphertexts, decrypt, dequantize), "
                + "the bootstraps per row and the parameters, and the floor the bootstraps alone set: one KS-PBS at "
                + "the circuit's parameters on one thread, times the bootstraps, over the threads.",
                "Every timed row is checked: its decryption against the circuit simulated in the clear, its "
                        + "prediction against DISABLE. Run it with FHEML_JAVA_OPTS=-XX:UseAVX=2 to stand in for an "
                        + "AVX2 machine."},
        footer = {"", "Example:", "  fheml bench latency --model DecisionTreeClassifier --threads 1,2 --rows 7"})
final class LatencyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", completionCandidates = ModelRegistry.Names.class,
            description = "Estimator class name, case-insensitive: ${COMPLETION-CANDIDATES}.")
    private String model;

    @Option(names = "--dataset", paramLabel = "NAME", completionCandidates = BenchData.DatasetNames.class,
            description = "Bundled dataset (default: breast-cancer for classifiers, diabetes for regressors).")
    private String dataset;

    @Option(names = "--n-bits", description = "Quantization bits (default: the model's).")
    private Integer nBits;

    @Option(names = "--rows", defaultValue = "5", description = "Timed rows, one at a time (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--warmup", defaultValue = "3",
            description = "Untimed rows first, so that the JIT has compiled the path (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--threads", split = ",", paramLabel = "T",
            description = "Thread counts of the circuit's bootstraps, comma-separated (default: 1 and every core).")
    private List<Integer> threads;

    @Option(names = "--pbs-iterations", defaultValue = "10",
            description = "Single-thread KS-PBS timed for the floor, 0 to skip it (default: ${DEFAULT-VALUE}).")
    private int pbsIterations;

    @Option(names = "--phases", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also run each timed row phase by phase (--no-phases: predict only, half the time).")
    private boolean phases;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the train/test split (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        ModelRegistry.Entry entry = ModelRegistry.find(model)
                .orElseThrow(() -> new ParameterException(spec.commandLine(), ModelRegistry.unknownModelMessage(model)));
        if (rows < 1 || warmup < 0 || pbsIterations < 0) {
            throw new ParameterException(spec.commandLine(), "--rows must be at least 1, --warmup and --pbs-iterations "
                    + "at least 0.");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> counts = threads != null ? threads : cores > 1 ? List.of(1, cores) : List.of(1);
        if (counts.stream().anyMatch(t -> t < 1)) {
            throw new ParameterException(spec.commandLine(), "--threads must list counts of at least 1, got " + counts
                    + ".");
        }
        String datasetName = dataset != null ? dataset : entry.task() == Task.CLASSIFICATION ? "breast-cancer" : "diabetes";
        Dataset data;
        try {
            data = BenchData.load(datasetName, null, null, entry);
        } catch (BenchData.UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int bits = nBits != null ? nBits : entry.defaultNBits();
        Split<? extends Dataset> split = DatasetSplits.split(data, 0.2, seed);
        double[][] train = split.train().features();
        double[][] test = split.test().features();
        BenchModel bench = entry.atNBits().apply(bits);
        FheEstimator estimator = estimator(bench);
        bench.fit(split.train());
        String load0 = loadAverage();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", entry.name());
        report.put("dataset", data.name());
        report.put("nBits", bits);
        List<Map<String, Object>> runs = new ArrayList<>();
        LatencyResult floor = null;
        Circuit circuit = null;
        int exit = 0;
        for (int t : counts) {
            circuit = estimator.compile(train, CompileOptions.defaults().withThreads(t));
            if (circuit.encryptedExecutionProblem() != null) {
                throw new ParameterException(spec.commandLine(), "This model cannot run encrypted: "
                        + circuit.encryptedExecutionProblem());
            }
            long k0 = System.nanoTime();
            circuit.keygen();
            double keygenMs = (System.nanoTime() - k0) / 1e6;
            RowLatency.Result result;
            try {
                result = RowLatency.measure(bench, estimator, test, warmup, rows, phases);
            } finally {
                circuit.close();
            }
            exit |= result.notSimulated() == 0 ? 0 : 1;
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("threads", t);
            run.put("keygenMs", keygenMs);
            run.putAll(result.toMap());
            runs.add(run);
            if (!json) {
                printRun(spec.commandLine().getOut(), t, result, circuit.statistics().bootstrapCount());
            }
        }
        if (pbsIterations > 0 && circuit.parameters() instanceof CircuitParameters.Bootstrapped b) {
            floor = BootstrapLatency.measure(b.pbs().toTfheParameters(), b.pbsPrecision(), b.pbs().centeredModulusSwitch()
                    ? ModulusSwitchType.CENTERED_MEAN : ModulusSwitchType.PLAIN, pbsIterations, 3, 1, seed);
        }
        String load1 = loadAverage();
        long bootstraps = circuit.statistics().bootstrapCount();
        report.put("bootstrapsPerRow", bootstraps);
        report.put("parameters", parameters(circuit));
        if (floor != null) {
            report.put("ksPbsMedianMsOneThread", floor.ksPbsMedianMillis());
        }
        report.put("runs", runs);
        report.put("loadAverage", List.of(load0, load1));
        report.put("cpuModel", cpuModel());
        report.put("runtime", RuntimeDescription.current().toMap());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            out.printf("%s on %s, n_bits %d: %d bootstraps per row; %s%n", entry.name(), data.name(), bits, bootstraps,
                    parameters(circuit));
            if (floor != null) {
                double pbs = floor.ksPbsMedianMillis();
                out.printf("  floor: one KS-PBS %.2f ms on one thread; %d of them %.1f ms on 1 thread%s%n", pbs,
                        bootstraps, bootstraps * pbs, counts.stream().filter(t -> t > 1).map(t -> String.format(
                                ", %.1f ms on %d", bootstraps * pbs / t, t)).reduce("", String::concat));
            }
            out.printf("  load average %s before, %s after; CPU %s%n", load0, load1, cpuModel());
            PbsBenchCommand.printRuntime(out, RuntimeDescription.current());
        }
        out.flush();
        return exit;
    }

    private static void printRun(PrintWriter out, int threads, RowLatency.Result r, long bootstraps) {
        out.printf("%d thread%s: %.1f ms per row (median of %d, min %.1f, max %.1f), CPU %.1f ms (%.2f cores busy)%n",
                threads, threads == 1 ? "" : "s", r.predictMs(), r.rows(), r.predictMinMs(), r.predictMaxMs(),
                r.predictCpuMs(), r.predictCpuMs() / r.predictMs());
        if (r.phaseMs().isEmpty()) {
            out.flush();
            return;
        }
        StringBuilder phases = new StringBuilder("  phases, wall / CPU ms:");
        r.phaseMs().forEach((phase, ms) -> phases.append(String.format(" %s %.2f / %.2f,", phase.label, ms,
                r.phaseCpuMs().get(phase))));
        phases.setLength(phases.length() - 1);
        out.println(phases);
        double run = r.phaseMs().get(RowLatency.Phase.RUN);
        double runCpu = r.phaseCpuMs().get(RowLatency.Phase.RUN);
        out.printf("  run: %.2f ms wall and %.2f ms CPU per bootstrap (%.2f cores busy)%n",
                bootstraps == 0 ? 0 : run / bootstraps, bootstraps == 0 ? 0 : runCpu / bootstraps, runCpu / run);
        if (r.notSimulated() > 0 || r.notDisable() > 0) {
            out.printf("  %d row(s) decrypted unlike SIMULATE, %d predicted unlike DISABLE%n", r.notSimulated(),
                    r.notDisable());
        }
        out.flush();
    }

    private FheEstimator estimator(BenchModel bench) {
        Object model = switch (bench) {
            case BenchModel.OfClassifier c -> c.model();
            case BenchModel.OfRegressor r -> r.model();
            case BenchModel.OfOnnx o -> null;
        };
        if (model instanceof FheEstimator estimator) {
            return estimator;
        }
        throw new ParameterException(spec.commandLine(), "--model " + model + " is not an FHE estimator.");
    }

    private static String parameters(Circuit circuit) {
        return switch (circuit.parameters()) {
            case CircuitParameters.Bootstrapped b -> String.format("%d-bit lookups, values on %d bits; n %d, k %d, N %d, "
                            + "PBS %d level(s) of 2^%d, KS %d level(s) of 2^%d", b.pbsPrecision(), b.encodingBits(),
                    b.pbs().lweDimension(), b.pbs().glweDimension(), b.pbs().polynomialSize(), b.pbs().pbsLevel(),
                    b.pbs().pbsBaseLog(), b.pbs().ksLevel(), b.pbs().ksBaseLog());
            case CircuitParameters.Leveled l -> String.format("no bootstrap; values on %d bits, n %d", l.encodingBits(),
                    l.lwe().lweDimension());
        };
    }

    /** The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them ("unknown" elsewhere). */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
