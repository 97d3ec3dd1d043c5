package org.fheml.models.neighbors;

import java.util.Objects;
import org.fheml.compilation.Exactness;
import org.fheml.models.FheEstimator;
import org.fheml.models.FluentFheEstimator;
import org.fheml.models.QuantizedModel;

/**
 * What {@link KNeighborsClassifier} and {@link KNeighborsRegressor} share: the hyperparameters, the reference
 * points kept in the circuit, and the float k-NN they are measured against. Predictions go through the one predict
 * pipeline of {@link FheEstimator}; {@link NeighborsProgram} describes the circuit.
 *
 * @param <S> the concrete estimator, returned by the setters
 */
public abstract class KNeighborsBase<S extends KNeighborsBase<S>> extends FluentFheEstimator<S> {

    /** The most reference points a circuit compares: 64 points cost 2,080 lookups per row. */
    public static final int MAX_REFERENCE_POINTS = 64;
    /**
     * Reference points sit on a grid this many times finer than the inputs'. Measured (DISABLE, 5 splits, mean
     * accuracy against float k-NN): 2 loses 2.2 points on wine, 3 and 4 lose 1.7; 3 keeps the comparisons one bit
     * narrower than 4 (breast cancer: values on 15 bits instead of 16, so cheaper bootstrap parameters).
     */
    static final int POINT_SCALE = 3;

    private int nNeighbors = 3;
    private int nBits = 3;
    /** Default prototypes per class of a classifier, and in total for a regressor (see {@link #setNPrototypes}). */
    static final int AUTO = -1;
    private int nPrototypes = AUTO;
    private int roundingThresholdBits = 4;
    private Exactness roundingExactness = Exactness.EXACT;
    private long seed = 42;
    final NeighborsState state = new NeighborsState(getClass().getSimpleName());

    @Override
    protected QuantizedModel quantizedModel() {
        return state;
    }

