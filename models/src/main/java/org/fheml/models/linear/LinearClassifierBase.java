package org.fheml.models.linear;

import org.fheml.core.ClassLabels;
import org.fheml.core.FheMode;
import org.fheml.models.FheClassifier;
import org.fheml.models.FittedClasses;
import org.fheml.models.deploy.PostProcessing;

/**
 * A linear classifier: trained in the clear, quantized (n_bits 8 by default), compiled into a circuit without
 * bootstraps, and run in every {@link FheMode}. A binary model has one score (positive means the second class);
 * a model of k classes has k scores and predicts the largest. Thresholds and argmax run in the clear.
 *
 * @param <S> the concrete estimator, returned by the fluent setters and {@code fit}
 */
public abstract class LinearClassifierBase<S extends LinearClassifierBase<S>>
        extends LinearEstimatorBase<S> implements FheClassifier {

    private int[] classes;

    /**
     * Trains the float model on validated data with labels already mapped to class indices 0..classCount−1. It
     * returns one output for two classes, else one output per class.
     */
    protected abstract FloatLinearModel train(double[][] X, int[] classIndices, int classCount);

    @Override
    public S fit(double[][] X, int[] y) {
        int[] labels = FittedClasses.of(X, y);
        FloatLinearModel model = train(X, ClassLabels.toIndices(y, labels), labels.length);
        state.fitted(model, X);
        this.classes = labels;
        return self();
    }

    /** Fits, and returns this estimator with the float model it was quantized from. */
    @Override
    public FitBenchmark<S> fitBenchmark(double[][] X, int[] y) {
        fit(X, y);
        return new FitBenchmark<>(self(), state.floatModel());
    }

    /** The dequantized scores: n × 1 for two classes (positive favours the second), n × k otherwise. */
    public double[][] decisionFunction(double[][] X, FheMode mode) {
        return predictScores(X, mode, "decisionFunction");
    }

    public double[][] decisionFunction(double[][] X) {
        return decisionFunction(X, FheMode.DISABLE);
    }

    @Override
    public int[] predict(double[][] X, FheMode mode) {
        return labelsOf(predictScores(X, mode, "predict"));
    }

    /** The float model's labels, the reference for the quantized ones. */
    @Override
    public int[] floatPredict(double[][] X) {
        return labelsOf(state.floatScores(X));
    }

    /** The float model's scores. */
    protected double[][] floatScores(double[][] X) {
        return state.floatScores(X);
    }

    private int[] labelsOf(double[][] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes[PostProcessing.predictedIndex(scores[i])];
        }
        return out;
    }

    /** How this classifier's scores become probabilities in a saved model: none, unless it gives them. */
    protected PostProcessing.Probabilities probabilityMap() {
        return PostProcessing.Probabilities.NONE;
    }

    @Override
    protected PostProcessing postProcessing() {
        return new PostProcessing.Classification(classes(), probabilityMap());
    }

    @Override
    public int[] classes() {
        return FittedClasses.copy(classes, getClass().getSimpleName());
    }

    @Override
    public boolean isFitted() {
        return state.isFitted() && classes != null;
    }
}
