package org.fheml.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CircuitParameters;
import org.fheml.compilation.CircuitStatistics;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What compiling for the quantizers' known ranges costs next to letting the calibration rows narrow them
 * ({@link CompileOptions#withCalibrationRanges(boolean)}), per family at its defaults on breast cancer, for
 * calibration sets of 1, 10, 100 rows and the whole training set: bootstraps per row, lookup precision, encoding
 * width and parameters, printed. The narrowed circuit is never the more expensive one, and it says when it was
 * narrowed.
 */
@Tag("slow")
class KnownRangeCostTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LR", "DT", "RF", "GB", "XGB", "MLP"})
    void knownRangesCostAtMostWhatTheStatisticsSay(String family) {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 42);
        double[][] train = split.train().features();
        FheClassifier model = SingleRowCalibrationTest.model(family).setRandomSeed(7);
        model.fit(train, split.train().labels());
        CircuitStatistics known = model.compile(train).statistics();
        System.out.printf("%s known ranges: %s%n", family, describe(model.fheCircuit()));
        for (int rows : new int[] {1, 10, 100, train.length}) {
            Circuit narrowed = model.compile(Arrays.copyOf(train, rows),
                    CompileOptions.defaults().withCalibrationRanges(true));
            CircuitStatistics s = narrowed.statistics();
            System.out.printf("%s calibration ranges of %d rows: %s; narrowed %s, %d nodes affected%n", family, rows,
                    describe(narrowed), s.rangeNarrowing().used(), s.rangeNarrowing().affectedNodes().size());
            assertTrue(s.bootstrapCount() <= known.bootstrapCount(), family + " " + rows);
            assertTrue(s.bootstrapPrecision() <= known.bootstrapPrecision(), family + " " + rows);
            assertTrue(s.encodingBits() <= known.encodingBits(), family + " " + rows);
            assertTrue(s.rangeNarrowing().used() || s.encodingBits() == known.encodingBits(), family + " " + rows);
        }
    }

    private static String describe(Circuit circuit) {
        CircuitStatistics s = circuit.statistics();
        String parameters = switch (circuit.parameters()) {
            case null -> "no parameters (" + circuit.encryptedExecutionProblem() + ")";
            case CircuitParameters.Leveled l -> "leveled n " + l.lwe().lweDimension();
            case CircuitParameters.Bootstrapped b -> "n " + b.pbs().lweDimension() + ", k " + b.pbs().glweDimension()
                    + ", N " + b.pbs().polynomialSize() + ", PBS levels " + b.pbs().pbsLevel() + " (base 2^"
                    + b.pbs().pbsBaseLog() + "), KS levels " + b.pbs().ksLevel() + ", BSK+KSK "
                    + (s.evaluationKeyBytes() >> 20) + " MiB";
        };
        return s.bootstrapCount() + " bootstraps/row, " + s.bootstrapPrecision() + "-bit lookups, encoding "
                + s.encodingBits() + " bits, " + parameters;
    }
}
