package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.fheml.compilation.Circuit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnivariateOpTest {

    private static final double[][] X = ModuleChecks.uniformRows(7, 60, 4, -4, 4);

    static Stream<Activation> activations() {
        return Stream.of(new Activation.Relu(), new Activation.LeakyRelu(0.1), new Activation.Sigmoid(),
                new Activation.Tanh(), new Activation.Gelu(), new Activation.Softplus(), new Activation.Elu(1.0),
                new Activation.Selu(), new Activation.Celu(0.5), new Activation.HardSigmoid(0.2, 0.5),
                new Activation.HardSwish(), new Activation.Clip(-1, 2), new Activation.Abs(),
                new Activation.Identity());
    }

    /** One lookup per value: within half an output step, plus the input's half step times the slope (≤ 1.5). */
    @ParameterizedTest
    @MethodSource("activations")
    void aLookupApproximatesTheFunctionAndTheCircuitComputesItExactly(Activation f) {
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(7), false);
        var y = b.activation(b.input(), f, QuantizationOptions.signed(6));
        QuantizedModule module = b.build(y);
        UniformQuantizer out = ((UnivariateOp) module.nodes().getFirst().op()).quantizer();
        double inputStep = module.inputQuantization().scale(0);
        ModuleChecks.assertWithin(out.scale() / 2 + 1.5 * inputStep / 2 + 1e-9, ModuleChecks.worstError(module, X),
                f.toString());
        Circuit circuit = ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
        assertEquals(X[0].length, circuit.statistics().bootstrapCount(), "one lookup per value");
    }

    @Test
    void referenceValuesOfTheActivations() {
        assertEquals(0.8413447460685429 * 1.0, new Activation.Gelu().apply(1.0), 1e-12);
        assertEquals(-0.15865525393145707, new Activation.Gelu().apply(-1.0), 1e-12);
        assertEquals(Math.log(2), new Activation.Softplus().apply(0), 1e-15);
        assertEquals(1.0507009873554805 * 1.6732632423543772 * Math.expm1(-1), new Activation.Selu().apply(-1), 1e-12);
        assertEquals(2.0 / 3, new Activation.HardSwish().apply(1), 1e-12);
        assertEquals(0.7, new Activation.HardSigmoid(0.2, 0.5).apply(1), 1e-12);
        assertEquals(0.5 * Math.expm1(-2), new Activation.Celu(0.5).apply(-1), 1e-12);
        assertTrue(new Activation.Relu().nonNegative() && !new Activation.Tanh().nonNegative());
    }

    @Test
    void aLookupRefusesPerElementScales() {
        TensorQuantization perFeature = new TensorQuantization(new int[] {2}, new double[] {1, 2}, new long[2]);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new UnivariateOp(new Activation.Relu(), perFeature,
                        new UniformQuantizer(QuantizationOptions.unsigned(3), 1, 0)));
        assertTrue(e.getMessage().contains("per tensor"), e.getMessage());
    }
}
