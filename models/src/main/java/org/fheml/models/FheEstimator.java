package org.fheml.models;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;

/**
 * What every fheml estimator offers beside fit and predict: compiling its quantized model into a circuit, and the
 * client's two steps around a server, quantizing inputs and dequantizing outputs.
 */
public abstract class FheEstimator {

    /** The estimator's quantized model, to which these methods delegate. */
    protected abstract QuantizedModel quantizedModel();

    /** Compiles the quantized model on representative data X (usually the training set), with default options. */
    public Circuit compile(double[][] X) {
        return compile(X, CompileOptions.defaults());
    }

    /** Compiles the quantized model on representative data X (usually the training set). */
    public Circuit compile(double[][] X, CompileOptions options) {
        return quantizedModel().compile(X, options);
    }

    /**
     * The compiled circuit.
     *
     * @throws NotCompiledException before {@code compile}
     */
    public Circuit fheCircuit() {
        return quantizedModel().circuit();
    }

    /** The integers the circuit takes for these rows: one row of quantized features per row of X. */
    public long[][] quantizeInput(double[][] X) {
        return quantizedModel().quantizeInput(X);
    }

    /** The model's outputs in real units (scores before any link) from the circuit's integer outputs. */
    public double[][] dequantizeOutput(long[][] q) {
        return quantizedModel().dequantizeOutput(q);
    }

    public boolean isFitted() {
        return quantizedModel().isFitted();
    }

    public int featureCount() {
        return quantizedModel().featureCount();
    }
}
