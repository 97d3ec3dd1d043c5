package org.fheml.models.linear;

import java.util.ArrayList;
import java.util.List;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.FheMode;
import org.fheml.core.NotFittedException;

/**
 * A linear classifier trained by stochastic gradient descent, as scikit-learn's {@code SGDClassifier}, with
 * inference on the linear models' circuit in every mode; one-vs-rest beyond two classes.
 *
 * <p>In the clear (the default): losses hinge (default), log loss and modified Huber, penalties l2 (default), l1
 * and elasticnet, the learning rates OPTIMAL (default), CONSTANT, INVSCALING and ADAPTIVE (eta0, powerT 0.5), and
 * scikit-learn's stopping rule, on standardized features (as behind a StandardScaler), mapped back to raw ones.
 *
 * <p>On encrypted data, after {@code setFitEncrypted(true)}: logistic regression (one-vs-rest beyond two classes:
 * one encrypted training per class), trained by
 * {@link #fit(double[][], int[], FheMode)} for {@code maxIter} epochs of batches of {@code batchSize} rows (8).
 * Both the data and the weights are encrypted, as in Concrete ML: the server runs each iteration's circuit on
 * encrypted batches and encrypted weights, and only the data owner, who holds the key, decrypts the result. The
 * data owner first standardizes its rows, projects them on their first {@code encryptedComponents} principal
 * components (8 by default: every feature costs two encrypted products per row, each two 5-bit bootstraps) and
 * quantizes them to 3 bits; DISABLE runs the training's integer program in the clear, SIMULATE its circuit on plain
 * integers, EXECUTE on ciphertexts, and all three give the same weights barring bootstrap failures. The loss,
 * penalty and learning-rate settings do not apply there: the step is the log loss's, learning rate 1, no penalty.
 */
public final class SGDClassifier extends LinearClassifierBase<SGDClassifier> {

    /** The loss, as scikit-learn's {@code loss}. */
    public enum Loss {
        HINGE, LOG_LOSS, MODIFIED_HUBER;

        SgdObjective objective() {
            return switch (this) {
                case HINGE -> SgdObjective.HINGE;
                case LOG_LOSS -> SgdObjective.LOG_LOSS;
                case MODIFIED_HUBER -> SgdObjective.MODIFIED_HUBER;
            };
        }
    }

    private Loss loss = Loss.HINGE;
    private final SgdHyperparameters hyper = new SgdHyperparameters(SgdLearningRate.OPTIMAL, 0.0, 0.5);
    private boolean fitEncrypted;
    private int batchSize = 8;
    private int encryptedComponents = 8;
    private CompileOptions trainingOptions = CompileOptions.defaults();
    private FheMode trainingMode = FheMode.DISABLE;
    private EncryptedTrainingHistory history;

    public SGDClassifier setLoss(Loss loss) {
        this.loss = java.util.Objects.requireNonNull(loss, "loss");
        return this;
    }

    public SGDClassifier setPenalty(SgdPenalty penalty) {
        hyper.penalty(penalty);
        return this;
    }

    /** The penalty's strength (default 1e−4). */
    public SGDClassifier setAlpha(double alpha) {
        hyper.alpha(alpha);
        return this;
    }

    /** The elastic net's L1 share (default 0.15). */
    public SGDClassifier setL1Ratio(double l1Ratio) {
        hyper.l1Ratio(l1Ratio);
        return this;
    }

    public SGDClassifier setLearningRate(SgdLearningRate learningRate) {
        hyper.learningRate(learningRate);
        return this;
    }

    public SGDClassifier setEta0(double eta0) {
        hyper.eta0(eta0);
        return this;
    }

    public SGDClassifier setPowerT(double powerT) {
        hyper.powerT(powerT);
        return this;
    }

    /** The most epochs (default 1000); with {@code fitEncrypted}, the number of epochs. */
    public SGDClassifier setMaxIter(int maxIter) {
        hyper.maxIter(maxIter);
        return this;
    }

    /** The stopping rule's tolerance (default 1e−3); NaN runs every epoch. */
    public SGDClassifier setTol(double tol) {
        hyper.tol(tol);
        return this;
    }

    public SGDClassifier setNIterNoChange(int epochs) {
        hyper.nIterNoChange(epochs);
        return this;
    }

    public SGDClassifier setShuffle(boolean shuffle) {
        hyper.shuffle = shuffle;
        return this;
    }

    /** The seed of the sample order: fits with one seed are identical (default 42). */
    public SGDClassifier setSeed(long seed) {
        hyper.seed = seed;
        return this;
    }

    /** Trains on encrypted data (logistic regression, one-vs-rest beyond two classes) instead of in the clear. */
    public SGDClassifier setFitEncrypted(boolean fitEncrypted) {
        this.fitEncrypted = fitEncrypted;
        return this;
    }

