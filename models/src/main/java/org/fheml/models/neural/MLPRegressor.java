package org.fheml.models.neural;

import org.fheml.core.FheMode;
import org.fheml.core.InputValidation;
import org.fheml.core.Regressor;
import org.fheml.models.FheRegressor;

/**
 * A fully connected network regressor trained with quantization-aware training and accumulator-bounded pruning,
 * the counterpart of Concrete ML's NeuralNetRegressor: hidden layers as in {@link MLPClassifier}, one linear output
 * trained on the standardized target with squared error. The circuit computes the output accumulator; the client
 * dequantizes it and undoes the standardization.
 *
 * <p>Defaults, chosen by measurement on diabetes: one hidden ReLU layer of 32 neurons, 4-bit weights, activations and
 * inputs, 12-bit accumulators, lookups rounded to 6 bits, 60 epochs. A regression target is far less forgiving than
 * an argmax: at the classifier's 3 bits each of weights, activations and inputs alone cost 0.02–0.03 of R² on
 * diabetes, and 4 bits do not fit 8-bit accumulators (7 · 15 = 105 per weight), hence the wider accumulators.
 *
 * <p>Every mode runs the same integer program (see {@link MLPClassifier}); compile first for SIMULATE and EXECUTE.
 */
public final class MLPRegressor extends MlpEstimatorBase<MLPRegressor> implements Regressor, FheRegressor {

    public MLPRegressor() {
        super(4, 4, 4, 12, 6);
    }

    @Override
    int[] autoHiddenLayerSizes(int features) {
        return new int[] {32};
    }

    @Override
    int autoInputBits(int features) {
        return 4;
    }

    @Override
    int autoRoundingThresholdBits(int features) {
        return 6;
    }

    private double targetMean;
    private double targetScale = 1;

    @Override
    public MLPRegressor fit(double[][] X, double[] y) {
        InputValidation.checkTargets(X, y);
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double variance = 0;
        for (double v : y) {
            variance += (v - mean) * (v - mean) / y.length;
        }
        targetMean = mean;
        targetScale = variance > 0 ? Math.sqrt(variance) : 1;
        train(X, standardized(y));
        return this;
    }

    /** Fits, then trains the float benchmark on the same data; returns both. */
    @Override
    public NeuralFitBenchmark<MLPRegressor> fitBenchmark(double[][] X, double[] y) {
        fit(X, y);
        return new NeuralFitBenchmark<>(this, trainFloat(X, standardized(y)));
    }

    private Targets.Values standardized(double[] y) {
        double[] z = new double[y.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (y[i] - targetMean) / targetScale;
        }
        return new Targets.Values(z);
    }

    @Override
    public double[] predict(double[][] X, FheMode mode) {
        return unstandardized(programOutputs(X, mode, "predict"));
    }

    /** The float network's predictions: the reference for the quantized ones (see {@link #floatNetwork()}). */
    @Override
    public double[] floatPredict(double[][] X) {
        requireFitted("floatPredict");
        return unstandardized(floatOutputs(X));
    }

    /** The network's output un-standardized, as {@link #predict}. */
    @Override
    protected org.fheml.models.deploy.PostProcessing postProcessing() {
        requireFitted("save");
        return new org.fheml.models.deploy.PostProcessing.Regression(
                org.fheml.models.deploy.PostProcessing.Link.IDENTITY, targetMean, targetScale);
    }

    private double[] unstandardized(double[][] outputs) {
        double[] y = new double[outputs.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = targetMean + targetScale * outputs[i][0];
        }
        return y;
    }
}
