package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvolutionTest {

    private static double[][][][] weights(long seed, int out, int in, int kh, int kw) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][][] w = new double[out][in][kh][kw];
        for (double[][][] o : w) {
            for (double[][] c : o) {
                for (double[] row : c) {
                    for (int x = 0; x < row.length; x++) {
                        row[x] = random.nextDouble(-1, 1);
                    }
                }
            }
        }
        return w;
    }

    @ParameterizedTest(name = "stride {0}, pad {1}, dilation {2}, groups {3}, per channel {4}")
    @CsvSource({"1, 1, 1, 1, false", "2, 0, 1, 1, true", "1, 2, 2, 2, false", "2, 1, 1, 4, true"})
    void convolutionApproximatesTheFloatOneAndLowersExactly(int stride, int pad, int dilation, int groups,
            boolean perChannel) {
        int channels = 4;
        double[][] X = ModuleChecks.uniformRows(21, 12, channels * 6 * 5, 0, 1);
        ConvGeometry g = new ConvGeometry(channels, 6, 5, 3, 2, stride, stride, pad, pad, pad, pad, dilation,
                dilation);
        double[][][][] w = weights(22, 4, channels / groups, 3, 2);
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.unsigned(8), false,
                channels, 6, 5);
        var y = b.conv2d(b.input(), g, groups, w, new double[] {0.1, -0.2, 0.3, 0}, 8, perChannel);
        QuantizedModule module = b.build(y);
        assertArrayEquals(new int[] {4, g.outputHeight(), g.outputWidth()}, module.outputQuantization().shape());
        ModuleChecks.assertWithin(0.15, ModuleChecks.worstError(module, X), g.toString());
        ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
    }

    @Test
    void averagePoolingIsExactUpToTheInputsQuantization() {
        double[][] X = ModuleChecks.uniformRows(23, 10, 2 * 4 * 4, -1, 1);
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(6), false, 2, 4, 4);
        var pooled = b.avgPool2d(b.input(), ConvGeometry.square(2, 4, 4, 2, 2, 1));
        QuantizedModule module = b.build(b.flatten(pooled));
        assertEquals(2 * 3 * 3, module.outputQuantization().size());
        double step = module.inputQuantization().scale(0);
        ModuleChecks.assertWithin(step / 2 + 1e-12, ModuleChecks.worstError(module, X), "a mean of rounded values");
        ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
    }

    /** A small CNN: conv → round → ReLU → pool → flatten → Gemm, compiled into one circuit. */
    @Test
    void aSmallConvolutionalNetworkCompiles() {
        double[][] X = ModuleChecks.uniformRows(24, 16, 1 * 6 * 6, 0, 1);
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.unsigned(4), false, 1, 6, 6);
        var h = b.conv2d(b.input(), ConvGeometry.square(1, 6, 6, 3, 1, 0), 1, weights(25, 2, 1, 3, 3),
                new double[2], 4, false);
        h = b.activation(b.round(h, 5), new Activation.Relu(), QuantizationOptions.unsigned(3));
        h = b.flatten(b.avgPool2d(h, ConvGeometry.square(2, 4, 4, 2, 2, 0)));
        QuantizedModule module = b.build(b.gemm(h, ModuleChecks.matrix(26, 8, 3, 1), new double[3],
                QuantizationOptions.signed(4), true));
        var circuit = ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
        assertEquals(32 + 32 * 5, module.lookupsPerRow(), "32 ReLUs and 5 rounded bits each, counted per bit");
        assertEquals(32 + 32 * 2, circuit.statistics().bootstrapCount(),
                "32 ReLUs and their roundings, one chunk of two bootstraps each");
    }
}
