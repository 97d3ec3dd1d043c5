package org.fheml.models.linear;

import java.util.Map;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Compiler;
import org.fheml.compilation.Encryption;
import org.fheml.core.FheMode;
import org.fheml.models.NotCompiledException;
import org.fheml.quantization.FeatureQuantizer;
import org.fheml.quantization.QuantizationOptions;
import org.fheml.quantization.QuantizedGemm;

/**
 * The quantized half of a linear estimator: its integer Gemm, the circuit compiled from it, and the one inference
 * path every mode goes through (quantize → DISABLE | SIMULATE | EXECUTE → dequantize).
 */
final class LinearCircuit {

    private final QuantizedGemm gemm;
    private Circuit circuit;

    private LinearCircuit(QuantizedGemm gemm) {
        this.gemm = gemm;
    }

    /** Quantizes a float model, with input quantizers calibrated on the training data. */
    static LinearCircuit quantize(FloatLinearModel model, double[][] trainingX, int inputBits, int weightBits) {
        FeatureQuantizer inputs = FeatureQuantizer.calibrate(QuantizationOptions.signed(inputBits), trainingX);
        return new LinearCircuit(QuantizedGemm.quantize(inputs, model.weights(), model.bias(), weightBits));
    }

    QuantizedGemm gemm() {
        return gemm;
    }

    long[][] quantizeInput(double[][] X) {
        return gemm.inputQuantizer().quantize(X);
    }

    double[][] dequantizeOutput(long[][] accumulators) {
        double[][] out = new double[accumulators.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = gemm.dequantize(accumulators[i]);
        }
        return out;
    }

    Circuit compile(double[][] X, CompileOptions options) {
        circuit = Compiler.of(Map.of("x", Encryption.ENCRYPTED), in -> gemm.lower(in.get("x")))
                .compile(quantizeInput(X), options);
        return circuit;
    }

    Circuit circuit(String estimator) {
        if (circuit == null) {
            throw new NotCompiledException(estimator, "SIMULATE or EXECUTE");
        }
        return circuit;
    }

    boolean isCompiled() {
        return circuit != null;
    }

    /** The integer outputs of every row, computed in the given mode. */
    long[][] run(long[][] q, FheMode mode, String estimator) {
        if (mode != FheMode.DISABLE && circuit == null) {
            throw new NotCompiledException(estimator, mode.name());
        }
        long[][] out = new long[q.length][];
        if (mode == FheMode.EXECUTE) {
            return circuit.encryptRunDecryptBatch(java.util.Arrays.stream(q).map(row -> new long[][] {row}).toList());
        }
        for (int i = 0; i < q.length; i++) {
            out[i] = mode == FheMode.DISABLE ? gemm.evaluate(q[i]) : circuit.simulate(q[i]);
        }
        return out;
    }

    /** Dequantized scores (before sigmoid, softmax or inverse link) of every row. */
    double[][] scores(double[][] X, FheMode mode, String estimator) {
        return dequantizeOutput(run(quantizeInput(X), mode, estimator));
    }
}
