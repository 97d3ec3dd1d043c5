package org.fheml.models;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;

/**
 * What {@link FheClassifier} and {@link FheRegressor} share, whatever the family: the quantization width, compiling
 * into a circuit, and the settings of simulation, each setter returning the task's own interface.
 *
 * @param <S> the task's interface ({@link FheClassifier} or {@link FheRegressor}), returned by the setters
 */
public interface FhePredictor<S extends FhePredictor<S>> {

    /** Quantization width with Concrete ML's semantics of an int n_bits for the family. */
    S setNBits(int nBits);

    Circuit compile(double[][] X);

    Circuit compile(double[][] X, CompileOptions options);

    Circuit fheCircuit();

    /** See {@link FheEstimator#setRandomSeed}. */
    S setRandomSeed(long seed);

    /** See {@link FheEstimator#setSimulateBootstrapErrors}. */
    S setSimulateBootstrapErrors(boolean draw);
}
