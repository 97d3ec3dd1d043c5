package org.fheml.models;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.NotFittedException;
import org.fheml.models.deploy.InputEncoding;
import org.fheml.models.deploy.OutputDecoding;
import org.fheml.quantization.QuantizedModule;
import org.fheml.quantization.TensorQuantization;

/**
 * The {@link QuantizedModel} of an estimator whose integer program is a {@link QuantizedModule} (networks, ONNX
 * graphs): it checks inputs, compiles the module, and hands the pipeline its quantizers and clear evaluation. An
 * estimator holds one, gives it a new module at each fit, and returns it from {@code quantizedModel()}; a family
 * whose client prepares features its own way (the networks scale them first) extends it.
 */
public class ModuleModel extends FittedModel {

    private QuantizedModule module;

    public ModuleModel(String estimator) {
        super(estimator);
    }

    /** The module of a new fit; a circuit compiled for an earlier one is dropped. */
    public void fitted(QuantizedModule quantized) {
        if (quantized == null) {
            throw new IllegalArgumentException("The quantized module is null.");
        }
        this.module = quantized;
        recordFit(quantized.featureCount());
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
    protected Circuit compileFitted(double[][] X, CompileOptions options) {
        return module.compile(X, options);
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
    protected double[] dequantizeRow(long[] q) {
        return module.dequantizeOutput(q);
    }

    @Override
    protected InputEncoding fittedInputEncoding() {
        return new InputEncoding.Quantized(module.inputQuantizer());
    }

    @Override
    protected OutputDecoding fittedOutputDecoding() {
        TensorQuantization output = module.outputQuantization();
        return new OutputDecoding.Affine(output.scales(), output.zeroPoints());
    }
}
