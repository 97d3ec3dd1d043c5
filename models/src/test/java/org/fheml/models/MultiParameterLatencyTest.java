package org.fheml.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CircuitParameters;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.InputRange;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.neural.MLPClassifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Single set against multi-parameter partitions, measured: for each network, both circuits of the same model run
 * the same random in-range rows, alternating, and must return the same integers (and DISABLE's); the process CPU
 * time per row of each is printed with the load (never asserted).
 */
@Tag("slow")
class MultiParameterLatencyTest {

    private static final int REPEATS = Integer.getInteger("fheml.multiparam.repeats", 3);

    @Test
    void partitionedAgainstSingleSet() {
        ClassificationDataset digits = Datasets.digits();
        Map<String, Function<CompileOptions, Circuit>> models = new LinkedHashMap<>();
        MLPClassifier digitsModel = new MLPClassifier().fit(digits.features(), digits.labels());
        models.put("MLP digits", options -> digitsModel.compile(digits.features(), options));
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (Map.Entry<String, Function<CompileOptions, Circuit>> entry : models.entrySet()) {
            Circuit single = entry.getValue().apply(CompileOptions.defaults().withMultiParameter(false));
            Circuit partitioned = entry.getValue().apply(CompileOptions.defaults().withMultiParameter(true));
            assertTrue(((CircuitParameters.Bootstrapped) partitioned.parameters()).partitioned(), entry.getKey());
            single.keygen();
            partitioned.keygen();
            InputRange range = single.inputRange(0);
            SplittableRandom random = new SplittableRandom(5);
            double[][] cpu = new double[2][REPEATS];
            for (int r = 0; r < REPEATS; r++) {
                long[] x = new long[range.lower().length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = random.nextLong(range.lower()[i], range.upper()[i] + 1);
                }
                long[] expected = single.evaluate(x);
                Circuit[] order = r % 2 == 0 ? new Circuit[] {single, partitioned} : new Circuit[] {partitioned, single};
                for (Circuit circuit : order) {
                    long before = os.getProcessCpuTime();
                    long[] out = circuit.encryptRunDecrypt(x);
                    cpu[circuit == single ? 0 : 1][r] = (os.getProcessCpuTime() - before) / 1e9;
                    assertArrayEquals(expected, out, entry.getKey() + " row " + r);
                }
            }
            System.out.printf(Locale.ROOT, "MULTIPARAM-LATENCY %s: single %d PBS, %.0f MB keys, median %.2f CPU-s/row | "
                            + "partitioned %s, %.0f MB keys, median %.2f CPU-s/row | ratio %.2f | load %.1f%n",
                    entry.getKey(), single.statistics().bootstrapCount(),
                    single.statistics().evaluationKeyBytes() / 1e6, median(cpu[0]),
                    partitioned.statistics().partitions().stream().map(p -> p.bootstrapCount() + "x" + p.precision()
                            + "b n" + p.pbs().lweDimension() + " pbs" + p.pbs().pbsLevel() + "x" + p.pbs().pbsBaseLog()
                            + " ks" + p.pbs().ksLevel() + "x" + p.pbs().ksBaseLog()).toList(),
                    partitioned.statistics().evaluationKeyBytes() / 1e6, median(cpu[1]),
                    median(cpu[1]) / median(cpu[0]), os.getSystemLoadAverage());
            single.close();
            partitioned.close();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
