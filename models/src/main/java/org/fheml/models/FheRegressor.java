package org.fheml.models;

import org.fheml.core.Regressor;

/**
 * A regressor on encrypted data, whatever its family: what tools (the CLI's bench and demo) call without knowing
 * whether it is linear, a tree ensemble or a network.
 */
public interface FheRegressor extends Regressor, FhePredictor<FheRegressor> {

    @Override
    FheRegressor fit(double[][] X, double[] y);

    /** The predictions of the float model trained the same way: the reference for the quantized ones. */
    double[] floatPredict(double[][] X);

    /** Fits, and returns this estimator with the float model trained the same way. */
    Benchmarked<? extends FheRegressor, ?> fitBenchmark(double[][] X, double[] y);
}
