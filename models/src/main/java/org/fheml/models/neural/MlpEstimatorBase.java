package org.fheml.models.neural;

import org.fheml.compilation.Exactness;
import org.fheml.core.FheMode;
import org.fheml.core.InputValidation;
import org.fheml.core.NotFittedException;
import org.fheml.models.FheEstimator;
import org.fheml.models.FluentFheEstimator;
import org.fheml.models.QuantizedModel;
import org.fheml.quantization.QuantizedModule;

/**
 * What {@link MLPClassifier} and {@link MLPRegressor} share: the hyperparameters (fluent setters; each estimator
 * sets defaults chosen by measurement), training, and the fitted integer program.
 *
 * <p>Every prediction goes through the one predict pipeline of {@link FheEstimator}: the fitted
 * {@link QuantizedMlp} is lowered onto the shared quantized-op layer ({@link #quantizedModule()}), whose exact
 * integer evaluation is {@link FheMode#DISABLE} and whose circuit runs {@link FheMode#SIMULATE} and
 * {@link FheMode#EXECUTE}; both compute the integers of {@link QuantizedMlp#evaluate} bit for bit.
 *
 * @param <S> the concrete estimator, returned by the setters
 */
public abstract class MlpEstimatorBase<S extends MlpEstimatorBase<S>> extends FluentFheEstimator<S> {

    static final int DEFAULT_EPOCHS = 60;
    /**
     * Each feature's input range spans its 3 % to 97 % quantiles on the training data: with 2 to 3 input bits, a
     * min-max range spends the few levels on outliers (breast cancer at 3 input bits: 97.2 % instead of 96.5 %).
     */
    static final double INPUT_TAIL = 0.03;

    /** null: one hidden layer sized from the feature count by {@link #autoHiddenLayerSizes(int)}. */
    private int[] hiddenLayerSizes;
    private Activation activation = Activation.RELU;
    private int nWeightBits;
    private int nActivationBits;
    private int nInputBits;
    private int nAccumulatorBits;
    private int roundingThresholdBits;
    private int epochs = DEFAULT_EPOCHS;
    private int batchSize = 32;
    private double learningRate = 0.005;
    private double l2 = 1e-4;
    private long seed = 42;
    private TrainingMode trainingMode = TrainingMode.QAT;
    private WeightScaling weightScaling = WeightScaling.PER_NEURON;
    private Exactness roundingExactness = Exactness.EXACT;
    private final MlpModel model = new MlpModel(getClass().getSimpleName());

    /** The fitted integer program, or null before fit. */
    QuantizedMlp program;
    /** The QAT (or post-training quantized) training state behind {@link #program}, for tests. */
    NetworkState trainedState;
    MlpSettings fittedSettings;
    /** The float network: the benchmark after fitBenchmark, or the network post-training quantization started from. */
    FloatNetwork floatNetwork;
    /** The data of the last fit, kept (not copied) until the float network is trained from it on first use. */
    private double[][] fitFeatures;
    private Targets fitTargets;

    MlpEstimatorBase(int nWeightBits, int nActivationBits, int nInputBits, int nAccumulatorBits,
            int roundingThresholdBits) {
        this.nWeightBits = nWeightBits;
        this.nActivationBits = nActivationBits;
        this.nInputBits = nInputBits;
        this.nAccumulatorBits = nAccumulatorBits;
        this.roundingThresholdBits = roundingThresholdBits;
    }

    /** The hidden layers used when none were set, for data with this many features. */
    abstract int[] autoHiddenLayerSizes(int features);

    /** The input width used when none was set (nInputBits 0), for data with this many features. */
    abstract int autoInputBits(int features);

    /**
     * The accumulator width used when none was set (nAccumulatorBits 0), for data with this many features; at least
     * 2·max(weight, activation bits) + 2, so that every width can be trained.
     */
    int autoAccumulatorBits(int features) {
        return 8;
    }

    /** The weight width used when none was set (nWeightBits 0), for data with this many features. */
    int autoWeightBits(int features) {
        return 3;
    }

    /** The activation width used when none was set (nActivationBits 0), for data with this many features. */
    int autoActivationBits(int features) {
        return 3;
    }

    /** The lookup precision used when none was set, for data with this many features. */
    abstract int autoRoundingThresholdBits(int features);

    @Override
    protected QuantizedModel quantizedModel() {
        return model;
    }