    /** Rows per encrypted iteration (default 8). */
    public SGDClassifier setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize + ".");
        }
        this.batchSize = batchSize;
        return this;
    }

    /** Principal components the data owner keeps before encrypting (default 8, at most the feature count). */
    public SGDClassifier setEncryptedComponents(int components) {
        if (components < 1) {
            throw new IllegalArgumentException("encryptedComponents must be at least 1, got " + components + ".");
        }
        this.encryptedComponents = components;
        return this;
    }

    /** The compile options of the training circuit (p_error, threads). */
    public SGDClassifier setTrainingOptions(CompileOptions options) {
        this.trainingOptions = java.util.Objects.requireNonNull(options, "options");
        return this;
    }

    public boolean fitEncrypted() {
        return fitEncrypted;
    }

    /** Fits in the clear, or with {@code fitEncrypted}, trains on encrypted data in DISABLE mode. */
    @Override
    public SGDClassifier fit(double[][] X, int[] y) {
        return fit(X, y, FheMode.DISABLE);
    }

    /**
     * With {@code fitEncrypted}: trains in the given mode (DISABLE: the integer program in the clear; SIMULATE: its
     * circuit on plain integers; EXECUTE: encrypted). Without it, only DISABLE, which trains in the clear.
     */
    public SGDClassifier fit(double[][] X, int[] y, FheMode mode) {
        java.util.Objects.requireNonNull(mode, "mode");
        if (!fitEncrypted && mode != FheMode.DISABLE) {
            throw new IllegalStateException("fit in " + mode + " trains on encrypted data: call setFitEncrypted(true) "
                    + "first.");
        }
        trainingMode = mode;
        history = null;
        try {
            return super.fit(X, y);
        } finally {
            trainingMode = FheMode.DISABLE;
        }
    }

    /** What the last encrypted fit recorded: the model after each epoch, and its timings. */
    public EncryptedTrainingHistory encryptedTrainingHistory() {
        if (history == null) {
            throw new NotFittedException(getClass().getSimpleName(), "encryptedTrainingHistory (fit with "
                    + "setFitEncrypted(true))");
        }
        return history;
    }

    /**
     * The labels predicted in the clear by the model decrypted after epoch {@code epoch} (1 to the number of epochs)
     * of the last encrypted fit: the points of a learning curve.
     */
    public int[] predictAfterEpoch(int epoch, double[][] X) {
        java.util.List<FloatLinearModel> models = encryptedTrainingHistory().epochModels();
        if (epoch < 1 || epoch > models.size()) {
            throw new IllegalArgumentException("epoch must be 1.." + models.size() + ", got " + epoch + ".");
        }
        org.fheml.core.InputValidation.checkFeatures(X, models.getFirst().weights().length);
        int[] labels = classes();
        double[][] scores = models.get(epoch - 1).decisionFunction(X);
        int[] out = new int[X.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[org.fheml.models.deploy.PostProcessing.predictedIndex(scores[i])];
        }
        return out;
    }

    @Override
    protected FloatLinearModel train(double[][] X, int[] classIndices, int classCount) {
        return fitEncrypted ? trainEncrypted(X, classIndices, classCount) : trainClear(X, classIndices, classCount);
    }

    private FloatLinearModel trainClear(double[][] X, int[] classIndices, int classCount) {
        SgdSolver.Settings settings = hyper.settings(loss.objective());
        Standardization standardization = Standardization.of(X);
        double[][] Z = standardization.apply(X);
        int outputs = classCount == 2 ? 1 : classCount;
        double[][] weights = new double[X[0].length][outputs];
        double[] bias = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            int positive = classCount == 2 ? 1 : k;
            double[] signs = new double[classIndices.length];
            for (int i = 0; i < signs.length; i++) {
                signs[i] = classIndices[i] == positive ? 1 : -1;
            }
            double[] coefficients = SgdSolver.fit(Z, signs, settings);
            for (int j = 0; j < weights.length; j++) {
                weights[j][k] = coefficients[j];
            }
            bias[k] = coefficients[weights.length];
        }
        return standardization.toRaw(new FloatLinearModel(weights, bias));
    }

    private FloatLinearModel trainEncrypted(double[][] X, int[] classIndices, int classCount) {
        TrainingEncoder encoder = TrainingEncoder.fit(X, encryptedComponents);
        long[][] quantized = encoder.quantize(X);
        if (classCount == 2) {
            history = trainBinary(encoder, quantized, classIndices);
            return history.epochModels().getLast();
        }
        List<EncryptedTrainingHistory> perClass = new ArrayList<>();
        for (int k = 0; k < classCount; k++) {
            int[] isClass = new int[classIndices.length];
            for (int i = 0; i < isClass.length; i++) {
                isClass[i] = classIndices[i] == k ? 1 : 0;
            }
            perClass.add(trainBinary(encoder, quantized, isClass));
        }
        history = oneVsRest(perClass);
        return history.epochModels().getLast();
    }

    private EncryptedTrainingHistory trainBinary(TrainingEncoder encoder, long[][] quantized, int[] labels) {
        EncryptedSgdTraining training = new EncryptedSgdTraining(encoder.components(), batchSize, hyper.maxIter,
                hyper.seed, trainingOptions);
        double scale = training.program().weightScale();
        return training.train(quantized, labels, trainingMode, w -> encoder.toRaw(w, scale));
    }

    /** One model of k outputs per epoch from k binary trainings; their iterations and times add up. */
    private static EncryptedTrainingHistory oneVsRest(List<EncryptedTrainingHistory> perClass) {
        int epochs = perClass.getFirst().epochModels().size();
        List<FloatLinearModel> models = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            int d = perClass.getFirst().epochModels().get(e).weights().length;
            double[][] weights = new double[d][perClass.size()];
            double[] bias = new double[perClass.size()];
            double total = 0;
            for (int k = 0; k < perClass.size(); k++) {
                FloatLinearModel binary = perClass.get(k).epochModels().get(e);
                for (int j = 0; j < d; j++) {
                    weights[j][k] = binary.weights()[j][0];
                }
                bias[k] = binary.bias()[0];
                total += perClass.get(k).epochSeconds().get(e);
            }
            models.add(new FloatLinearModel(weights, bias));
            seconds.add(total);
        }
        EncryptedTrainingHistory first = perClass.getFirst();
        return new EncryptedTrainingHistory(models, first.iterationsPerEpoch() * perClass.size(), seconds,
                perClass.stream().mapToDouble(EncryptedTrainingHistory::setupSeconds).sum(),
                first.bootstrapsPerIteration());
    }
}
