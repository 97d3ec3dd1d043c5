package org.fheml.models.linear;

/** What {@code fitBenchmark} returns: the fitted fheml estimator and the float model it was quantized from. */
public record FitBenchmark<M>(M model, FloatLinearModel floatModel)
        implements org.fheml.models.Benchmarked<M, FloatLinearModel> {
}
