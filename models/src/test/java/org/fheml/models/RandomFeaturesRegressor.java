package org.fheml.models;

import java.util.List;
import java.util.SplittableRandom;
import org.fheml.compilation.Exactness;
import org.fheml.core.FheMode;
import org.fheml.core.InputValidation;
import org.fheml.quantization.Activation;
import org.fheml.quantization.DenseNetworks;
import org.fheml.quantization.QuantizedModule;

/**
 * A test estimator on the quantized-op layer: a 2-layer network whose hidden layer is fixed random ReLU features
 * and whose output layer is fitted by ridge least squares, quantized post-training. It shows what a network family
 * supplies to the one pipeline: a {@link ModuleModel} and its post-processing (none here).
 */
final class RandomFeaturesRegressor extends FheEstimator implements FheRegressor {

    private static final int HIDDEN = 4;

    private final ModuleModel model = new ModuleModel("RandomFeaturesRegressor");
    private int nBits = 3;
    private QuantizedModule floatReference;

    @Override
    protected QuantizedModel quantizedModel() {
        return model;
    }

    @Override
    public RandomFeaturesRegressor setNBits(int bits) {
        this.nBits = bits;
        return this;
    }

    @Override
    public RandomFeaturesRegressor fit(double[][] X, double[] y) {
        InputValidation.checkTargets(X, y);
        SplittableRandom random = new SplittableRandom(5);
        double[][] w1 = new double[X[0].length][HIDDEN];
        for (double[] row : w1) {
            for (int k = 0; k < HIDDEN; k++) {
                row[k] = random.nextDouble(-1, 1);
            }
        }
        double[][] h = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            h[i] = new double[HIDDEN];
            for (int j = 0; j < X[i].length; j++) {
                for (int k = 0; k < HIDDEN; k++) {
                    h[i][k] += X[i][j] * w1[j][k];
                }
            }
            for (int k = 0; k < HIDDEN; k++) {
                h[i][k] = Math.max(0, h[i][k]);
            }
        }
        double[] w2 = ridge(h, y);
        double[][] out = new double[HIDDEN][1];
        for (int k = 0; k < HIDDEN; k++) {
            out[k][0] = w2[k];
        }
        List<DenseNetworks.FloatLayer> layers = List.of(
                new DenseNetworks.FloatLayer(w1, new double[HIDDEN], Activation.relu()),
                new DenseNetworks.FloatLayer(out, new double[] {w2[HIDDEN]}, null));
        QuantizedModule module = DenseNetworks.postTraining(X, layers,
                new DenseNetworks.Bits(nBits, nBits, nBits + 2, nBits), Exactness.EXACT);
        model.fitted(module);
        floatReference = module;
        return this;
    }

    /** Ridge least squares with an intercept, by Gaussian elimination on the normal equations. */
    private static double[] ridge(double[][] h, double[] y) {
        int d = h[0].length + 1;
        double[][] a = new double[d][d + 1];
        for (int i = 0; i < h.length; i++) {
            double[] row = java.util.Arrays.copyOf(h[i], d);
            row[d - 1] = 1;
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    a[p][q] += row[p] * row[q];
                }
                a[p][d] += row[p] * y[i];
            }
        }
        for (int p = 0; p < d - 1; p++) {
            a[p][p] += 1e-3 * h.length;
        }
        for (int p = 0; p < d; p++) {
            for (int r = p + 1; r < d; r++) {
                double f = a[r][p] / a[p][p];
                for (int q = p; q <= d; q++) {
                    a[r][q] -= f * a[p][q];
                }
            }
        }
        double[] w = new double[d];
        for (int p = d - 1; p >= 0; p--) {
            double s = a[p][d];
            for (int q = p + 1; q < d; q++) {
                s -= a[p][q] * w[q];
            }
            w[p] = s / a[p][p];
        }
        return w;
    }

    @Override
    public double[] predict(double[][] X, FheMode mode) {
        double[][] scores = predictScores(X, mode, "predict");
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i][0];
        }
        return out;
    }

    @Override
    public double[] floatPredict(double[][] X) {
        model.check(X, "floatPredict");
        double[] out = new double[X.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = floatReference.floatForward(X[i])[0];
        }
        return out;
    }

    @Override
    public Benchmarked<RandomFeaturesRegressor, QuantizedModule> fitBenchmark(double[][] X, double[] y) {
        fit(X, y);
        RandomFeaturesRegressor self = this;
        return new Benchmarked<>() {
            @Override
            public RandomFeaturesRegressor model() {
                return self;
            }

            @Override
            public QuantizedModule floatModel() {
                return floatReference;
            }
        };
    }

    @Override
    public RandomFeaturesRegressor setRandomSeed(long seed) {
        super.setRandomSeed(seed);
        return this;
    }

    @Override
    public RandomFeaturesRegressor setSimulateBootstrapErrors(boolean draw) {
        super.setSimulateBootstrapErrors(draw);
        return this;
    }
}
