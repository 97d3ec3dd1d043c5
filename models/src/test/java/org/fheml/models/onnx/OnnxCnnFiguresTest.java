package org.fheml.models.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.fheml.compilation.Circuit;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The digits CNN compiled post-training at a width whose keys fit in memory, run encrypted on a few rows: EXECUTE
 * equals DISABLE. Prints the closing note's figures (bootstraps, lookup precision, parameters, accuracies, time
 * per row); the time is printed, never asserted.
 */
@Tag("slow")
class OnnxCnnFiguresTest {

    static final int N_BITS = Integer.getInteger("fheml.onnx.figures.bits", 4);
    static final int ROUNDING = Integer.getInteger("fheml.onnx.figures.rounding", 5);
    static final int ROWS = Integer.getInteger("fheml.onnx.figures.rows", 5);

    @Test
    void cnnExecuteEqualsDisable() {
        ClassificationDataset d = OnnxFixtures.digits();
        OnnxModel m = OnnxFixtures.model("cnn_digits").setNBits(N_BITS).setRoundingThresholdBits(ROUNDING);
        Circuit c = m.compile(Arrays.copyOf(d.features(), 300));
        assertNull(c.encryptedExecutionProblem());
        double floatAccuracy = OnnxFixtures.accuracy(OnnxFixtures.argmax(m.evaluate(d.features())), d.labels());
        int[] disable = m.predict(d.features(), FheMode.DISABLE);
        double disableAccuracy = OnnxFixtures.accuracy(disable, d.labels());
        double[][] rows = Arrays.copyOf(d.features(), ROWS);
        c.keygen();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        double[][] execute = m.forward(rows, FheMode.EXECUTE);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        double[][] disableRows = m.forward(rows, FheMode.DISABLE);
        for (int r = 0; r < ROWS; r++) {
            assertArrayEquals(disableRows[r], execute[r], 0, "row " + r);
        }
        int[] executeLabels = OnnxFixtures.argmax(execute);
        int hits = 0;
        for (int r = 0; r < ROWS; r++) {
            hits += executeLabels[r] == d.labels()[r] ? 1 : 0;
        }
        System.out.printf("FIGURES cnn_digits n_bits %d rounding %d: %s%n  parameters %s%n  float %.4f, DISABLE %.4f "
                + "(1797 rows), EXECUTE %d/%d correct, %.1f s/row (process CPU %.1f s/row) at load %.1f%n", N_BITS,
                ROUNDING, c.statistics(), c.parameters(), floatAccuracy, disableAccuracy, hits, ROWS, seconds / ROWS,
                cpuSeconds / ROWS, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    /** CPU time of the whole JVM (every bootstrap thread), comparable on a loaded machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
