package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.Compiler;
import org.fheml.compilation.Encryption;
import org.junit.jupiter.api.Test;

class QuantizedGemmTest {

    private static double[][] randomMatrix(SplittableRandom random, int rows, int columns, double scale) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble(-scale, scale);
            }
        }
        return m;
    }

    /** Features of very different magnitudes, as in breast cancer. */
    private static double[][] data(SplittableRandom random) {
        double[][] X = randomMatrix(random, 200, 4, 1);
        for (double[] row : X) {
            row[0] *= 1000;
            row[1] = 0.01 * row[1] + 0.1;
        }
        return X;
    }

    @Test
    void eightBitsApproximateTheFloatProduct() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] X = data(random);
        double[][] W = {{0.001, -0.002}, {30, 10}, {0.5, 1}, {-1, 2}};
        double[] b = {0.25, -3};
        QuantizedGemm gemm = QuantizedGemm.quantize(FeatureQuantizer.calibrate(QuantizationOptions.signed(8), X), W, b, 8);
        double worst = 0;
        for (double[] x : X) {
            double[] y = gemm.dequantize(gemm.evaluate(gemm.inputQuantizer().quantize(x)));
            for (int k = 0; k < 2; k++) {
                double exact = b[k];
                for (int j = 0; j < 4; j++) {
                    exact += x[j] * W[j][k];
                }
                worst = Math.max(worst, Math.abs(y[k] - exact));
            }
        }
        assertEquals(0, worst, 0.05, "per-feature scales keep the small feature's contribution (up to 0.3)");
    }

    @Test
    void theCompiledCircuitComputesExactlyTheIntegerProgram() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] X = data(random);
        QuantizedGemm gemm = QuantizedGemm.quantize(FeatureQuantizer.calibrate(QuantizationOptions.signed(6), X),
                randomMatrix(random, 4, 3, 2), new double[] {1, -1, 0.5}, 6);
        long[][] q = gemm.inputQuantizer().quantize(X);
        Circuit circuit = Compiler.of(Map.of("x", Encryption.ENCRYPTED), in -> gemm.lower(in.get("x"))).compile(q);
        for (long[] row : q) {
            assertArrayEquals(gemm.evaluate(row), circuit.evaluate(row));
        }
    }
}
