package org.fheml.models.deploy;

import org.fheml.models.Softmax;

/**
 * What a client does in the clear with the model's real outputs: a classifier's labels and probabilities, a
 * regressor's inverse link, or, for a raw model (an ONNX graph), the outputs themselves, optionally through a
 * softmax.
 */
public sealed interface PostProcessing {

    /**
     * The class index one row of a classifier's scores predicts: for one score, 1 when it is positive, else 0; for
     * several, the first largest. What the estimators' predict and a saved model's client both compute.
     */
    static int predictedIndex(double[] scores) {
        if (scores.length == 1) {
            return scores[0] > 0 ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * A classifier: a row of one score predicts {@code classes[1]} when positive, a row of several the first
     * largest; {@code probabilities} says how scores become class probabilities.
     */
    record Classification(int[] classes, Probabilities probabilities) implements PostProcessing {

        public Classification {
            if (classes.length < 2) {
                throw new IllegalArgumentException("A classifier has at least two classes, got " + classes.length
                        + ".");
            }
            classes = classes.clone();
        }

        @Override
        public int[] classes() {
            return classes.clone();
        }

        /** The index (into {@link #classes()}) that one row of scores predicts. */
        public int predictedIndex(double[] scores) {
            return PostProcessing.predictedIndex(scores);
        }

        /** The label of class index {@code index}. */
        public int label(int index) {
            return classes[index];
        }
    }

    /**
     * A regressor: the first output s, un-standardized when {@code scale} is not 1 or {@code offset} not 0
     * (offset + scale · s, a network trained on standardized targets), then through the inverse link.
     */
    record Regression(Link link, double offset, double scale) implements PostProcessing {

        public Regression {
            if (!Double.isFinite(offset) || !Double.isFinite(scale)) {
                throw new IllegalArgumentException("A regression's offset and scale must be finite, got " + offset
                        + " and " + scale + ".");
            }
        }

        /** The link alone, without un-standardization. */
        public Regression(Link link) {
            this(link, 0, 1);
        }

        /** The prediction of one row's first output. */
        public double value(double score) {
            double s = offset == 0 && scale == 1 ? score : offset + scale * score;
            return link.apply(s);
        }
    }

    /** A model without labels (an ONNX graph): its outputs, through a softmax or log-softmax when it ends with one. */
    record Raw(Softmaxed softmax) implements PostProcessing {
    }

    /** How a classifier's scores become probabilities. */
    enum Probabilities {
        /** The model gives no probabilities (a linear SVM, a circuit that returns the label only). */
        NONE,
        /** [1 − σ(s), σ(s)] for one score, a softmax over several (logistic regression, XGBoost, networks). */
        LOGISTIC,
        /**
         * Voted class shares: (1/2 − s, 1/2 + s) clipped to [0, 1] for one score, else the scores clipped at 0 and
         * normalised (uniform when all are 0): random forests and decision trees.
         */
        VOTES,
        /** Smile's gradient boosting: P(second) = σ(2f) for one score, a softmax over several. */
        BOOSTING;

        /** The class probabilities of one row of scores. */
        public double[] of(double[] scores) {
            return switch (this) {
                case NONE -> throw new UnsupportedOperationException("This model gives no probabilities.");
                case LOGISTIC -> {
                    if (scores.length == 1) {
                        double p = 1 / (1 + Math.exp(-scores[0]));
                        yield new double[] {1 - p, p};
                    }
                    yield Softmax.of(scores);
                }
                case VOTES -> votes(scores);
                case BOOSTING -> {
                    if (scores.length == 1) {
                        double first = 1 / (1 + Math.exp(2 * scores[0]));
                        yield new double[] {first, 1 - first};
                    }
                    yield Softmax.of(scores);
                }
            };
        }

        private static double[] votes(double[] scores) {
            if (scores.length == 1) {
                double second = Math.max(0, Math.min(1, 0.5 + scores[0]));
                return new double[] {1 - second, second};
            }
            double[] p = new double[scores.length];
            double total = 0;
            for (int c = 0; c < p.length; c++) {
                p[c] = Math.max(0, scores[c]);
                total += p[c];
            }
            for (int c = 0; c < p.length; c++) {
                p[c] = total > 0 ? p[c] / total : 1.0 / p.length;
            }
            return p;
        }
    }

    /** A regressor's inverse link. */
    enum Link {
        IDENTITY, EXP;

        public double apply(double score) {
            return this == IDENTITY ? score : Math.exp(score);
        }
    }

    /** Whether a raw model's outputs go through a softmax in the clear. */
    enum Softmaxed {
        NONE, SOFTMAX, LOG_SOFTMAX
    }
}
