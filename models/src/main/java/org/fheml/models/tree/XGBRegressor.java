package org.fheml.models.tree;

import java.nio.file.Path;
import org.fheml.core.InputValidation;
import org.fheml.quantization.FeatureQuantizer;

/**
 * An XGBoost regressor on encrypted data: trained with XGBoost4J (reg:squarederror) on features quantized to
 * n_bits (6 by default), with Concrete ML's defaults of 20 trees of depth 3 and XGBoost's learning rate of 0.3;
 * or loaded from a model XGBoost saved in its JSON format ({@link #fromJson(Path)}) and quantized on a
 * calibration set. The prediction is the base margin (added in the clear) plus the trees' leaves.
 * XGBoost splits send {@code x < condition} left; fheml keeps that exactly on float features. Rows must be
 * finite, as for every fheml estimator: impute missing values first (a model's default children are not used).
 */
public final class XGBRegressor extends TreeRegressorBase<XGBRegressor> {

    private int nEstimators = 20;
    private double learningRate = 0.3;
    private double subsample = 1.0;
    private XGBoostModel loaded;

    public XGBRegressor() {
        super(3);
    }

    /**
     * Reads a regressor XGBoost saved as JSON (reg:squarederror, reg:absoluteerror, reg:pseudohubererror). It
     * must be quantized before it predicts: call {@link #calibrate(double[][])} with rows like those it will
     * score, or {@link #calibrate(double[], double[])} with each feature's range.
     *
     * @throws XGBoostFormatException if the file is not an XGBoost JSON model fheml supports, or is a classifier
     */
    public static XGBRegressor fromJson(Path json) {
        XGBoostModel model = XGBoostJson.read(json);
        if (model.objective().kind() != XGBoostObjective.Kind.REGRESSION) {
            throw new XGBoostFormatException(json + " holds a classifier (" + model.objective().xgboostName()
                    + "): load it with XGBClassifier.fromJson.");
        }
        XGBRegressor regressor = new XGBRegressor();
        regressor.loaded = model;
        return regressor;
    }

    /** {@link #fromJson(Path)}, then {@link #calibrate(double[][])}. */
    public static XGBRegressor fromJson(Path json, double[][] calibration) {
        return fromJson(json).calibrate(calibration);
    }

    /** Quantizes a model loaded by {@link #fromJson(Path)}, each feature over its range in {@code X}. */
    public XGBRegressor calibrate(double[][] X) {
        if (loaded == null) {
            throw new IllegalStateException("calibrate quantizes a model loaded by XGBRegressor.fromJson; a model "
                    + "trained by fit is quantized already.");
        }
        InputValidation.checkFeatures(X, loaded.featureCount());
        FeatureQuantizer quantizer = state.calibrate(X);
        return fitted(quantizer, loaded.quantizedEnsemble(quantizer), loaded.floatEnsemble());
    }

    /** Quantizes a model loaded by {@link #fromJson(Path)}, feature j over [featureMin[j], featureMax[j]]. */
    public XGBRegressor calibrate(double[] featureMin, double[] featureMax) {
        return calibrate(new double[][] {featureMin, featureMax});
    }

    public XGBRegressor setNEstimators(int nEstimators) {
        this.nEstimators = TreeSettings.requirePositive("nEstimators", nEstimators);
        return this;
    }

    /** XGBoost's eta: the shrinkage applied to every tree, in (0, 1]. */
    public XGBRegressor setLearningRate(double learningRate) {
        this.learningRate = TreeSettings.requireFraction("learningRate", learningRate);
        return this;
    }

    /** The share of rows each round is trained on, in (0, 1]. */
    public XGBRegressor setSubsample(double subsample) {
        this.subsample = TreeSettings.requireFraction("subsample", subsample);
        return this;
    }

    @Override
    Trained train(double[][] X, double[] y, TreeSettings settings) {
        if (settings.maxDepth() == 0) {
            throw new IllegalArgumentException("XGBRegressor needs a finite maxDepth (3 by default).");
        }
        float[] labels = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (float) y[i];
        }
        var options = new XGBoostTrainer.Options(nEstimators, settings.maxDepth(), learningRate, subsample,
                settings.seed());
        return new Trained(XGBoostTrainer.train(X, labels, XGBoostObjective.REG_SQUAREDERROR, 1, options)
                .floatEnsemble());
    }
}
