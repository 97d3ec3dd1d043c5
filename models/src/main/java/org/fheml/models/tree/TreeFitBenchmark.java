package org.fheml.models.tree;

import org.fheml.models.Benchmarked;

/**
 * What a tree model's {@code fitBenchmark} returns: the fitted estimator and the same trees trained on the float
 * (unquantized) features.
 */
public record TreeFitBenchmark<M, F>(M model, F floatModel) implements Benchmarked<M, F> {
}
