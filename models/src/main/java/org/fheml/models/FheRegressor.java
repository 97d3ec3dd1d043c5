package org.fheml.models;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.Regressor;

/**
 * A regressor on encrypted data, whatever its family: what tools (the CLI's bench and demo) call without knowing
 * whether it is linear, a tree ensemble or a network.
 */
public interface FheRegressor extends Regressor {

    @Override
    FheRegressor fit(double[][] X, double[] y);

    /** Quantization width with Concrete ML's semantics of an int n_bits for the family. */
    FheRegressor setNBits(int nBits);

    Circuit compile(double[][] X);

    Circuit compile(double[][] X, CompileOptions options);

    Circuit fheCircuit();

    /** The predictions of the float model trained the same way: the reference for the quantized ones. */
    double[] floatPredict(double[][] X);

    /** Fits, and returns this estimator with the float model trained the same way. */
    Benchmarked<? extends FheRegressor, ?> fitBenchmark(double[][] X, double[] y);

    /** See {@link FheEstimator#setRandomSeed}. */
    FheRegressor setRandomSeed(long seed);

    /** See {@link FheEstimator#setSimulateBootstrapErrors}. */
    FheRegressor setSimulateBootstrapErrors(boolean draw);
}
