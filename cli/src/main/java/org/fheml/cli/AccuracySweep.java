package org.fheml.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompilationException;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.Dataset;

/**
 * Fits, compiles and scores one model at each n_bits: the float model and DISABLE, SIMULATE on every test row, and
 * EXECUTE on the first {@code fheRows} test rows, where the float model, DISABLE and SIMULATE are scored again so
 * that every mode can be compared on the same rows.
 */
final class AccuracySweep {

    private final ModelRegistry.Entry model;
    private final Dataset train;
    private final Dataset test;
    private final int fheRows;

    AccuracySweep(ModelRegistry.Entry model, Dataset train, Dataset test, int fheRows) {
        this.model = model;
        this.train = train;
        this.test = test;
        this.fheRows = Math.min(fheRows, test.rows());
    }

    /** One row per n_bits, in the order given; the progress advances one step per n_bits. */
    List<AccuracyRow> run(List<Integer> bits, Progress progress) {
        List<AccuracyRow> rows = new ArrayList<>();
        for (int nBits : bits) {
            rows.add(measure(nBits, progress));
        }
        return rows;
    }

    private AccuracyRow measure(int nBits, Progress progress) {
        BenchModel bench = model.atNBits().apply(nBits);
        double[][] X = test.features();
        Predictions truth = Predictions.truth(test);

        progress.phase("n_bits " + nBits + ": fit");
        bench.fit(train);
        progress.phase("n_bits " + nBits + ": compile");
        Circuit circuit = bench.compile(train.features());
        CircuitCost cost = CircuitCost.of(circuit);
        progress.phase("n_bits " + nBits + ": DISABLE, SIMULATE");
        Predictions floatPredictions = bench.floatPredict(X);
        double floatScore = floatPredictions.score(truth);
        Predictions disable = bench.predict(X, FheMode.DISABLE);
        Predictions simulate = bench.predict(X, FheMode.SIMULATE);
        progress.phase("n_bits " + nBits + ": EXECUTE");
        Execution execution = execute(bench, circuit, X, disable.head(fheRows), truth.head(fheRows));
        progress.done();

        boolean executed = execution.score() != null;
        Predictions subsetTruth = truth.head(fheRows);
        return new AccuracyRow(nBits, test.rows(), floatScore, disable.score(truth), simulate.score(truth),
                execution.score(), execution.rows(),
                executed ? floatPredictions.head(fheRows).score(subsetTruth) : null,
                executed ? disable.head(fheRows).score(subsetTruth) : null,
                executed ? simulate.head(fheRows).score(subsetTruth) : null,
                simulate.agreement(disable), execution.agreement(), cost.maxBitWidth(), cost.pbsCount(),
                execution.msPerRow(), execution.note());
    }

    /** EXECUTE's measurements, all null with a note when it did not run. */
    private record Execution(Double score, Integer rows, Double agreement, Double msPerRow, String note) {

        static Execution notRun(String note) {
            return new Execution(null, null, null, null, note);
        }
    }

    /** Keys are generated before the clock starts: the time per row is the encrypted inference alone. */
    private Execution execute(BenchModel bench, Circuit circuit, double[][] X, Predictions disable, Predictions truth) {
        if (fheRows == 0) {
            return Execution.notRun("EXECUTE skipped (--fhe-rows 0).");
        }
        double[][] head = Arrays.copyOf(X, fheRows);
        Predictions execute;
        long start;
        try {
            circuit.keygen();
            start = System.nanoTime();
            execute = bench.predict(head, FheMode.EXECUTE);
        } catch (UnsupportedOperationException | CompilationException e) {
            return Execution.notRun("EXECUTE not available: " + e.getMessage());
        }
        double ms = (System.nanoTime() - start) / 1e6;
        return new Execution(execute.score(truth), fheRows, execute.agreement(disable), ms / fheRows, null);
    }
}
