package org.fheml.models.linear;

import java.util.Map;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Compiler;
import org.fheml.compilation.Encryption;
import org.fheml.compilation.InputRange;
import org.fheml.models.NotCompiledException;
import org.fheml.quantization.FeatureQuantizer;
import org.fheml.quantization.QuantizationOptions;
import org.fheml.quantization.QuantizedGemm;

/**
 * The quantized half of a linear estimator: its integer Gemm (a {@link org.fheml.quantization.GemmOp} with its
 * input quantizer) and the circuit compiled from it; predictions go through the models' one pipeline.
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
        long[][] range = gemm.inputQuantizer().integerRange();
        circuit = Compiler.of(Map.of("x", Encryption.ENCRYPTED), Map.of("x", InputRange.perElement(range[0], range[1])),
                in -> gemm.lower(in.get("x"))).compile(quantizeInput(X), options);
        return circuit;
    }

    Circuit circuit(String estimator) {
        if (circuit == null) {
            throw new NotCompiledException(estimator, "SIMULATE or EXECUTE");
        }
        return circuit;
    }

    long[] evaluate(long[] q) {
        return gemm.evaluate(q);
    }

    boolean isCompiled() {
        return circuit != null;
    }
}
