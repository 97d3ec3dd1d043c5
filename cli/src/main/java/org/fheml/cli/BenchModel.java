package org.fheml.cli;

import java.util.function.Function;
import org.fheml.compilation.Circuit;
import org.fheml.core.Classifier;
import org.fheml.core.FheMode;
import org.fheml.core.Regressor;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Dataset;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.models.onnx.OnnxModel;

/**
 * An estimator under benchmark, already set to one n_bits: what {@code bench} does with it, whatever its family
 * (linear today, trees and neural nets later) and task.
 */
sealed interface BenchModel {

    /** Fits on a dataset of the model's task. */
    void fit(Dataset train);

    /** Compiles the fitted model with X as the inputset. */
    Circuit compile(double[][] X);

    /** The float model's predictions, the reference for the quantized ones. */
    Predictions floatPredict(double[][] X);

    /** The quantized model's predictions in one mode. */
    Predictions predict(double[][] X, FheMode mode);

    /** A classifier with its float predictions and its compiler. */
    record OfClassifier(Classifier model, Function<double[][], int[]> floatPredictor,
            Function<double[][], Circuit> compiler) implements BenchModel {

        @Override
        public void fit(Dataset train) {
            ClassificationDataset d = (ClassificationDataset) train;
            model.fit(d.features(), d.labels());
        }

        @Override
        public Circuit compile(double[][] X) {
            return compiler.apply(X);
        }

        @Override
        public Predictions floatPredict(double[][] X) {
            return new Predictions.Labels(floatPredictor.apply(X));
        }

        @Override
        public Predictions predict(double[][] X, FheMode mode) {
            return new Predictions.Labels(model.predict(X, mode));
        }
    }

    /** A regressor with its float predictions and its compiler. */
    record OfRegressor(Regressor model, Function<double[][], double[]> floatPredictor,
            Function<double[][], Circuit> compiler) implements BenchModel {

        @Override
        public void fit(Dataset train) {
            RegressionDataset d = (RegressionDataset) train;
            model.fit(d.features(), d.targets());
        }

        @Override
        public Circuit compile(double[][] X) {
            return compiler.apply(X);
        }

        @Override
        public Predictions floatPredict(double[][] X) {
            return new Predictions.Values(floatPredictor.apply(X));
        }

        @Override
        public Predictions predict(double[][] X, FheMode mode) {
            return new Predictions.Values(model.predict(X, mode));
        }
    }

    /**
     * A network read from an ONNX file: already trained, so fit only reads the class names; the training rows
     * calibrate the post-training quantizers at compile. Output index i is the class named "i" when the classes
     * are integers (digits' 0..9, whichever of them the data holds), else the i-th class in the data's order.
     */
    final class OfOnnx implements BenchModel {

        private final OnnxModel model;
        private java.util.List<String> classNames = java.util.List.of();

        OfOnnx(OnnxModel model) {
            this.model = model;
        }

        @Override
        public void fit(Dataset train) {
            classNames = ((ClassificationDataset) train).classNames();
        }

        @Override
        public Circuit compile(double[][] X) {
            return model.compile(X);
        }

        @Override
        public Predictions floatPredict(double[][] X) {
            double[][] scores = model.evaluate(X);
            int[] outputs = new int[scores.length];
            for (int r = 0; r < scores.length; r++) {
                for (int i = 1; i < scores[r].length; i++) {
                    if (scores[r][i] > scores[r][outputs[r]]) {
                        outputs[r] = i;
                    }
                }
            }
            return labels(outputs);
        }

        @Override
        public Predictions predict(double[][] X, FheMode mode) {
            return labels(model.predict(X, mode));
        }

        private Predictions labels(int[] outputs) {
            boolean integers = classNames.stream().allMatch(n -> n.matches("-?\\d+"));
            int[] labels = new int[outputs.length];
            for (int r = 0; r < outputs.length; r++) {
                labels[r] = integers ? classNames.indexOf(Integer.toString(outputs[r])) : outputs[r];
            }
            return new Predictions.Labels(labels);
        }
    }
}
