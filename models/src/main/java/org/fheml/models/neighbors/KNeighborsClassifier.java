package org.fheml.models.neighbors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fheml.core.ClassLabels;
import org.fheml.core.FheMode;
import org.fheml.core.ProbabilisticClassifier;
import org.fheml.models.Benchmarked;
import org.fheml.models.FheClassifier;
import org.fheml.models.FittedClasses;
import org.fheml.models.deploy.PostProcessing;

/**
 * k-nearest-neighbours classification on encrypted data, the counterpart of Concrete ML's KNeighborsClassifier,
 * with {@link #predictProba} (vote shares) besides. The circuit holds the reference points as clear constants,
 * computes squared distances to the encrypted query, selects the k nearest by a comparison tournament and returns,
 * per class, how many of the k carry it (the k labels as votes); the vote is taken on the client. See
 * {@link NeighborsProgram} for the circuit and its lookups.
 *
 * <pre>{@code
 * var knn = new KNeighborsClassifier().setNNeighbors(3).fit(X, y);
 * knn.compile(X);
 * int[] labels = knn.predict(X, FheMode.EXECUTE);
 * }</pre>
 *
 * <p>Defaults, measured on iris, wine and breast cancer (5 splits): k = 3, 3-bit inputs, 8 k-means prototypes per class
 * (breast cancer 16 reference points, 136 lookups per row at 4 bits; iris and wine 24 points, 300 lookups at 5
 * bits), comparisons rounded approximately to 4 bits. The float reference ({@link #floatPredict}) is k-NN on every training row with
 * features scaled by their training minimum and maximum.
 */
public final class KNeighborsClassifier extends KNeighborsBase<KNeighborsClassifier> implements
        ProbabilisticClassifier, FheClassifier {

    /** Default k-means prototypes per class. */
    static final int PROTOTYPES_PER_CLASS = 8;

    private int[] classes;
    private int[] trainingLabels;

    @Override
    public KNeighborsClassifier fit(double[][] X, int[] y) {
        int[] labels = FittedClasses.of(X, y);
        classes = null;
        int[] indices = ClassLabels.toIndices(y, labels);
        FeatureGrid grid = FeatureGrid.fit(X, nBits());
        int budget = switch (nPrototypesSetting()) {
            case AUTO -> PROTOTYPES_PER_CLASS;
            case 0 -> 0;
            default -> Math.max(1, nPrototypesSetting() / labels.length);
        };
        List<double[]> points = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int c = 0; c < labels.length; c++) {
            final int cls = c;
            double[][] rows = java.util.stream.IntStream.range(0, X.length).filter(i -> indices[i] == cls)
                    .mapToObj(i -> X[i]).toArray(double[][]::new);
            for (double[] p : reduce(grid, rows, null, budget, null)) {
                points.add(p);
                values.add((long) c);
            }
        }
        install(grid, points.toArray(double[][]::new), values.stream().mapToLong(Long::longValue).toArray(),
                labels.length, true, new NeighborsState.Output(true, 0, 1, 1), X);
        trainingLabels = indices;
        classes = labels;
        return this;
    }

    /** Fits; the float k-NN on every training row is kept by the fit itself ({@link #floatPredict}). */
    @Override
    public Benchmarked<KNeighborsClassifier, KNeighborsClassifier> fitBenchmark(double[][] X, int[] y) {
        fit(X, y);
        KNeighborsClassifier self = this;
        return new Benchmarked<>() {
            @Override
            public KNeighborsClassifier model() {
                return self;
            }

            @Override
            public KNeighborsClassifier floatModel() {
                return self;
            }
        };
    }

    /** Per row, how many of the k nearest reference points carry each class (columns follow {@link #classes()}). */
    public double[][] votes(double[][] X, FheMode mode) {
        return predictScores(X, mode, "votes");
    }

    @Override
    public int[] predict(double[][] X, FheMode mode) {
        double[][] votes = predictScores(X, mode, "predict");
        int[] out = new int[votes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes[argmax(votes[i])];
        }
        return out;
    }

    /** The vote shares of the k nearest reference points (uniform when no point was selected). */
    @Override
    public double[][] predictProba(double[][] X, FheMode mode) {
        double[][] votes = predictScores(X, mode, "predictProba");
        for (double[] row : votes) {
            double total = Arrays.stream(row).sum();
            for (int c = 0; c < row.length; c++) {
                row[c] = total > 0 ? row[c] / total : 1.0 / row.length;
            }
        }
        return votes;
    }

    /** Votes per class: the first largest is the label, the vote shares are the probabilities. */
    @Override
    protected PostProcessing postProcessing() {
        return new PostProcessing.Classification(classes(), PostProcessing.Probabilities.VOTES);
    }

    /** The labels of k-NN on every training row, in floats: the reference for the quantized ones. */
    @Override
    public int[] floatPredict(double[][] X) {
        double[][] p = floatPredictProba(X);
        int[] out = new int[p.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes[argmax(p[i])];
        }
        return out;
    }

    /** The float k-NN's vote shares. */
    public double[][] floatPredictProba(double[][] X) {
        requireFitted("floatPredictProba");
        state.check(X, "floatPredictProba");
        double[][] out = new double[X.length][classes.length];
        for (int i = 0; i < X.length; i++) {
            int[] nearest = floatNeighbors(X[i]);
            for (int r : nearest) {
                out[i][trainingLabels[r]] += 1.0 / nearest.length;
            }
        }
        return out;
    }

    /** The first largest entry: vote ties go to the earlier class, as scikit-learn's mode does. */
    private static int argmax(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
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
