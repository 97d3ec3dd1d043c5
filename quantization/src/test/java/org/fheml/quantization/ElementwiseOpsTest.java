package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ElementwiseOpsTest {

    private static final double[][] X = ModuleChecks.uniformRows(31, 40, 3, -2, 2);

    @Test
    void constantsAreAddedAndMultipliedWithinHalfAStep() {
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(7), true);
        var y = b.addConstant(b.input(), 0.3, -1.25, 2);
        y = b.multiplyConstant(y, -1.5, 0, 2.5);
        y = b.subtractConstant(y, 0.7);
        QuantizedModule module = b.build(y);
        double step = 0;
        for (int e = 0; e < 3; e++) {
            step = Math.max(step, module.inputQuantization().scale(e));
        }
        ModuleChecks.assertWithin(2.5 * step + 1e-9, ModuleChecks.worstError(module, X), "three rounded constants");
        ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
    }

    @Test
    void aPositiveConstantMultiplicationOnlyChangesTheScale() {
        TensorQuantization in = TensorQuantization.uniform(new int[] {2}, 0.5, 3);
        MultiplyConstantOp op = MultiplyConstantOp.of(in, 4);
        assertArrayEquals(new long[] {5, -2}, op.evaluate(new long[] {5, -2}));
        assertEquals(2.0, op.output().scale(0));
        assertEquals(3, op.output().zeroPoint(1));
    }

    /** A residual connection: two branches with different scales added, without a lookup. */
    @Test
    void twoTensorsAddOnACommonScale() {
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(6), false);
        var left = b.activation(b.input(), new Activation.Tanh(), QuantizationOptions.signed(6));
        var right = b.activation(b.input(), new Activation.Relu(), QuantizationOptions.unsigned(5));
        var sum = b.add(left, right);
        var residual = b.add(sum, b.input());
        QuantizedModule module = b.build(residual);
        double worst = 0;
        for (int t = 1; t <= 2; t++) {
            worst += module.quantizationOf(t).scale(0) / 2;
        }
        worst += 1.5 * module.inputQuantization().scale(0);
        ModuleChecks.assertWithin(worst, ModuleChecks.worstError(module, X), "two lookups and the input's steps");
        ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
    }

    @Test
    void equalScalesAddExactly() {
        TensorQuantization q = TensorQuantization.uniform(new int[] {2}, 0.25, 1);
        AddOp op = AddOp.of(q, q, AddOp.DEFAULT_EXTRA_BITS);
        assertArrayEquals(new long[] {1, 1}, op.leftFactors());
        assertEquals(2, op.output().zeroPoint(0));
        assertArrayEquals(new long[] {5, -1}, op.evaluate(new long[] {2, 0}, new long[] {3, -1}));
    }
}
