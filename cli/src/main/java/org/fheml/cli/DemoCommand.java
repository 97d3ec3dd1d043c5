package org.fheml.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CircuitParameters;
import org.fheml.core.FheMode;
import org.fheml.core.baseline.MajorityClassifier;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.Metrics;
import org.fheml.models.linear.LogisticRegression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job: a logistic regression on breast cancer, fitted in the clear, quantized, compiled, and run on
 * encrypted data, with every mode's accuracy, their agreement, and what each step costs.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Trains a logistic regression on the breast-cancer data set (80/20 stratified split), quantizes "
                + "and compiles it, then predicts the test rows in every mode: DISABLE (quantized integers in the "
                + "clear), SIMULATE (the compiled circuit on plain integers) and EXECUTE (encrypted). Prints the "
                + "accuracies, their agreement, the parameters, key and ciphertext sizes, and the timings."})
final class DemoCommand implements Callable<Integer> {

    /** Training rows run encrypted, untimed, so that the JIT has compiled the encrypted path before it is timed. */
    private static final int WARMUP_ROWS = 200;

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the train/test split (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--test-fraction", defaultValue = "0.2",
            description = "Share of rows held out for testing, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    @Option(names = "--n-bits", defaultValue = "8",
            description = "Quantization bits of the inputs and weights (default: ${DEFAULT-VALUE}).")
    private int nBits;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClassificationDataset data = Datasets.breastCancer();
        Split<ClassificationDataset> split = TrainTestSplit.stratified(data, testFraction, seed);
        double[][] train = split.train().features();
        double[][] test = split.test().features();
        int[] truth = split.test().labels();
        out.printf("fheml demo: encrypted logistic regression on %s (%d rows, %d features, classes %s)%n",
                data.name(), data.rows(), data.featureCount(), data.classNames());
        out.printf("  data       %d train / %d test rows (stratified, seed %d)%n", train.length, test.length, seed);

        long t0 = System.nanoTime();
        LogisticRegression model = new LogisticRegression().setNBits(nBits).fit(train, split.train().labels());
        long t1 = System.nanoTime();
        Circuit circuit = model.compile(train);
        long t2 = System.nanoTime();
        circuit.keygen();
        long t3 = System.nanoTime();
        out.printf("  fit        %6.1f ms  Smile L-BFGS, then quantized to %d bits per feature and weight%n",
                millis(t0, t1), nBits);
        printCircuit(out, circuit, millis(t1, t2));
        CircuitParameters.Leveled parameters = (CircuitParameters.Leveled) circuit.parameters();
        int n = parameters.lwe().lweDimension();
        out.printf("  keygen     %6.1f ms  secret key: %d bits; evaluation keys: none (the circuit has no bootstrap)%n",
                millis(t2, t3), n);

        double floatAccuracy = Metrics.accuracy(model.floatPredict(test), truth);
        int[] baseline = new MajorityClassifier().fit(train, split.train().labels()).predict(test);
        int[] disable = model.predict(test, FheMode.DISABLE);
        int[] simulate = model.predict(test, FheMode.SIMULATE);
        model.predict(Arrays.copyOf(train, WARMUP_ROWS), FheMode.EXECUTE);
        long t4 = System.nanoTime();
        int[] execute = model.predict(test, FheMode.EXECUTE);
        long t5 = System.nanoTime();
        double[] singleRow = new double[9];
        for (int i = 0; i < singleRow.length; i++) {
            long s = System.nanoTime();
            model.predict(new double[][] {test[i]}, FheMode.EXECUTE);
            singleRow[i] = millis(s, System.nanoTime());
        }
        Arrays.sort(singleRow);

        out.printf("  float      accuracy %.4f (Smile's model; majority-class baseline %.4f)%n", floatAccuracy,
                Metrics.accuracy(baseline, truth));
        out.printf("  DISABLE    accuracy %.4f (quantized integer program in the clear)%n",
                Metrics.accuracy(disable, truth));
        out.printf("  SIMULATE   accuracy %.4f, equal to DISABLE on %d of %d rows%n",
                Metrics.accuracy(simulate, truth), agreeing(simulate, disable), test.length);
        out.printf("  EXECUTE    accuracy %.4f, equal to DISABLE on %d of %d rows (encrypted end to end)%n",
                Metrics.accuracy(execute, truth), agreeing(execute, disable), test.length);
        out.printf("  latency    %.2f ms per row for the %d test rows in one call; %.2f ms for a single row (median of %d;"
                        + " after %d warm-up rows)%n", millis(t4, t5) / test.length, test.length,
                singleRow[singleRow.length / 2], singleRow.length, WARMUP_ROWS);
        out.printf("  traffic    %.1f KiB of ciphertext per row in, %.1f KiB out%n",
                data.featureCount() * (n + 1) * 8 / 1024.0, (n + 1) * 8 / 1024.0);
        out.flush();
        return agreeing(simulate, disable) == test.length && agreeing(execute, disable) == test.length ? 0 : 1;
    }

    private static void printCircuit(PrintWriter out, Circuit circuit, double compileMillis) {
        CircuitParameters.Leveled parameters = (CircuitParameters.Leveled) circuit.parameters();
        out.printf("  compile    %6.1f ms  %d-bit encrypted accumulator, no bootstrap; LWE dimension %d, "
                        + "%.0f-bit security, p_error 2^%.1f per output%n",
                compileMillis, parameters.encodingBits(), parameters.lwe().lweDimension(),
                Math.floor(parameters.lwe().securityBits() + 1e-9), parameters.log2PError());
    }

    private static int agreeing(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same;
    }

    private static double millis(long from, long to) {
        return (to - from) / 1e6;
    }
}
