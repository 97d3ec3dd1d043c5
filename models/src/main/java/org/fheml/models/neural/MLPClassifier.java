package org.fheml.models.neural;

import org.fheml.core.ClassLabels;
import org.fheml.core.FheMode;
import org.fheml.core.ProbabilisticClassifier;
import org.fheml.models.FheClassifier;
import org.fheml.models.FittedClasses;
import org.fheml.models.Softmax;

/**
 * A fully connected network classifier trained with quantization-aware training and accumulator-bounded pruning,
 * the counterpart of Concrete ML's NeuralNetClassifier. The network has one output per class (two for a binary
 * task); the circuit computes the dequantizable class scores, and softmax and argmax run in the clear on the
 * client.
 *
 * <pre>{@code
 * var clf = new MLPClassifier().setHiddenLayerSizes(32).fit(X, y);
 * int[] labels = clf.predict(X);                       // the integer program, in the clear
 * System.out.println(clf.quantizedMlp().summary());    // bits, pruned weights, lookups per row
 * }</pre>
 *
 * <p>Defaults, chosen by measurement on breast cancer, wine, digits and the MNIST subset: 3-bit weights (one scale
 * per neuron), 3-bit activations, 8-bit accumulators (pruned to fit; 10 bits beyond 256 features; up to 16 features
 * 4-bit weights, activations and inputs with 10-bit accumulators, see {@code autoWeightBits}), lookups rounded to
 * 4 bits (6 beyond 256 features, 5 up to 16, see {@code autoRoundingThresholdBits}), one hidden ReLU layer of
 * {@code clamp(features / 2, 16, 128)} neurons rounded up to a multiple of 8 (wine and breast cancer 16, digits 32,
 * MNIST 128 lookups per row), 3-bit inputs up to 256 features and 2-bit inputs beyond (a first-layer
 * neuron sums more inputs within the same 8 bits: MNIST scores 92.4 % at 3 input bits, 94.5–95 % at 2), 60 epochs
 * of Adam (learning rate 0.005, batch 32, L2 1e-4), quantization-aware training, seed 42.
 *
 * <p>Every mode runs the same integer program: {@code compile(X)} lowers it into a circuit (per hidden neuron and
 * row, one lookup and the bootstraps of its exact rounding: two per chunk of up to the lookup's precision in dropped
 * bits, one per single bit), and {@link FheMode#SIMULATE} and {@link FheMode#EXECUTE} then return DISABLE's scores
 * (SIMULATE draws bootstrap errors at the circuit's p_error unless {@code setSimulateBootstrapErrors(false)}).
 */
