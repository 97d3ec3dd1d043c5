package org.fheml.models;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.InputValidation;
import org.fheml.core.NotFittedException;
import org.fheml.models.deploy.InputEncoding;
import org.fheml.models.deploy.OutputDecoding;

/**
 * The fitted-state plumbing every family's {@link QuantizedModel} shares: the estimator's name for errors, the
 * not-fitted and not-compiled checks, validation of inputs against the fitted feature count, the circuit compiled
 * for the current fit, and the row-by-row dequantization. A family records each fit ({@link #recordFit}) once it
 * holds what it fitted, and supplies how it compiles ({@link #compileFitted}), quantizes, evaluates and dequantizes
 * one row, and its client encodings; it calls {@link #dropCircuit} when a setting makes the compiled circuit
 * stale.
 */
public abstract class FittedModel implements QuantizedModel {

    private final String estimator;
    private int featureCount = -1;
    private Circuit circuit;

    /** A model for the estimator of this name (its simple class name), not fitted and not compiled. */
    protected FittedModel(String estimator) {
        this.estimator = estimator;
    }

    /** The circuit of the fitted model, compiled on rows X already checked against it. */
    protected abstract Circuit compileFitted(double[][] X, CompileOptions options);

    /** One row of the circuit's integer outputs in real units; called only once fitted. */
    protected abstract double[] dequantizeRow(long[] q);

    /** {@link #clientInputEncoding}, once fitted. */
    protected abstract InputEncoding fittedInputEncoding();

    /** {@link #clientOutputDecoding}, once fitted. */
    protected abstract OutputDecoding fittedOutputDecoding();

    /**
     * Records a new fit of {@code features} features, once the family holds what it fitted: the model is fitted
     * from then on, and a circuit compiled for an earlier fit is dropped.
     */
    protected final void recordFit(int features) {
        featureCount = features;
        circuit = null;
    }

    @Override
    public final boolean isFitted() {
        return featureCount >= 0;
    }

    @Override
    public final String estimatorName() {
        return estimator;
    }

    @Override
    public final int featureCount() {
        requireFitted("featureCount");
        return featureCount;
    }

    @Override
    public final void check(double[][] X, String what) {
        requireFitted(what);
        InputValidation.checkFeatures(X, featureCount);
    }

    @Override
    public final Circuit compile(double[][] X, CompileOptions options) {
        check(X, "compile");
        circuit = compileFitted(X, options);
        return circuit;
    }

    @Override
    public final Circuit circuit() {
        requireFitted("fheCircuit");
        if (circuit == null) {
            throw new NotCompiledException(estimator, "SIMULATE or EXECUTE");
        }
        return circuit;
    }

    @Override
    public final boolean isCompiled() {
        return circuit != null;
    }

    /** Forgets the compiled circuit: the next SIMULATE or EXECUTE needs a new {@code compile}. */
    protected final void dropCircuit() {
        circuit = null;
    }

    /** The checked rows' {@link #quantizeFeatures}: what the circuit takes unless {@link #circuitArgument} says. */
    @Override
    public long[][] quantizeInput(double[][] X) {
        check(X, "quantizeInput");
        return quantizeFeatures(X);
    }

    /** Every row of {@code q} through {@link #dequantizeRow}. */
    @Override
    public double[][] dequantizeOutput(long[][] q) {
        requireFitted("dequantizeOutput");
        double[][] out = new double[q.length][];
        for (int i = 0; i < q.length; i++) {
            out[i] = dequantizeRow(q[i]);
        }
        return out;
    }

    @Override
    public final InputEncoding clientInputEncoding() {
        requireFitted("save");
        return fittedInputEncoding();
    }

    @Override
    public final OutputDecoding clientOutputDecoding() {
        requireFitted("save");
        return fittedOutputDecoding();
    }

    /**
     * Throws unless the model is fitted.
     *
     * @throws NotFittedException naming the estimator and {@code what} was asked of it
     */
    public final void requireFitted(String what) {
        if (!isFitted()) {
            throw new NotFittedException(estimator, what);
        }
    }
}
