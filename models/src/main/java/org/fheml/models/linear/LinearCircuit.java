package org.fheml.models.linear;

import java.util.Map;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Compiler;
import org.fheml.compilation.Encryption;
import org.fheml.compilation.InputRange;
import org.fheml.quantization.FeatureQuantizer;
import org.fheml.quantization.QuantizationOptions;
import org.fheml.quantization.QuantizedGemm;

/**
 * The quantized half of a linear estimator: its integer Gemm (a {@link org.fheml.quantization.GemmOp} with its
 * input quantizer) and how it compiles into a circuit; predictions go through the models' one pipeline.
 */
final class LinearCircuit {

    private final QuantizedGemm gemm;

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

    Circuit compile(double[][] X, CompileOptions options) {
        long[][] range = gemm.inputQuantizer().integerRange();
        return Compiler.of(Map.of("x", Encryption.ENCRYPTED), Map.of("x", InputRange.perElement(range[0], range[1])),
                in -> gemm.lower(in.get("x"))).compile(quantizeInput(X), options);
    }

    long[] evaluate(long[] q) {
        return gemm.evaluate(q);
    }
}
