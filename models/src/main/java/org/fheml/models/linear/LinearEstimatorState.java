package org.fheml.models.linear;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.models.FittedModel;
import org.fheml.models.deploy.InputEncoding;
import org.fheml.models.deploy.OutputDecoding;
import org.fheml.quantization.NBits;

/** What every linear estimator holds after fit: its width settings, float model and quantized circuit. */
final class LinearEstimatorState extends FittedModel {

    private NBits nBits = NBits.of(8);
    private FloatLinearModel floatModel;
    private LinearCircuit quantized;

    LinearEstimatorState(String estimator) {
        super(estimator);
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
        recordFit(X[0].length);
    }

    FloatLinearModel floatModel() {
        requireFitted("floatModel");
        return floatModel;
    }

    double[][] floatScores(double[][] X) {
        check(X, "floatModel");
        return floatModel.decisionFunction(X);
    }

    @Override
    protected Circuit compileFitted(double[][] X, CompileOptions options) {
        return quantized.compile(X, options);
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
    protected double[] dequantizeRow(long[] q) {
        return quantized.gemm().dequantize(q);
    }

    @Override
    protected InputEncoding fittedInputEncoding() {
        return new InputEncoding.Quantized(quantized.gemm().inputQuantizer());
    }

    @Override
    protected OutputDecoding fittedOutputDecoding() {
        double[] scales = new double[quantized.gemm().outputs()];
        java.util.Arrays.fill(scales, quantized.gemm().outputScale());
        return new OutputDecoding.Affine(scales, new long[scales.length]);
    }
}