    /** k, the neighbours that vote (or whose targets are averaged). Default 3. */
    public S setNNeighbors(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("n_neighbors must be at least 1, got " + k + ".");
        }
        this.nNeighbors = k;
        return self();
    }

    public int nNeighbors() {
        return nNeighbors;
    }

    /**
     * Input bits per feature, each feature's 2 %–98 % training range mapped onto 0..2^n − 1. Default 3 (measured:
     * 2 bits lose 15 points on iris).
     */
    public S setNBits(int nBits) {
        if (nBits < 1 || nBits > 8) {
            throw new IllegalArgumentException("n_bits must be 1..8 for k-NN inputs, got " + nBits + ".");
        }
        this.nBits = nBits;
        return self();
    }

    public int nBits() {
        return nBits;
    }

    /**
     * The reference points the circuit keeps: at most this many k-means prototypes (per class for a classifier,
     * this number divided by the class count, at least one), or 0 to keep every training row (up to
     * {@value #MAX_REFERENCE_POINTS}, beyond which fit throws {@link TooManyReferencePointsException}). Each row
     * costs M(M−1)/2 + M lookups for M points. By default a classifier keeps 8 prototypes per class (16 points on
     * a binary task, 24 on three classes: 16 per class-pair budget lose 2.8 points on wine) and a regressor 16.
     */
    public S setNPrototypes(int count) {
        if (count < 0 || count > MAX_REFERENCE_POINTS) {
            throw new IllegalArgumentException("n_prototypes must be 0 (every training row) or 1.."
                    + MAX_REFERENCE_POINTS + ", got " + count + ".");
        }
        this.nPrototypes = count;
        return self();
    }

    /** The {@link #setNPrototypes} setting; −1 until set (the estimator's default, see there). */
    public int nPrototypes() {
        return nPrototypes;
    }

    /** The bits each distance comparison's lookup reads, after rounding (2..8). Default 4. */
    public S setRoundingThresholdBits(int bits) {
        if (bits < 2 || bits > 8) {
            throw new IllegalArgumentException("The comparison lookups read 2..8 bits, got " + bits + ".");
        }
        this.roundingThresholdBits = bits;
        return self();
    }

    /**
     * How each comparison is rounded before its lookup. {@link Exactness#EXACT} (default) clears the rounded bits
     * exactly (two bootstraps per chunk of the lookup's precision), so that EXECUTE computes DISABLE's integers and
     * SIMULATE is its twin: on breast cancer at the defaults, 856 bootstraps and about 20 s per row on 2 cores.
     * {@link Exactness#APPROXIMATE} costs no bootstrap of its own (136 a row there, about 3.4 s), but decides pairs
     * of points within a few 2^l/10 of a tie by the ciphertexts' noise: EXECUTE then leaves DISABLE (and SIMULATE)
     * on a few per cent of rows, always between near-equidistant points. Takes effect at the next fit.
     */
    public S setRoundingExactness(Exactness exactness) {
        this.roundingExactness = Objects.requireNonNull(exactness, "exactness");
        return self();
    }

    /** Seeds k-means: the same seed and data give the same prototypes. Default 42. */
    public S setSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /** The reference points the fitted circuit compares a query with. */
    public int referencePointCount() {
        return state.program().pointCount();
    }

    /** Lookups per row: M(M−1)/2 comparisons, M rank tests, and the exact roundings' bootstraps if any. */
    public long lookupsPerRow() {
        return state.program().lookupsPerRow();
    }

    /** The low bits rounded off each comparison before its lookup. */
    public int comparisonRoundedBits() {
        return state.program().roundedBits();
    }

    long seed() {
        return seed;
    }

    /**
     * The reference points for these rows (one group of a classifier, or every row of a regressor): the rows
     * themselves when they are no more than {@code budget} (or the budget is 0), else their k-means prototypes, each
     * with the mean of its members' {@code targets} in {@code means} (null to skip).
     */
    final double[][] reduce(FeatureGrid grid, double[][] rows, double[] targets, int budget, java.util.List<Double> means) {
        if (budget == 0 || rows.length <= budget) {
            if (means != null) {
                for (double t : targets) {
                    means.add(t);
                }
            }
            return rows;
        }
        double[][] unit = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            unit[i] = grid.unit(rows[i]);
        }
        int[] assignment = Prototypes.cluster(unit, budget, seed);
        double[][] centroids = Prototypes.centroids(unit, assignment, budget);
        double[][] points = new double[budget][];
        for (int c = 0; c < budget; c++) {
            points[c] = grid.fromUnit(centroids[c]);
        }
        if (means != null) {
            double[] sum = new double[budget];
            int[] count = new int[budget];
            for (int i = 0; i < rows.length; i++) {
                sum[assignment[i]] += targets[i];
                count[assignment[i]]++;
            }
            for (int c = 0; c < budget; c++) {
                means.add(count[c] == 0 ? 0.0 : sum[c] / count[c]);
            }
        }
        return points;
    }

    int nPrototypesSetting() {
        return nPrototypes;
    }

    /** Builds the program for reference points (training-scale features) with their per-point values. */
    final void install(FeatureGrid grid, double[][] points, long[] values, int outputs, boolean votes,
            NeighborsState.Output output, double[][] X) {
        if (points.length > MAX_REFERENCE_POINTS) {
            throw new TooManyReferencePointsException(getClass().getSimpleName(), points.length,
                    MAX_REFERENCE_POINTS);
        }
        long[][] integerPoints = new long[points.length][];
        for (int j = 0; j < points.length; j++) {
            integerPoints[j] = grid.quantizePoint(points[j], POINT_SCALE);
        }
        int k = Math.min(nNeighbors, points.length);
        NeighborsProgram program = new NeighborsProgram(integerPoints, grid.levels(), POINT_SCALE, k, values, outputs,
                votes, roundingThresholdBits, roundingExactness);
        double[][] scaled = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            scaled[i] = grid.minMax(X[i]);
        }
        state.fitted(grid, program, new NeighborsState.Output(votes, output.targetOffset(), output.targetStep(), k),
                scaled);
    }

    /** The indices of the k training rows nearest to x in the float k-NN's space (ties to the earlier row). */
    final int[] floatNeighbors(double[] x) {
        double[] q = state.grid().minMax(x);
        double[][] rows = state.floatRows();
        int k = Math.min(nNeighbors, rows.length);
        int[] best = new int[k];
        double[] bestDistance = new double[k];
        java.util.Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
        for (int r = 0; r < rows.length; r++) {
            double d = Prototypes.distance(q, rows[r]);
            int at = k;
            while (at > 0 && d < bestDistance[at - 1]) {
                at--;
            }
            if (at < k) {
                System.arraycopy(best, at, best, at + 1, k - at - 1);
                System.arraycopy(bestDistance, at, bestDistance, at + 1, k - at - 1);
                best[at] = r;
                bestDistance[at] = d;
            }
        }
        return best;
    }
}
