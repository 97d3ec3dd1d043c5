package org.fheml.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CircuitParameters;
import org.fheml.compilation.CircuitStatistics;
import org.fheml.compilation.CompilationException;
import org.fheml.core.FheMode;
import org.fheml.core.baseline.MajorityClassifier;
import org.fheml.core.baseline.MeanRegressor;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Dataset;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The main job: a model fitted in the clear, quantized, compiled, and run on encrypted data, with every mode's
 * score, their agreement, and what each step costs.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Trains a model (by default a logistic regression on breast cancer, 80/20 split), quantizes and "
                + "compiles it, then predicts the test rows in every mode: DISABLE (quantized integers in the clear), "
                + "SIMULATE (the compiled circuit on plain integers) and EXECUTE (encrypted). Prints the scores, their "
                + "agreement, the parameters, key and ciphertext sizes, and the timings."})
final class DemoCommand implements Callable<Integer> {

    /** Rows run encrypted, untimed, so that the JIT has compiled the encrypted path before it is timed. */
    private static final int WARMUP_ROWS = 200;
    /**
     * Rows run encrypted, untimed, before a circuit with bootstraps is timed: the first row compiles the bootstrap
     * path, which would otherwise count in the latency (a third of it or more for a few rows).
     */
    private static final int BOOTSTRAPPED_WARMUP_ROWS = 1;
    /** EXECUTE rows when the circuit bootstraps and --fhe-rows is not given. */
    private static final int BOOTSTRAPPED_ROWS = 5;

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", defaultValue = "LogisticRegression", completionCandidates = ModelRegistry.Names.class,
            description = "Estimator: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--dataset", description = "Bundled data set (default: breast-cancer for classifiers, diabetes "
            + "for regressors).")
    private String dataset;

    @Option(names = "--n-bits", description = "Quantization bits (default: the model's, 8 for linear models, 6 for trees, "
            + "3 for MLPClassifier and 4 for MLPRegressor, where they set n_weight = n_activation).")
    private Integer nBits;

    @Option(names = "--fhe-rows", description = "Test rows run encrypted (default: all of them for circuits without "
            + "bootstrap, " + BOOTSTRAPPED_ROWS + " otherwise).")
    private Integer fheRows;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the train/test split (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--test-fraction", defaultValue = "0.2",
            description = "Share of rows held out for testing, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    @Override
    public Integer call() {
        ModelRegistry.Entry entry = ModelRegistry.find(model)
                .orElseThrow(() -> new ParameterException(spec.commandLine(), ModelRegistry.unknownModelMessage(model)));
        if (fheRows != null && fheRows < 0) {
            throw new ParameterException(spec.commandLine(), "--fhe-rows must be 0 or more, got " + fheRows + ".");
        }
        String datasetName = dataset != null ? dataset : entry.task() == Task.CLASSIFICATION ? "breast-cancer" : "diabetes";
        Dataset data;
        try {
            data = BenchData.load(datasetName, null, null, entry);
        } catch (BenchData.UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int bits = nBits != null ? nBits : entry.defaultNBits();
        Split<? extends Dataset> split = DatasetSplits.split(data, testFraction, seed);
        double[][] train = split.train().features();
        double[][] test = split.test().features();
        Predictions truth = Predictions.truth(split.test());
        String score = entry.task().scoreName();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("fheml demo: encrypted %s on %s (%d rows, %d features)%n", entry.name(), data.name(), data.rows(),
                data.featureCount());
        out.printf("  data       %d train / %d test rows (%s, seed %d)%n", train.length, test.length,
                entry.task() == Task.CLASSIFICATION ? "stratified" : "shuffled", seed);

        BenchModel bench = entry.atNBits().apply(bits);
        long t0 = System.nanoTime();
        bench.fit(split.train());
        long t1 = System.nanoTime();
        Circuit circuit = bench.compile(train);
        long t2 = System.nanoTime();
        CircuitStatistics statistics = circuit.statistics();
        out.printf("  fit        %7.1f ms  trained (floats, or quantization-aware), quantized to %d bits%n",
                millis(t0, t1), bits);
        out.printf("  compile    %7.1f ms  %s%n", millis(t1, t2), describe(circuit, statistics));

        Predictions disable = bench.predict(test, FheMode.DISABLE);
        Predictions simulate = bench.predict(test, FheMode.SIMULATE);
        out.printf("  float      %s %.4f (float model trained the same way; %s baseline %.4f)%n", score,
                bench.floatPredict(test).score(truth),
                entry.task() == Task.CLASSIFICATION ? "majority-class" : "mean-value", baseline(split, test).score(truth));
        out.printf("  DISABLE    %s %.4f (quantized integer program in the clear)%n", score, disable.score(truth));
        out.printf("  SIMULATE   %s %.4f, equal to DISABLE on %d of %d rows%n", score, simulate.score(truth),
                agreeing(simulate, disable, test.length), test.length);

        boolean agree = agreeing(simulate, disable, test.length) == test.length;
        if (circuit.encryptedExecutionProblem() != null) {
            out.printf("  EXECUTE    not run: %s%n", circuit.encryptedExecutionProblem());
            out.flush();
            return agree ? 0 : 1;
        }
        long t3 = System.nanoTime();
        circuit.keygen();
        long t4 = System.nanoTime();
        out.printf("  keygen     %7.1f ms  evaluation keys: %s%n", millis(t3, t4), statistics.evaluationKeyBytes() == 0
                ? "none (the circuit has no bootstrap)"
                : String.format("%.1f MiB in memory, %.1f MiB sent to the server (seeded masks)",
                        statistics.evaluationKeyBytes() / 1048576.0, circuit.evaluationKeys().length / 1048576.0));

        int rows = Math.min(test.length, fheRows != null ? fheRows
                : statistics.bootstrapCount() == 0 ? test.length : BOOTSTRAPPED_ROWS);
        if (rows > 0) {
            int warmup = Math.min(statistics.bootstrapCount() == 0 ? WARMUP_ROWS : BOOTSTRAPPED_WARMUP_ROWS,
                    train.length);
            bench.predict(Arrays.copyOf(train, warmup), FheMode.EXECUTE);
            double[][] executed = Arrays.copyOf(test, rows);
            long t5 = System.nanoTime();
            Predictions execute = bench.predict(executed, FheMode.EXECUTE);
            long t6 = System.nanoTime();
            int same = agreeing(execute, disable.head(rows), rows);
            agree &= same == rows;
            out.printf("  EXECUTE    %s %.4f, equal to DISABLE on %d of %d rows (encrypted end to end)%n", score,
                    execute.score(truth.head(rows)), same, rows);
            out.printf("  latency    %.2f ms per row for %d rows in one call (after %d warm-up row%s; one row at a "
                    + "time: fheml bench latency)%n", millis(t5, t6) / rows, rows, warmup, warmup == 1 ? "" : "s");
        }
        out.printf("  traffic    %.1f KiB of ciphertext per row in (%d bytes with seeded masks)%n",
                statistics.inputCiphertextBytes() / 1024.0, 16 + 8L * encryptedInputValues(circuit));
        out.flush();
        return agree ? 0 : 1;
    }

    /** The encrypted values one evaluation takes: a seeded list sends each as its body alone. */
    private static long encryptedInputValues(Circuit circuit) {
        return circuit.graph().inputs().stream().filter(org.fheml.compilation.Node::isEncrypted)
                .mapToLong(n -> n.shape().size()).sum();
    }

    private static String describe(Circuit circuit, CircuitStatistics statistics) {
        return switch (circuit.parameters()) {
            case CircuitParameters.Leveled leveled -> String.format("%d-bit encrypted values, no bootstrap; LWE "
                            + "dimension %d, %.0f-bit security, p_error 2^%.1f per output", leveled.encodingBits(),
                    leveled.lwe().lweDimension(), Math.floor(leveled.lwe().securityBits() + 1e-9), leveled.log2PError());
            case CircuitParameters.Bootstrapped b -> String.format("%d bootstraps per row reading %d bits (values on %d "
                            + "bits); n %d, k %d, N %d, %.0f-bit security, p_error 2^%.1f per row",
                    statistics.bootstrapCount(), b.pbsPrecision(), b.encodingBits(), b.pbs().lweDimension(),
                    b.pbs().glweDimension(), b.pbs().polynomialSize(), Math.floor(b.pbs().securityBits() + 1e-9),
                    statistics.log2GlobalPError());
            case null -> "no secure parameters fit this circuit";
        };
    }

    private static Predictions baseline(Split<? extends Dataset> split, double[][] test) {
        return switch (split.train()) {
            case ClassificationDataset d -> new Predictions.Labels(
                    new MajorityClassifier().fit(d.features(), d.labels()).predict(test));
            case RegressionDataset d -> new Predictions.Values(
                    new MeanRegressor().fit(d.features(), d.targets()).predict(test));
        };
    }

    private static int agreeing(Predictions a, Predictions b, int rows) {
        return (int) Math.round(a.agreement(b) * rows);
    }

    private static double millis(long from, long to) {
        return (to - from) / 1e6;
    }
}
