package org.fheml.models;

import org.fheml.core.Classifier;

/**
 * A classifier on encrypted data, whatever its family: what tools (the CLI's bench and demo) call without
 * knowing whether it is linear, a tree ensemble or a network.
 */
public interface FheClassifier extends Classifier, FhePredictor<FheClassifier> {

    @Override
    FheClassifier fit(double[][] X, int[] y);

    /** The labels of the float model trained the same way: the reference for the quantized ones. */
    int[] floatPredict(double[][] X);

    /** Fits, and returns this estimator with the float model trained the same way. */
    Benchmarked<? extends FheClassifier, ?> fitBenchmark(double[][] X, int[] y);
}
