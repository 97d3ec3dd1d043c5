package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class GemmOpTest {

    private static final double[][] X = ModuleChecks.uniformRows(1, 120, 5, -2, 3);
    private static final double[][] W = ModuleChecks.matrix(2, 5, 3, 1);
    private static final double[] B = {0.5, -1, 0.25};

    @Test
    void postTrainingGemmIsTheLinearModelsGemm() {
        FeatureQuantizer inputs = FeatureQuantizer.calibrate(QuantizationOptions.signed(7), X);
        QuantizedGemm linear = QuantizedGemm.quantize(inputs, W, B, 7);
        QuantizedModuleBuilder b = QuantizedModule.builder(inputs);
        QuantizedModule module = b.build(b.gemm(b.input(), W, B, QuantizationOptions.signed(7), false));
        for (double[] x : X) {
            long[] q = inputs.quantize(x);
            assertArrayEquals(linear.evaluate(q), module.evaluate(q));
        }
    }

    @Test
    void perTensorAndPerChannelWeightsApproximateTheFloatProduct() {
        for (boolean perChannel : new boolean[] {false, true}) {
            QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(8), true);
            QuantizedModule module = b.build(b.gemm(b.input(), W, B, QuantizationOptions.signed(8), perChannel));
            ModuleChecks.assertWithin(0.1, ModuleChecks.worstError(module, X), "per channel " + perChannel);
            ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
        }
    }

    @Test
    void perChannelScalesDifferPerColumnWhenTheColumnsDo() {
        double[][] w = {{1, 0.01}, {-1, 0.02}};
        QuantizedModuleBuilder b = QuantizedModule.postTraining(ModuleChecks.uniformRows(3, 20, 2, -1, 1),
                QuantizationOptions.signed(6), false);
        GemmOp op = GemmOp.postTraining(b.quantizationOf(b.input()), w, new double[2], QuantizationOptions.signed(6),
                true);
        assertNotEquals(op.output().scale(0), op.output().scale(1));
    }

    /** Quantization-aware weights with non-zero zero points, on an input with a non-zero zero point. */
    @Test
    void fixedParametersComputeTheProductOfTheDequantizedValues() {
        UniformQuantizer in = new UniformQuantizer(QuantizationOptions.unsigned(4), 0.25, 3);
        FeatureQuantizer inputs = FeatureQuantizer.uniform(in, 3);
        long[][] qw = {{1, -2}, {3, 0}, {-4, 5}};
        double sw = 0.1;
        long zw = 2;
        double[] bias = {0.3, -0.2};
        QuantizedModuleBuilder b = QuantizedModule.builder(inputs);
        QuantizedModule module = b.build(b.gemm(b.input(), qw, new double[] {sw}, new long[] {zw}, bias));
        double[][] rows = ModuleChecks.uniformRows(4, 50, 3, -1, 3);
        for (double[] x : rows) {
            long[] q = inputs.quantize(x);
            double[] y = module.dequantizeOutput(module.evaluate(q));
            for (int k = 0; k < 2; k++) {
                double exact = bias[k];
                for (int j = 0; j < 3; j++) {
                    exact += in.dequantize(q[j]) * sw * (qw[j][k] - zw);
                }
                assertEquals(exact, y[k], 0.25 * sw / 2 + 1e-9, "only the bias is rounded");
            }
        }
        ModuleChecks.assertCircuitComputesTheIntegerProgram(module, rows);
    }
}