public final class MLPClassifier extends MlpEstimatorBase<MLPClassifier> implements ProbabilisticClassifier,
        FheClassifier {

    private int[] classes;

    public MLPClassifier() {
        super(0, 0, 0, 0, -1);
    }

    /**
     * 4-bit lookups up to 256 features, 6 beyond, 5 up to {@value #SMALL_INPUT} features. Measured (DISABLE, mean over
     * 5 splits, 8-bit accumulators): breast cancer 98.42 % at 4 bits, 98.25 % at 6; digits 96.06 % at 4, 96.61 % at 6
     * (float 97.50 %). 4-bit lookups compile to N = 1024 bootstraps (optimizer cost 116) against N = 4096 at 6 bits
     * (cost 448): with the two extra exact-rounding bootstraps per neuron, a row costs 2.3 times less. On MNIST 4 bits
     * lose 1.1 points (93.05 % against 94.15 %), so 784 features keep 6. Up to {@value #SMALL_INPUT} features the
     * activations are 4 bits, which a 4-bit ReLU lookup (3 bits above zero) cannot carry: 5 bits score higher on every
     * measured seed (mean over 5 splits at training seeds 42, 7, 3: wine 98.33, 97.78, 97.78 % against 97.78, 96.11,
     * 97.22 % at 4 bits, float 99.44, 97.22, 98.33 %; iris 86.00, 86.67, 90.00 % against 76.67, 84.67, 84.67 %), and
     * the 10-bit accumulators then drop 5 bits in one chunk: 48 bootstraps per row instead of 80 at N = 2048 (optimizer
     * cost 163 each against 117 at N = 1024: 7,847 per row against 9,333).
     */
    @Override
    int autoRoundingThresholdBits(int features) {
        return features > 256 ? 6 : features <= SMALL_INPUT ? 5 : 4;
    }

    /**
     * 8 bits up to 256 features, 10 beyond. Measured on the MNIST subset (seed 42): 94.15 % at 8 bits, 95.65 % at
     * 10, both rounded to 6-bit lookups. Exact rounding clears its dropped bits in chunks of the lookup precision,
     * two bootstraps per chunk, so the wider accumulator costs no bootstrap more per neuron (4 dropped bits: one
     * chunk, against 2 dropped bits: two single-bit bootstraps).
     */
    @Override
    int autoAccumulatorBits(int features) {
        return features > 256 || features <= SMALL_INPUT ? 10 : 8;
    }

    /**
     * Up to {@value #SMALL_INPUT} features, 4-bit weights, activations and inputs (with 10-bit accumulators);
     * 3 bits beyond. Measured on wine (13 features, mean over 5 splits, three training seeds): 4 bits within 1.7,
     * 1.7 and 1.1 points of the float network, 3 bits 2.8, 2.2 and 2.2 points; on breast cancer (30 features) 3
     * bits stay better (0.0 against 1.2 points).
     */
    @Override
    int autoWeightBits(int features) {
        return features <= SMALL_INPUT ? 4 : 3;
    }

    @Override
    int autoActivationBits(int features) {
        return features <= SMALL_INPUT ? 4 : 3;
    }

    /** The widest input that gets 4-bit weights, activations and inputs by default. */
    static final int SMALL_INPUT = 16;

    @Override
    int autoInputBits(int features) {
        return features > 256 ? 2 : features <= SMALL_INPUT ? 4 : 3;
    }

    @Override
    int[] autoHiddenLayerSizes(int features) {
        int half = Math.max(16, Math.min(128, (features + 1) / 2));
        return new int[] {(half + 7) / 8 * 8};
    }

    @Override
    public MLPClassifier fit(double[][] X, int[] y) {
        int[] labels = FittedClasses.of(X, y);
        classes = null;
        train(X, new Targets.Classes(ClassLabels.toIndices(y, labels), labels.length));
        classes = labels;
        return this;
    }

    /** Fits, then trains the float benchmark on the same data; returns both. */
    @Override
    public NeuralFitBenchmark<MLPClassifier> fitBenchmark(double[][] X, int[] y) {
        fit(X, y);
        return new NeuralFitBenchmark<>(this, trainFloat(X, new Targets.Classes(ClassLabels.toIndices(y, classes),
                classes.length)));
    }

    /** The dequantized class scores (logits), one column per entry of {@link #classes()}. */
    public double[][] decisionFunction(double[][] X, FheMode mode) {
        return programOutputs(X, mode, "decisionFunction");
    }

    public double[][] decisionFunction(double[][] X) {
        return decisionFunction(X, FheMode.DISABLE);
    }

    @Override
    public int[] predict(double[][] X, FheMode mode) {
        return labelsOf(programOutputs(X, mode, "predict"));
    }

    @Override
    public double[][] predictProba(double[][] X, FheMode mode) {
        return softmax(programOutputs(X, mode, "predictProba"));
    }

    /** The float network's labels: the reference for the quantized ones (see {@link #floatNetwork()}). */
    @Override
    public int[] floatPredict(double[][] X) {
        requireFitted("floatPredict");
        return labelsOf(floatOutputs(X));
    }

    /** The float network's class probabilities. */
    public double[][] floatPredictProba(double[][] X) {
        requireFitted("floatPredictProba");
        return softmax(floatOutputs(X));
    }

    private static double[][] softmax(double[][] scores) {
        double[][] p = new double[scores.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = Softmax.of(scores[i]);
        }
        return p;
    }

    private int[] labelsOf(double[][] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int c = 1; c < scores[i].length; c++) {
                if (scores[i][c] > scores[i][best]) {
                    best = c;
                }
            }
            out[i] = classes[best];
        }
        return out;
    }

    /** Labels by argmax, probabilities by softmax, as {@link #predict} and {@link #predictProba}. */
    @Override
    protected org.fheml.models.deploy.PostProcessing postProcessing() {
        return new org.fheml.models.deploy.PostProcessing.Classification(classes(),
                org.fheml.models.deploy.PostProcessing.Probabilities.LOGISTIC);
    }

    @Override
    public int[] classes() {
        return FittedClasses.copy(classes, getClass().getSimpleName());
    }

    @Override
    public boolean isFitted() {
        return super.isFitted() && classes != null;
    }
}