    /**
     * Neurons per hidden layer; each hidden neuron costs one lookup (bootstrap) per row. By default the estimator
     * sizes one hidden layer from the feature count (see the estimator's class comment).
     */
    public S setHiddenLayerSizes(int... sizes) {
        this.hiddenLayerSizes = sizes.clone();
        return self();
    }

    public S setActivation(Activation activation) {
        this.activation = java.util.Objects.requireNonNull(activation, "activation");
        return self();
    }

    /** Signed symmetric weights of this width; 0 lets the estimator choose from the feature count. */
    public S setNWeightBits(int bits) {
        this.nWeightBits = bits;
        return self();
    }

    /** Hidden activations (the lookups' outputs) of this width; 0 lets the estimator choose from the feature count. */
    public S setNActivationBits(int bits) {
        this.nActivationBits = bits;
        return self();
    }

    /**
     * Inputs of this width, after each feature is scaled to [0, 1] on its training range; 0 lets the estimator
     * choose from the feature count (see its class comment).
     */
    public S setNInputBits(int bits) {
        this.nInputBits = bits;
        return self();
    }

    /**
     * The signed width every neuron's worst-case accumulator is pruned to fit; 0 lets the estimator choose from the
     * feature count (see its class comment).
     */
    public S setNAccumulatorBits(int bits) {
        this.nAccumulatorBits = bits;
        return self();
    }

    /**
     * The precision of each activation lookup: the accumulator's low bits beyond it are rounded off first
     * (Concrete ML's rounding_threshold_bits). 0 keeps whole accumulators; by default the estimator chooses from
     * the feature count (see its class comment).
     */
    public S setRoundingThresholdBits(int bits) {
        this.roundingThresholdBits = bits;
        return self();
    }

    /**
     * Sets the weight and activation widths to {@code nBits} together (what {@code fheml bench --bits} sweeps), and
     * widens the accumulators to at least {@code 2·nBits + 2} bits so that every width can be trained (one weight
     * times one input must fit); the input width keeps its setting.
     */
    public S setNBits(int nBits) {
        if (nAccumulatorBits != 0) {
            this.nAccumulatorBits = Math.max(nAccumulatorBits, 2 * nBits + 2);
        }
        return setNWeightBits(nBits).setNActivationBits(nBits);
    }

    /**
     * How the circuit rounds accumulators before each activation lookup. {@link Exactness#EXACT} (default) clears
     * the dropped bits with two bootstraps per chunk of up to the lookup precision (one per single bit), and EXECUTE
     * then computes the clear program's integers.
     * {@link Exactness#APPROXIMATE} costs no bootstrap of its own (the lookup's bootstrap absorbs it; the
     * accumulator is computed as 2·acc + 1 so that no value lies exactly halfway, see {@code MlpModule}), but the
     * bootstrap's modulus switch decides accumulators within a few units of a rounding boundary by noise: measured
     * on diabetes (12-bit accumulators rounded to 6), EXECUTE then leaves DISABLE's predictions. Takes effect at the
     * next fit.
     */
    public S setRoundingExactness(Exactness exactness) {
        this.roundingExactness = java.util.Objects.requireNonNull(exactness, "exactness");
        return self();
    }

    public S setEpochs(int epochs) {
        this.epochs = epochs;
        return self();
    }

    public S setBatchSize(int batchSize) {
        this.batchSize = batchSize;
        return self();
    }

    /** Adam's step size. Default 0.005. */
    public S setLearningRate(double learningRate) {
        this.learningRate = learningRate;
        return self();
    }

    /** The L2 penalty on the weights. Default 1e-4. */
    public S setL2(double l2) {
        this.l2 = l2;
        return self();
    }

    /** Seeds initialisation and shuffling: the same seed and data give the same network. Default 42. */
    public S setSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /** QAT (default) or post-training quantization of a float network. */
    public S setTrainingMode(TrainingMode mode) {
        this.trainingMode = java.util.Objects.requireNonNull(mode, "mode");
        return self();
    }

    /** One weight scale per neuron (default) or per layer. */
    public S setWeightScaling(WeightScaling scaling) {
        this.weightScaling = java.util.Objects.requireNonNull(scaling, "scaling");
        return self();
    }

    /**
     * The settings of the last fit, with the hidden layer sizes it resolved.
     *
     * @throws NotFittedException before fit
     */
    public MlpSettings settings() {
        requireFitted("settings");
        return fittedSettings;
    }

