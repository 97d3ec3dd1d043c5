package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Picked elements and constants: the integer program, its float reference and its circuit agree. */
class GatherOpTest {

    private static final double[][] X = ModuleChecks.uniformRows(7, 30, 4, -2, 2);

    @Test
    void elementsOfTwoTensorsAndAConstantAreCopiedExactly() {
        TensorQuantization a = TensorQuantization.uniform(new int[] {2}, 0.5, 1);
        TensorQuantization b = TensorQuantization.uniform(new int[] {3}, 0.25, -2);
        GatherOp op = GatherOp.of(new TensorQuantization[] {a, b}, new int[] {4}, new int[] {1, -1, 0, 1},
                new int[] {2, 0, 0, 0}, 9, 4.5);
        assertArrayEquals(new long[] {30, 9, 10, 20}, op.evaluate(new long[] {10, 11}, new long[] {20, 25, 30}));
        assertArrayEquals(new double[] {3, 4.5, 1, 2}, op.reference(new double[] {1, 1.5}, new double[] {2, 2.5, 3}));
        assertEquals(0.25, op.output().scale(0));
        assertEquals(1, op.output().zeroPoint(2));
        IntegerBounds bounds = op.bounds(IntegerBounds.uniform(2, -3, 3), IntegerBounds.uniform(3, 0, 7));
        assertArrayEquals(new long[] {0, 9, -3, 0}, bounds.lower());
        assertArrayEquals(new long[] {7, 9, 3, 7}, bounds.upper());
    }

    /** A transpose of a 2×2 image, padded with the quantized zero on one side, then a lookup: one circuit. */
    @Test
    void theCircuitComputesTheGatheredIntegers() {
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(5), false,
                new int[] {2, 2});
        var t = b.gather(new QuantizedModuleBuilder.Value[] {b.input()}, new int[] {2, 3}, new int[] {0, 0, -1, 0, 0, -1},
                new int[] {0, 2, 0, 1, 3, 0}, 0, 0);
        var sum = b.add(t, b.activation(t, new Activation.Relu(), QuantizationOptions.unsigned(4)));
        QuantizedModule module = b.build(sum);
        ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
        double[] x = X[3];
        double[] reference = module.floatForward(x);
        assertEquals(x[2] + Math.max(0, x[2]), reference[1], 1e-12, "output (0, 1) is input (1, 0)");
        assertEquals(0, reference[2], 1e-12, "the pad");
    }
}
