package org.fheml.models.linear;

import org.fheml.models.FluentFheEstimator;
import org.fheml.models.QuantizedModel;
import org.fheml.quantization.NBits;

/**
 * What the linear classifiers and regressors share: their quantized state, n_bits, and the float model they were
 * quantized from.
 *
 * @param <S> the concrete estimator, returned by the fluent setters
 */
public abstract class LinearEstimatorBase<S extends LinearEstimatorBase<S>> extends FluentFheEstimator<S> {

    final LinearEstimatorState state = new LinearEstimatorState(getClass().getSimpleName());

    LinearEstimatorBase() {
    }

    @Override
    protected QuantizedModel quantizedModel() {
        return state;
    }

    /** op_inputs = op_weights = n bits (Concrete ML's semantics of an int n_bits). */
    public S setNBits(int nBits) {
        return setNBits(NBits.of(nBits));
    }

    public S setNBits(NBits nBits) {
        state.setNBits(nBits);
        return self();
    }

    public NBits nBits() {
        return state.nBits();
    }

    /** The float model this estimator was quantized from: x·W + b before any link. */
    public FloatLinearModel floatModel() {
        return state.floatModel();
    }
}
