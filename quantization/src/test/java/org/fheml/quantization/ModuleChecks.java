package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;

/** Shared data and assertions of the quantized-op tests. */
final class ModuleChecks {

    private ModuleChecks() {
    }

    static double[][] uniformRows(long seed, int rows, int columns, double low, double high) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] X = new double[rows][columns];
        for (double[] row : X) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble(low, high);
            }
        }
        return X;
    }

    static double[][] matrix(long seed, int rows, int columns, double magnitude) {
        return uniformRows(seed, rows, columns, -magnitude, magnitude);
    }

    /** Compiles the module on X and checks that evaluate and simulate give exactly its integers on every row. */
    static Circuit assertCircuitComputesTheIntegerProgram(QuantizedModule module, double[][] X) {
        Circuit circuit = module.compile(X, CompileOptions.defaults());
        for (double[] x : X) {
            long[] q = module.quantizeInput(x);
            long[] expected = module.evaluate(q);
            assertArrayEquals(expected, circuit.evaluate(q), () -> "evaluate differs on " + java.util.Arrays.toString(q));
            assertArrayEquals(expected, circuit.simulate(q), () -> "simulate differs on " + java.util.Arrays.toString(q));
        }
        return circuit;
    }

    /** The largest gap between the dequantized integer program and the float reference over X. */
    static double worstError(QuantizedModule module, double[][] X) {
        double worst = 0;
        for (double[] x : X) {
            double[] y = module.dequantizeOutput(module.evaluate(module.quantizeInput(x)));
            double[] reference = module.floatForward(x);
            for (int k = 0; k < y.length; k++) {
                worst = Math.max(worst, Math.abs(y[k] - reference[k]));
            }
        }
        return worst;
    }

    static void assertWithin(double bound, double error, String what) {
        assertTrue(error <= bound, what + ": error " + error + " above " + bound);
    }
}
