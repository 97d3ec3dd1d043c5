package org.fheml.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CircuitParameters;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The digits network compiled with multi-parameter partitions (its exact roundings apart from its activations): the
 * compiler partitions it, EXECUTE returns DISABLE's scores, and the same rows give the same scores as the
 * single-set circuit. Prints the predicted cost and the time per row of both (never asserted).
 */
@Tag("slow")
class MlpMultiParameterTest {

    private static final int ROWS = 3;

    @Test
    void digitsPartitionedExecuteEqualsDisableAndTheSingleSet() {
        ClassificationDataset digits = Datasets.digits();
        MLPClassifier model = new MLPClassifier().fit(digits.features(), digits.labels());
        double[][] rows = Arrays.copyOf(digits.features(), ROWS);
        double[][] clear = model.decisionFunction(rows, FheMode.DISABLE);

        Circuit single = model.compile(digits.features(), CompileOptions.defaults().withMultiParameter(false));
        CircuitParameters.Bootstrapped one = (CircuitParameters.Bootstrapped) single.parameters();
        assertFalse(one.partitioned());
        single.keygen();
        long start = System.nanoTime();
        double[][] singleScores = model.decisionFunction(rows, FheMode.EXECUTE);
        double singleSeconds = (System.nanoTime() - start) / 1e9 / ROWS;

        Circuit partitioned = model.compile(digits.features(), CompileOptions.defaults().withMultiParameter(true));
        CircuitParameters.Bootstrapped parts = (CircuitParameters.Bootstrapped) partitioned.parameters();
        assertTrue(parts.partitioned(), "the digits network is partitioned: " + partitioned.statistics());
        partitioned.keygen();
        start = System.nanoTime();
        double[][] partitionedScores = model.decisionFunction(rows, FheMode.EXECUTE);
        double partitionedSeconds = (System.nanoTime() - start) / 1e9 / ROWS;
        for (int i = 0; i < ROWS; i++) {
            assertArrayEquals(clear[i], partitionedScores[i], "EXECUTE == DISABLE, row " + i);
            assertArrayEquals(singleScores[i], partitionedScores[i], "partitioned == single set, row " + i);
        }
        double singleCost = one.bootstrapCount() * one.pbs().cost();
        double partitionedCost = 0;
        StringBuilder sets = new StringBuilder();
        for (CircuitParameters.Partition p : parts.partitions()) {
            partitionedCost += p.bootstrapCount() * p.pbs().cost();
            sets.append(String.format(Locale.ROOT, " [%d×%db n%d k%d N%d pbs %d×%d ks %d×%d]", p.bootstrapCount(),
                    p.precision(), p.pbs().lweDimension(), p.pbs().glweDimension(), p.pbs().polynomialSize(),
                    p.pbs().pbsLevel(), p.pbs().pbsBaseLog(), p.pbs().ksLevel(), p.pbs().ksBaseLog()));
        }
        assertTrue(partitionedCost < singleCost);
        System.out.printf(Locale.ROOT, "MULTIPARAM-MLP digits: single %d×%db n%d pbs %d×%d cost %.0f, %.2f s/row, keys %.0f MB"
                        + " | partitioned%s cost %.0f, %.2f s/row, keys %.0f MB | load %.1f%n", one.bootstrapCount(),
                one.pbsPrecision(), one.pbs().lweDimension(), one.pbs().pbsLevel(), one.pbs().pbsBaseLog(), singleCost,
                singleSeconds, single.statistics().evaluationKeyBytes() / 1e6, sets, partitionedCost,
                partitionedSeconds, partitioned.statistics().evaluationKeyBytes() / 1e6,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
