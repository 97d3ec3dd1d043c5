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

    /**
     * A transpose-and-pad gather of a 2×2 input, then one table per element onto one scale (what the ONNX mapping
     * does for per-channel scales): the leveled selection products and the per-element tables run on ciphertexts.
     */
    @Test
    void gathersAndPerElementTablesRunOnCiphertexts() {
        double[][] X = ModuleChecks.uniformRows(61, 30, 4, -1, 1);
        QuantizedModuleBuilder b = QuantizedModule.postTraining(X, QuantizationOptions.signed(3), false, 2, 2);
        var g = b.gather(new QuantizedModuleBuilder.Value[] {b.input()}, new int[] {2, 3},
                new int[] {0, 0, -1, 0, 0, -1}, new int[] {0, 2, 0, 1, 3, 0}, 0, 0);
        var scaled = b.multiplyConstant(g, 1, 2, 1, 3, 1, 2);
        TensorQuantization q = b.quantizationOf(scaled);
        IntegerBounds bounds = b.boundsOf(scaled);
        long offset = bounds.min();
        int size = (int) (bounds.max() - offset + 1);
        UniformQuantizer out = UniformQuantizer.calibrate(QuantizationOptions.unsigned(3), 0, 3);
        long[][] tables = new long[q.size()][size];
        for (int e = 0; e < tables.length; e++) {
            for (int v = 0; v < size; v++) {
                tables[e][v] = out.quantize(Math.max(0, q.dequantize(e, offset + v)));
            }
        }
        var relu = b.add(new TableOp(new Activation.Relu(), q, offset, tables,
                TensorQuantization.uniform(q.shape(), out.scale(), out.zeroPoint())), scaled);
        QuantizedModule module = b.build(relu);
        Circuit circuit = ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
        double[][] rows = Arrays.copyOf(X, 2);
        long[][] encrypted = circuit.encryptRunDecryptBatch(
                Arrays.stream(rows).map(r -> new long[][] {module.quantizeInput(r)}).toList());
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(module.evaluate(module.quantizeInput(rows[i])), encrypted[i]);
        }
    }
}
