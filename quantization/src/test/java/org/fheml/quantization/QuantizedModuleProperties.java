package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;

/** For random small networks, the compiled circuit computes exactly the module's integer program. */
class QuantizedModuleProperties {

    @Property(tries = 15)
    void theCircuitComputesTheIntegerProgram(@ForAll @IntRange(min = 1, max = 1000) int seed,
            @ForAll @IntRange(min = 2, max = 6) int weightBits, @ForAll @IntRange(min = 3, max = 7) int targetBits,
            @ForAll @IntRange(min = 0, max = 3) int activation) {
        double[][] X = ModuleChecks.uniformRows(seed, 20, 3, -2, 2);
        Activation f = switch (activation) {
            case 0 -> new Activation.Relu();
            case 1 -> new Activation.Sigmoid();
            case 2 -> new Activation.Gelu();
            default -> new Activation.LeakyRelu(0.2);
        };
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(4), seed % 2 == 0);
        var h = b.gemm(b.input(), ModuleChecks.matrix(seed + 1, 3, 4, 1), ModuleChecks.matrix(seed + 2, 1, 4, 1)[0],
                QuantizationOptions.signed(weightBits), false);
        h = b.activation(b.round(h, targetBits), f, QuantizationOptions.signed(4));
        QuantizedModule module = b.build(b.gemm(h, ModuleChecks.matrix(seed + 3, 4, 2, 1), new double[2],
                QuantizationOptions.signed(weightBits), seed % 3 == 0));
        Circuit circuit = module.compile(X, CompileOptions.defaults());
        for (double[] x : ModuleChecks.uniformRows(seed + 4, 10, 3, -3, 3)) {
            long[] q = module.quantizeInput(x);
            assertArrayEquals(module.evaluate(q), circuit.evaluate(q));
            assertArrayEquals(module.evaluate(q), circuit.simulate(q));
        }
    }
}
