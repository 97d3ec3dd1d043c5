package org.fheml.models;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.InputValidation;
import org.fheml.core.NotFittedException;
import org.fheml.quantization.QuantizedModule;

/**
 * The {@link QuantizedModel} of an estimator whose integer program is a {@link QuantizedModule} (networks, ONNX
 * graphs): it checks inputs, compiles the module, and hands the pipeline its quantizers and clear evaluation. An
 * estimator holds one, gives it a new module at each fit, and returns it from {@code quantizedModel()}.
 */
public final class ModuleModel implements QuantizedModel {

    private final String estimator;
    private QuantizedModule module;
    private Circuit circuit;

    public ModuleModel(String estimator) {
        this.estimator = estimator;
    }

    /** The module of a new fit; a circuit compiled for an earlier one is dropped. */
    public void fitted(QuantizedModule quantized) {
        if (quantized == null) {
            throw new IllegalArgumentException("The quantized module is null.");
        }
        this.module = quantized;
        this.circuit = null;
    }

    /**
     * The module.
     *
     * @throws NotFittedException before fit
     */
    public QuantizedModule module() {
        requireFitted("the quantized module");
        return module;
    }

    @Override
    public boolean isFitted() {
        return module != null;
    }

    @Override
    public int featureCount() {
        requireFitted("featureCount");
        return module.featureCount();
    }

    @Override
    public String estimatorName() {
        return estimator;
    }

    @Override
    public void check(double[][] X, String what) {
        requireFitted(what);
        InputValidation.checkFeatures(X, module.featureCount());
    }

    @Override
    public Circuit compile(double[][] X, CompileOptions options) {
        check(X, "compile");
        circuit = module.compile(X, options);
        return circuit;
    }

    @Override
    public Circuit circuit() {
        requireFitted("fheCircuit");
        if (circuit == null) {
            throw new NotCompiledException(estimator, "SIMULATE or EXECUTE");
        }
        return circuit;
    }

    @Override
    public boolean isCompiled() {
        return circuit != null;
    }

    @Override
    public long[][] quantizeInput(double[][] X) {
        check(X, "quantizeInput");
        return module.quantizeInput(X);
    }

    @Override
    public long[][] quantizeFeatures(double[][] X) {
        return module.quantizeInput(X);
    }

    @Override
    public long[] evaluate(long[] features) {
        return module.evaluate(features);
    }

    @Override
    public double[][] dequantizeOutput(long[][] q) {
        requireFitted("dequantizeOutput");
        double[][] out = new double[q.length][];
        for (int i = 0; i < q.length; i++) {
            out[i] = module.dequantizeOutput(q[i]);
        }
        return out;
    }

    @Override
    public org.fheml.models.deploy.InputEncoding clientInputEncoding() {
        requireFitted("save");
        return new org.fheml.models.deploy.InputEncoding.Quantized(module.inputQuantizer());
    }

    @Override
    public org.fheml.models.deploy.OutputDecoding clientOutputDecoding() {
        requireFitted("save");
        org.fheml.quantization.TensorQuantization output = module.outputQuantization();
        return new org.fheml.models.deploy.OutputDecoding.Affine(output.scales(), output.zeroPoints());
    }

    private void requireFitted(String what) {
        if (module == null) {
            throw new NotFittedException(estimator, what);
        }
    }
}
