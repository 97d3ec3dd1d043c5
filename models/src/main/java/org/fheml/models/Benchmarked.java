package org.fheml.models;

/**
 * What {@code fitBenchmark} returns: the fitted fheml estimator and the float model trained the same way on the
 * same data, the reference for its quantized predictions.
 *
 * @param <M> the estimator
 * @param <F> the float model
 */
public interface Benchmarked<M, F> {

    M model();

    F floatModel();
}
