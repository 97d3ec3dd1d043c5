package org.fheml.models.neural;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Exactness;
import org.fheml.models.ModuleModel;
import org.fheml.models.QuantizedModel;
import org.fheml.quantization.QuantizedModule;

/**
 * The {@link QuantizedModel} of the network estimators: a {@link ModuleModel} on the network's
 * {@link MlpModule}, whose client first scales the features ({@link FeatureScaling}) and then quantizes them with
 * the program's input quantizer, exactly as {@link QuantizedMlp#quantizeInput} does.
 */
final class MlpModel implements QuantizedModel {

    private final ModuleModel module;
    private QuantizedMlp program;

    MlpModel(String estimator) {
        this.module = new ModuleModel(estimator);
    }

    /** The program of a new fit, lowered with the given rounding; a circuit compiled for an earlier one is dropped. */
    void fitted(QuantizedMlp fitted, Exactness rounding) {
        module.fitted(MlpModule.of(fitted, rounding));
        this.program = fitted;
    }

    QuantizedModule module() {
        return module.module();
    }

    @Override
    public boolean isFitted() {
        return module.isFitted();
    }

    @Override
    public int featureCount() {
        return module.featureCount();
    }

    @Override
    public String estimatorName() {
        return module.estimatorName();
    }

    @Override
    public void check(double[][] X, String what) {
        module.check(X, what);
    }

    @Override
    public Circuit compile(double[][] X, CompileOptions options) {
        check(X, "compile");
        return module.compile(program.scaling().scale(X), options);
    }

    @Override
    public Circuit circuit() {
        return module.circuit();
    }

    @Override
    public boolean isCompiled() {
        return module.isCompiled();
    }

    @Override
    public long[][] quantizeInput(double[][] X) {
        check(X, "quantizeInput");
        return quantizeFeatures(X);
    }

    @Override
    public long[][] quantizeFeatures(double[][] X) {
        long[][] q = new long[X.length][];
        for (int i = 0; i < q.length; i++) {
            q[i] = program.quantizeInput(X[i]);
        }
        return q;
    }

    @Override
    public long[] evaluate(long[] features) {
        return module.evaluate(features);
    }

    @Override
    public double[][] dequantizeOutput(long[][] q) {
        return module.dequantizeOutput(q);
    }

    /** The features scaled onto [0, 1], then quantized by the program's input quantizer. */
    @Override
    public org.fheml.models.deploy.InputEncoding clientInputEncoding() {
        module.module();
        QuantParams input = program.input();
        return new org.fheml.models.deploy.InputEncoding.ScaledQuantized(program.scaling().low(),
                program.scaling().high(), input.scale(), input.zeroPoint(), input.minInteger(), input.maxInteger());
    }

    @Override
    public org.fheml.models.deploy.OutputDecoding clientOutputDecoding() {
        return module.clientOutputDecoding();
    }
}
