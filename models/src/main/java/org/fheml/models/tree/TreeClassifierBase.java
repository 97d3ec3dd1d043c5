package org.fheml.models.tree;

import org.fheml.core.ClassLabels;
import org.fheml.core.FheMode;
import org.fheml.core.ProbabilisticClassifier;
import org.fheml.models.FheClassifier;
import org.fheml.models.FittedClasses;
import org.fheml.quantization.FeatureQuantizer;

/**
 * A tree classifier on encrypted data: features quantized per feature (n_bits 6 by default) before training with
 * Smile, so that every split is an integer comparison; the trees compiled into a GEMM circuit of comparison
 * lookups; the per-tree outputs summed in the clear after decryption, unless {@link #setSumInCircuit} or
 * {@link #setArgmaxInCircuit} moves the sum, and the argmax, into the circuit.
 *
 * @param <S> the concrete estimator, returned by the fluent setters and {@code fit}
 */
public abstract class TreeClassifierBase<S extends TreeClassifierBase<S>>
        extends TreeEstimatorBase<S> implements ProbabilisticClassifier, FheClassifier {

    private int[] classes;
    private TreeEnsemble floatEnsemble;

    TreeClassifierBase(int defaultMaxDepth) {
        super(defaultMaxDepth);
    }

    /** The trees trained on X with labels 0..classCount−1, as an ensemble. */
    record Trained(TreeEnsemble ensemble) {
    }

    /** Trains on validated data whose labels are class indices 0..classCount−1. */
    abstract Trained train(double[][] X, int[] classIndices, int classCount, TreeSettings settings);

    /** How this classifier's scores become class probabilities, here and in a saved model's client. */
    abstract org.fheml.models.deploy.PostProcessing.Probabilities probabilityMap();

    /** The class probabilities of one row's scores (as computed by the ensemble): {@link #probabilityMap}'s. */
    final double[] probabilities(double[] scores) {
        return probabilityMap().of(scores);
    }

    @Override
    protected org.fheml.models.deploy.PostProcessing postProcessing() {
        return new org.fheml.models.deploy.PostProcessing.Classification(classes(),
                state.output() == EnsembleOutput.ARGMAX ? org.fheml.models.deploy.PostProcessing.Probabilities.NONE
                        : probabilityMap());
    }

    /**
     * Takes the argmax inside the circuit too, so that the client learns only the label; {@code predictProba} and
     * {@code decisionFunction} are then unavailable.
     */
    public S setArgmaxInCircuit(boolean inCircuit) {
        state.setOutput(inCircuit ? EnsembleOutput.ARGMAX : EnsembleOutput.PER_TREE);
        return self();
    }

    @Override
    public S fit(double[][] X, int[] y) {
        int[] labels = FittedClasses.of(X, y);
        int[] indices = ClassLabels.toIndices(y, labels);
        FeatureQuantizer quantizer = state.calibrate(X);
        Trained quantized = train(TreeEstimatorState.quantizedForTraining(quantizer, X), indices, labels.length,
                settings);
        Trained reference = train(X, indices, labels.length, settings);
        return fitted(quantizer, quantized.ensemble(), reference.ensemble(), labels);
    }

    /**
     * Records a fitted model: the ensemble on features quantized by {@code quantizer}, its float reference, and
     * the labels of its classes.
     */
    S fitted(FeatureQuantizer quantizer, TreeEnsemble quantized, TreeEnsemble reference, int[] labels) {
        state.fitted(quantizer, quantized);
        this.floatEnsemble = reference;
        this.classes = labels.clone();
        return self();
    }

    /** The dequantized per-class scores (one score for binary boosting), before the link. */
    public double[][] decisionFunction(double[][] X, FheMode mode) {
        return scores(X, mode, "decisionFunction");
    }

    @Override
    public int[] predict(double[][] X, FheMode mode) {
        int[] out = new int[X == null ? 0 : X.length];
        if (state.output() == EnsembleOutput.ARGMAX) {
            long[][] raw = predictIntegers(X, mode, "predict");
            for (int i = 0; i < out.length; i++) {
                out[i] = classes[(int) raw[i][0]];
            }
            return out;
        }
        double[][] scores = scores(X, mode, "predict");
        for (int i = 0; i < out.length; i++) {
            out[i] = classes[org.fheml.models.deploy.PostProcessing.predictedIndex(scores[i])];
        }
        return out;
    }

    private double[][] scores(double[][] X, FheMode mode, String what) {
        state.requireScores(what);
        return predictScores(X, mode, what);
    }

    @Override
    public double[][] predictProba(double[][] X, FheMode mode) {
        double[][] scores = scores(X, mode, "predictProba");
        double[][] out = new double[scores.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities(scores[i]);
        }
        return out;
    }

    /** Fits, and returns this estimator with the same trees trained on the float features. */
    @Override
    public TreeFitBenchmark<S, TreeEnsemble> fitBenchmark(double[][] X, int[] y) {
        fit(X, y);
        return new TreeFitBenchmark<>(self(), floatEnsemble);
    }

    /**
     * The labels of the same model trained on the float features, the reference for the quantized ones: its trees
     * summed and the sum's argmax taken as the circuit's are (a forest's soft vote, boosting's score).
     */
    @Override
    public int[] floatPredict(double[][] X) {
        state.check(X, "floatPredict");
        int[] out = new int[X.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes[org.fheml.models.deploy.PostProcessing.predictedIndex(floatEnsemble.scores(X[i]))];
        }
        return out;
    }

    /** The float reference's scores of every row, before any link. */
    double[][] floatScores(double[][] X) {
        state.check(X, "floatPredictProba");
        double[][] out = new double[X.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = floatEnsemble.scores(X[i]);
        }
        return out;
    }

    @Override
    public int[] classes() {
        return FittedClasses.copy(classes, getClass().getSimpleName());
    }

    /** The ensemble's trees and splits as the circuit sees them: for statistics and tests. */
    QuantizedEnsemble quantizedEnsemble() {
        return state.quantized();
    }

    @Override
    public boolean isFitted() {
        return state.isFitted() && classes != null;
    }
}
