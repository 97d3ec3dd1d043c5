package org.fheml.models.neural;

/**
 * What {@code fitBenchmark} returns: the fitted fheml network and the float network trained on the same data by
 * the same trainer, architecture, schedule and seed, without quantization, pruning or rounding.
 */
public record NeuralFitBenchmark<M>(M model, FloatNetwork floatNetwork)
        implements org.fheml.models.Benchmarked<M, FloatNetwork> {

    @Override
    public FloatNetwork floatModel() {
        return floatNetwork;
    }
}
