package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArgmaxOpTest {

    @Test
    void theCircuitReturnsTheLabelOfTheLargestScore() {
        double[][] X = ModuleChecks.uniformRows(41, 60, 4, -1, 1);
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(5), false);
        var scores = b.gemm(b.input(), ModuleChecks.matrix(42, 4, 3, 1), new double[3], QuantizationOptions.signed(5),
                false);
        QuantizedModule module = b.build(b.argmax(scores));
        int agree = 0;
        for (double[] x : X) {
            long label = module.evaluate(module.quantizeInput(x))[0];
            assertTrue(label >= 0 && label < 3);
            agree += label == (long) module.floatForward(x)[0] ? 1 : 0;
        }
        assertTrue(agree >= 50, "the quantized argmax agrees with the float one on " + agree + " of 60 rows");
        ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
    }

    @Test
    void tiesGoToTheFirstIndex() {
        ArgmaxOp op = ArgmaxOp.of(TensorQuantization.uniform(new int[] {3}, 1, 0), IntegerBounds.uniform(3, -8, 8));
        assertEquals(1, op.evaluate(new long[] {2, 5, 5})[0]);
        assertEquals(0, op.evaluate(new long[] {4, 4, 4})[0]);
        assertEquals(2, op.evaluate(new long[] {-3, -2, 7})[0]);
    }
}
