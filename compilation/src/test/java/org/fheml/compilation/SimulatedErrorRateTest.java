package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * SIMULATE draws bootstrap errors at the noise model's p_error; EXECUTE's bootstraps fail at the real rate. On a
 * circuit of two chained lookups at a loose p_error, the second lookup (which reads a bootstrap output, the noise
 * the model assumes) fails as often in both: EXECUTE's count lies in the 99.9 % binomial interval of SIMULATE's
 * rate. A failure of the second lookup is an output u ≠ g(t) for the decrypted t, so the first lookup's errors
 * (rarer in EXECUTE: it reads fresh encryptions, whose noise is far below a bootstrap output's) do not count.
 */
class SimulatedErrorRateTest {

    private static final int WIDTH = 64;

    @Test
    void simulateFailsAsOftenAsExecuteAtALooseTarget() {
        Circuit circuit = Compiler.ofOutputs(Map.of("x", ENCRYPTED), in -> {
            Tracer t = in.get("x").apply(v -> 7 - v);
            return List.of(t, t.apply(v -> (v + 3) % 8));
        }).inputShape("x", WIDTH).compile(new long[][][] {{row(0)}, {row(7)}},
                CompileOptions.defaults().withPError(0.05));
        double pError = ((CircuitParameters.Bootstrapped) circuit.parameters()).pbs().pError();
        SplittableRandom random = new SplittableRandom(19);
        List<long[][]> rows = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            long[] x = new long[WIDTH];
            for (int i = 0; i < WIDTH; i++) {
                x[i] = 1 + random.nextInt(6);
            }
            rows.add(new long[][] {x});
        }
        long executed = 0;
        long executedFailures = 0;
        for (long[] out : circuit.encryptRunDecryptBatch(rows)) {
            for (int i = 0; i < WIDTH; i++) {
                executed++;
                if (out[WIDTH + i] != (out[i] + 3) % 8) {
                    executedFailures++;
                }
            }
        }
        long simulated = 0;
        long simulatedFailures = 0;
        for (int repeat = 0; repeat < 20; repeat++) {
            for (long[][] row : rows) {
                long[] out = circuit.simulate(random, row);
                for (int i = 0; i < WIDTH; i++) {
                    simulated++;
                    if (out[WIDTH + i] != Math.floorMod(out[i] + 3, 8)) {
                        simulatedFailures++;
                    }
                }
            }
        }
        double simulatedRate = (double) simulatedFailures / simulated;
        BinomialDistribution expected = new BinomialDistribution(null, (int) executed, simulatedRate);
        long low = expected.inverseCumulativeProbability(0.0005);
        long high = expected.inverseCumulativeProbability(0.9995);
        String report = executedFailures + " of " + executed + " executed second lookups failed; SIMULATE "
                + simulatedFailures + " of " + simulated + " (p_error " + pError + "), 99.9 % interval " + low + ".."
                + high;
        assertTrue(Math.abs(simulatedRate - pError) <= 4 * Math.sqrt(pError / simulated), report);
        assertTrue(executedFailures >= low && executedFailures <= high, report);
    }

    private static long[] row(long value) {
        long[] x = new long[WIDTH];
        java.util.Arrays.fill(x, value);
        return x;
    }
}
