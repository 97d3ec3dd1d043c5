package org.fheml.models.neighbors;

import java.util.ArrayList;
import java.util.List;
import org.fheml.core.FheMode;
import org.fheml.core.InputValidation;
import org.fheml.models.Benchmarked;
import org.fheml.models.FheRegressor;
import org.fheml.models.deploy.PostProcessing;

/**
 * k-nearest-neighbours regression on encrypted data (Concrete ML has none): the circuit selects the k nearest
 * reference points as {@link KNeighborsClassifier} does and returns the sum of their quantized targets; the client
 * divides by k. Targets are quantized on {@value #TARGET_BITS} bits over their training range. Reference points are
 * the training rows, or k-means prototypes carrying their members' mean target (16 by default).
 */
public final class KNeighborsRegressor extends KNeighborsBase<KNeighborsRegressor> implements FheRegressor {

    /** Quantized targets: 8 bits over the training range. */
    static final int TARGET_BITS = 8;

    /** Default k-means prototypes. */
    static final int PROTOTYPES = 16;

    private double[] trainingTargets;

    @Override
    public KNeighborsRegressor fit(double[][] X, double[] y) {
        InputValidation.checkTargets(X, y);
        trainingTargets = null;
        FeatureGrid grid = FeatureGrid.fit(X, nBits());
        List<Double> means = new ArrayList<>();
        int budget = nPrototypesSetting() == AUTO ? PROTOTYPES : nPrototypesSetting();
        double[][] points = reduce(grid, X, y, budget, means);
        double min = means.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = means.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        long levels = (1L << TARGET_BITS) - 1;
        double step = max > min ? (max - min) / levels : 1.0;
        long[] values = means.stream().mapToLong(t -> Math.round((t - min) / step)).toArray();
        install(grid, points, values, 1, false, new NeighborsState.Output(false, min, step, 1), X);
        trainingTargets = y.clone();
        return this;
    }

    /** Fits; the float k-NN on every training row is kept by the fit itself ({@link #floatPredict}). */
    @Override
    public Benchmarked<KNeighborsRegressor, KNeighborsRegressor> fitBenchmark(double[][] X, double[] y) {
        fit(X, y);
        KNeighborsRegressor self = this;
        return new Benchmarked<>() {
            @Override
            public KNeighborsRegressor model() {
                return self;
            }

            @Override
            public KNeighborsRegressor floatModel() {
                return self;
            }
        };
    }

    @Override
    public double[] predict(double[][] X, FheMode mode) {
        return predictValues(X, mode, "predict");
    }

    /** The decoded sum of the k targets divided by k, plus the lowest target: the mean target of the k. */
    @Override
    protected PostProcessing postProcessing() {
        requireFitted("save");
        return new PostProcessing.Regression(PostProcessing.Link.IDENTITY, state.output().targetOffset(), 1);
    }

    /** The mean target of the k nearest training rows, in floats: the reference for the quantized predictions. */
    @Override
    public double[] floatPredict(double[][] X) {
        requireFitted("floatPredict");
        state.check(X, "floatPredict");
        double[] out = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            int[] nearest = floatNeighbors(X[i]);
            double sum = 0;
            for (int r : nearest) {
                sum += trainingTargets[r];
            }
            out[i] = sum / nearest.length;
        }
        return out;
    }

    @Override
    public boolean isFitted() {
        return super.isFitted() && trainingTargets != null;
    }
}
