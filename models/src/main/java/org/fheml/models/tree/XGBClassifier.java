package org.fheml.models.tree;

import java.nio.file.Path;
import org.fheml.core.InputValidation;
import org.fheml.quantization.FeatureQuantizer;

/**
 * An XGBoost classifier on encrypted data: trained with XGBoost4J (binary:logistic, or multi:softprob for more
 * than two classes) on features quantized to n_bits (6 by default), with Concrete ML's defaults of 20 trees of
 * depth 3 and XGBoost's learning rate of 0.3; or loaded from a model XGBoost saved in its JSON format
 * ({@link #fromJson(Path)}) and quantized on a calibration set. Leaves hold XGBoost's outputs; the base margin is
 * added in the clear (for several classes, folded into each class's first tree); the sigmoid (two classes) or the
 * softmax turns margins into probabilities.
 * XGBoost splits send {@code x < condition} left; fheml keeps that exactly on float features. Rows must be
 * finite, as for every fheml estimator: impute missing values first (a model's default children are not used).
 */
public final class XGBClassifier extends TreeClassifierBase<XGBClassifier> {

    private int nEstimators = 20;
    private double learningRate = 0.3;
    private double subsample = 1.0;
    private XGBoostModel loaded;

    public XGBClassifier() {
        super(3);
    }

    /**
     * Reads a classifier XGBoost saved as JSON (binary:logistic, binary:logitraw, multi:softprob, multi:softmax);
     * its classes are 0..k−1, as XGBoost's labels are. It must be quantized before it predicts: call
     * {@link #calibrate(double[][])} with rows like those it will score, or {@link #calibrate(double[], double[])}
     * with each feature's range.
     *
     * @throws XGBoostFormatException if the file is not an XGBoost JSON model fheml supports, or is a regressor
     */
    public static XGBClassifier fromJson(Path json) {
        XGBoostModel model = XGBoostJson.read(json);
        if (model.objective().kind() == XGBoostObjective.Kind.REGRESSION) {
            throw new XGBoostFormatException(json + " holds a regression model (" + model.objective().xgboostName()
                    + "): load it with XGBRegressor.fromJson.");
        }
        XGBClassifier classifier = new XGBClassifier();
        classifier.loaded = model;
        return classifier;
    }

    /** {@link #fromJson(Path)}, then {@link #calibrate(double[][])}. */
    public static XGBClassifier fromJson(Path json, double[][] calibration) {
        return fromJson(json).calibrate(calibration);
    }

    /** Quantizes a model loaded by {@link #fromJson(Path)}, each feature over its range in {@code X}. */
    public XGBClassifier calibrate(double[][] X) {
        if (loaded == null) {
            throw new IllegalStateException("calibrate quantizes a model loaded by XGBClassifier.fromJson; a model "
                    + "trained by fit is quantized already.");
        }
        InputValidation.checkFeatures(X, loaded.featureCount());
        FeatureQuantizer quantizer = state.calibrate(X);
        int classCount = Math.max(2, loaded.groups());
        int[] labels = Links.allColumns(classCount);
        return fitted(quantizer, loaded.quantizedEnsemble(quantizer), loaded.floatEnsemble(), labels);
    }

    /** Quantizes a model loaded by {@link #fromJson(Path)}, feature j over [featureMin[j], featureMax[j]]. */
    public XGBClassifier calibrate(double[] featureMin, double[] featureMax) {
        return calibrate(new double[][] {featureMin, featureMax});
    }

    /** The boosting rounds (trees per class when there are more than two). */
    public XGBClassifier setNEstimators(int nEstimators) {
        this.nEstimators = TreeSettings.requirePositive("nEstimators", nEstimators);
        return this;
    }

    /** XGBoost's eta: the shrinkage applied to every tree, in (0, 1]. */
    public XGBClassifier setLearningRate(double learningRate) {
        this.learningRate = TreeSettings.requireFraction("learningRate", learningRate);
        return this;
    }

    /** The share of rows each round is trained on, in (0, 1]. */
    public XGBClassifier setSubsample(double subsample) {
        this.subsample = TreeSettings.requireFraction("subsample", subsample);
        return this;
    }

    @Override
    Trained train(double[][] X, int[] classIndices, int classCount, TreeSettings settings) {
        float[] y = new float[classIndices.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = classIndices[i];
        }
        XGBoostObjective objective = classCount == 2 ? XGBoostObjective.BINARY_LOGISTIC
                : XGBoostObjective.MULTI_SOFTPROB;
        XGBoostModel model = XGBoostTrainer.train(X, y, objective, classCount, options(settings));
        return new Trained(model.floatEnsemble());
    }

    private XGBoostTrainer.Options options(TreeSettings settings) {
        if (settings.maxDepth() == 0) {
            throw new IllegalArgumentException("XGBClassifier needs a finite maxDepth (3 by default).");
        }
        return new XGBoostTrainer.Options(nEstimators, settings.maxDepth(), learningRate, subsample,
                settings.seed());
    }

    /** The float model's class probabilities, as XGBoost computes them (within float32 rounding). */
    public double[][] floatPredictProba(double[][] X) {
        double[][] scores = floatScores(X);
        double[][] out = new double[scores.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities(scores[i]);
        }
        return out;
    }

    /** P(second class) = sigmoid(margin) for one margin, a softmax over several. */
    @Override
    org.fheml.models.deploy.PostProcessing.Probabilities probabilityMap() {
        return org.fheml.models.deploy.PostProcessing.Probabilities.LOGISTIC;
    }
}
