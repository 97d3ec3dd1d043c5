package org.fheml.models.linear;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.InputValidation;
import org.fheml.core.NotFittedException;
import org.fheml.models.QuantizedModel;
import org.fheml.quantization.NBits;

/** What every linear estimator holds after fit: its width settings, float model and quantized circuit. */
final class LinearEstimatorState implements QuantizedModel {

    private final String estimator;
    private NBits nBits = NBits.of(8);
    private int featureCount = -1;
    private FloatLinearModel floatModel;
    private LinearCircuit quantized;

    LinearEstimatorState(String estimator) {
        this.estimator = estimator;
    }

    void setNBits(NBits bits) {
        if (bits == null) {
            throw new IllegalArgumentException("n_bits is null.");
        }
        this.nBits = bits;
    }

    NBits nBits() {
        return nBits;
    }

    void fitted(FloatLinearModel model, double[][] X) {
        this.floatModel = model;
        this.quantized = LinearCircuit.quantize(model, X, nBits.opInputs(), nBits.opWeights());
        this.featureCount = X[0].length;
    }

    @Override
    public boolean isFitted() {
        return quantized != null;
    }

    @Override
    public int featureCount() {
        requireFitted("featureCount");
        return featureCount;
    }

    FloatLinearModel floatModel() {
        requireFitted("floatModel");
        return floatModel;
    }

    @Override
    public String estimatorName() {
        return estimator;
    }

    /** Validates X against the fitted model, for the operation named {@code what}. */
    @Override
    public void check(double[][] X, String what) {
        requireFitted(what);
        InputValidation.checkFeatures(X, featureCount);
    }

    double[][] floatScores(double[][] X) {
        check(X, "floatModel");
        return floatModel.decisionFunction(X);
    }

    @Override
    public Circuit compile(double[][] X, CompileOptions options) {
        check(X, "compile");
        return quantized.compile(X, options);
    }

    @Override
    public Circuit circuit() {
        requireFitted("fheCircuit");
        return quantized.circuit(estimator);
    }

    @Override
    public boolean isCompiled() {
        return quantized != null && quantized.isCompiled();
    }

    @Override
    public long[][] quantizeFeatures(double[][] X) {
        return quantized.quantizeInput(X);
    }

    @Override
    public long[] evaluate(long[] features) {
        return quantized.evaluate(features);
    }

    @Override
    public long[][] quantizeInput(double[][] X) {
        check(X, "quantizeInput");
        return quantized.quantizeInput(X);
    }

    @Override
    public double[][] dequantizeOutput(long[][] q) {
        requireFitted("dequantizeOutput");
        return quantized.dequantizeOutput(q);
    }

    @Override
    public org.fheml.models.deploy.InputEncoding clientInputEncoding() {
        requireFitted("save");
        return new org.fheml.models.deploy.InputEncoding.Quantized(quantized.gemm().inputQuantizer());
    }

    @Override
    public org.fheml.models.deploy.OutputDecoding clientOutputDecoding() {
        requireFitted("save");
        double[] scales = new double[quantized.gemm().outputs()];
        java.util.Arrays.fill(scales, quantized.gemm().outputScale());
        return new org.fheml.models.deploy.OutputDecoding.Affine(scales, new long[scales.length]);
    }

    void requireFitted(String what) {
        if (!isFitted()) {
            throw new NotFittedException(estimator, what);
        }
    }
}
