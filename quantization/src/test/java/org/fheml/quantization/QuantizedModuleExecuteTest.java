package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.List;
import org.fheml.compilation.Circuit;
import org.junit.jupiter.api.Test;

/** A 2-layer network, Gemm → round → ReLU → Gemm, run on ciphertexts: EXECUTE equals the integers in the clear. */
class QuantizedModuleExecuteTest {

    @Test
    void encryptedExecutionOfATwoLayerNetworkEqualsTheIntegerProgram() {
        double[][] X = ModuleChecks.uniformRows(51, 40, 3, -1, 1);
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(3), false);
        var h = b.gemm(b.input(), ModuleChecks.matrix(52, 3, 3, 1), new double[] {0.1, 0, -0.1},
                QuantizationOptions.signed(3), false);
        h = b.activation(b.round(h, 4), new Activation.Relu(), QuantizationOptions.unsigned(3));
        QuantizedModule module = b.build(b.gemm(h, ModuleChecks.matrix(53, 3, 2, 1), new double[2],
                QuantizationOptions.signed(3), false));
        Circuit circuit = ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
        double[][] rows = Arrays.copyOf(X, 2);
        long[][] encrypted = circuit.encryptRunDecryptBatch(
                Arrays.stream(rows).map(r -> new long[][] {module.quantizeInput(r)}).toList());
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(module.evaluate(module.quantizeInput(rows[i])), encrypted[i]);
        }
    }
}
