package org.fheml.models;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.Classifier;

/**
 * A classifier on encrypted data, whatever its family: what tools (the CLI's bench and demo) call without
 * knowing whether it is linear, a tree ensemble or a network.
 */
public interface FheClassifier extends Classifier {

    @Override
    FheClassifier fit(double[][] X, int[] y);

    /** Quantization width with Concrete ML's semantics of an int n_bits for the family. */
    FheClassifier setNBits(int nBits);

    Circuit compile(double[][] X);

    Circuit compile(double[][] X, CompileOptions options);

    Circuit fheCircuit();

    /** The labels of the float model trained the same way: the reference for the quantized ones. */
    int[] floatPredict(double[][] X);

    /** Fits, and returns this estimator with the float model trained the same way. */
    Benchmarked<? extends FheClassifier, ?> fitBenchmark(double[][] X, int[] y);

    /** See {@link FheEstimator#setRandomSeed}. */
    FheClassifier setRandomSeed(long seed);

    /** See {@link FheEstimator#setSimulateBootstrapErrors}. */
    FheClassifier setSimulateBootstrapErrors(boolean draw);
}