    /**
     * The settings a fit on data with this many features uses.
     *
     * @throws IllegalArgumentException if a setting is out of range, or the bit widths cannot fit one weight times
     *                                  one input in the accumulator; the message says which and what to change
     */
    public MlpSettings settingsFor(int features) {
        int[] hidden = hiddenLayerSizes != null ? hiddenLayerSizes : autoHiddenLayerSizes(features);
        int inputBits = nInputBits != 0 ? nInputBits : autoInputBits(features);
        int rounding = roundingThresholdBits >= 0 ? roundingThresholdBits : autoRoundingThresholdBits(features);
        int weightBits = nWeightBits != 0 ? nWeightBits : autoWeightBits(features);
        int activationBits = nActivationBits != 0 ? nActivationBits : autoActivationBits(features);
        int accumulatorBits = nAccumulatorBits != 0 ? nAccumulatorBits
                : Math.max(autoAccumulatorBits(features), 2 * Math.max(weightBits, activationBits) + 2);
        return new MlpSettings(hidden, activation, weightBits, activationBits, inputBits, accumulatorBits,
                rounding, epochs, batchSize, learningRate, l2, seed, trainingMode, weightScaling);
    }

    /** Trains the quantized network on validated data and stores it, forgetting any earlier fit. */
    final void train(double[][] X, Targets targets) {
        MlpSettings settings = settingsFor(X[0].length);
        FeatureScaling scaling = FeatureScaling.fromData(X, INPUT_TAIL);
        MlpTrainer trainer = new MlpTrainer(settings, true);
        NetworkState state = trainer.train(scaling.scale(X), targets);
        this.program = NetworkExport.export(state, settings, scaling);
        model.fitted(program, roundingExactness);
        this.trainedState = state;
        this.fittedSettings = settings;
        this.floatNetwork = trainer.floatState() == null ? null : new FloatNetwork(scaling, trainer.floatState());
        this.fitFeatures = floatNetwork == null ? X : null;
        this.fitTargets = floatNetwork == null ? targets : null;
    }

    /** Trains the float benchmark on the same data, with the settings of the last fit. */
    final FloatNetwork trainFloat(double[][] X, Targets targets) {
        FeatureScaling scaling = program.scaling();
        NetworkState state = new MlpTrainer(fittedSettings, false).train(scaling.scale(X), targets);
        this.floatNetwork = new FloatNetwork(scaling, state);
        this.fitFeatures = null;
        this.fitTargets = null;
        return floatNetwork;
    }

    /**
     * The integer program the fitted network is: weights, biases, quantizers, roundings and lookup tables.
     *
     * @throws NotFittedException before fit
     */
    public QuantizedMlp quantizedMlp() {
        requireFitted("quantizedMlp");
        return program;
    }

    /**
     * The fitted program on the shared quantized-op layer: Gemm, rounding and per-neuron table lookups, the module
     * that {@code compile} turns into a circuit.
     *
     * @throws NotFittedException before fit
     */
    public QuantizedModule quantizedModule() {
        requireFitted("quantizedModule");
        return model.module();
    }

    /** Weights removed by pruning to keep accumulators within nAccumulatorBits. */
    public int prunedWeights() {
        return quantizedMlp().prunedWeights();
    }

    /**
     * The float network: the benchmark trained the same way without quantization (by {@code fitBenchmark}, or, after
     * a QAT fit, on first use from the data of that fit: the same network, since training is seeded); after a
     * post-training-quantization fit, the network that was quantized.
     *
     * @throws NotFittedException before fit
     */
    public FloatNetwork floatNetwork() {
        requireFitted("floatNetwork");
        if (floatNetwork == null) {
            trainFloat(fitFeatures, fitTargets);
        }
        return floatNetwork;
    }

    @Override
    public boolean isFitted() {
        return program != null;
    }

    @Override
    public int featureCount() {
        requireFitted("featureCount");
        return program.featureCount();
    }

    /** The dequantized outputs of the integer program for every row, after validation, in the given mode. */
    final double[][] programOutputs(double[][] X, FheMode mode, String what) {
        requireFitted(what);
        return predictScores(X, mode, what);
    }

    /** The float network's outputs for every row, after validation. */
    final double[][] floatOutputs(double[][] X) {
        FloatNetwork network = floatNetwork();
        InputValidation.checkFeatures(X, program.featureCount());
        return network.predict(X);
    }
}
