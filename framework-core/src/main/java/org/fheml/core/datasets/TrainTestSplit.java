package org.fheml.core.datasets;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Reproducible train/test splits, like scikit-learn's {@code train_test_split}: the test part has
 * {@code ceil(rows * testFraction)} rows and the training part the rest.
 *
 * <p>The same dataset, fraction and seed give the same split on every JVM: rows are shuffled by a Fisher-Yates
 * shuffle driven by a fixed SplitMix64 generator. The indices of each part, and so the rows of its dataset, come in
 * that shuffled order, not in ascending order.
 */
public final class TrainTestSplit {

    private TrainTestSplit() {
    }

    /**
     * A split that keeps the class proportions: each class gets {@code floor} or {@code ceil} of
     * {@code classCount * testFraction} test rows (largest remainder, so the total is exact), and every class with at
     * least 2 rows has rows in both parts, which for very small classes can take a row from another class.
     *
     * @throws IllegalArgumentException if testFraction is not strictly between 0 and 1, or a part would be empty or
     *                                  too small to hold one row of every class that has at least 2 rows
     */
    public static Split<ClassificationDataset> stratified(ClassificationDataset d, double testFraction, long seed) {
        Objects.requireNonNull(d, "dataset must not be null");
        int testSize = testSize(d.rows(), testFraction);
        SplitMix64 random = new SplitMix64(seed);
        int[] testCounts = StratifiedAllocation.testCounts(d.classCounts(), testFraction, testSize, random);
        int[] order = shuffledRows(d.rows(), random);
        int[] labels = d.labels();
        int[] taken = new int[testCounts.length];
        int[] train = new int[d.rows() - testSize];
        int[] test = new int[testSize];
        int trainCount = 0;
        int testCount = 0;
        for (int row : order) {
            int label = labels[row];
            if (taken[label] < testCounts[label]) {
                taken[label]++;
                test[testCount++] = row;
            } else {
                train[trainCount++] = row;
            }
        }
        return new Split<>(d.subset(train), d.subset(test), train, test);
    }

    /**
     * A split of uniformly shuffled rows: the first {@code ceil(rows * testFraction)} rows of the shuffle are the
     * test part.
     *
     * @throws IllegalArgumentException if testFraction is not strictly between 0 and 1 or a part would be empty
     */
    public static Split<RegressionDataset> shuffled(RegressionDataset d, double testFraction, long seed) {
        Objects.requireNonNull(d, "dataset must not be null");
        int testSize = testSize(d.rows(), testFraction);
        int[] order = shuffledRows(d.rows(), new SplitMix64(seed));
        int[] test = Arrays.copyOfRange(order, 0, testSize);
        int[] train = Arrays.copyOfRange(order, testSize, order.length);
        return new Split<>(d.subset(train), d.subset(test), train, test);
    }

    private static int testSize(int rows, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be strictly between 0 and 1, got " + testFraction
                    + "; for example 0.2 keeps 20% of the rows for testing.");
        }
        int testSize = (int) Math.ceil(rows * testFraction);
        if (testSize >= rows) {
            throw new IllegalArgumentException("testFraction " + testFraction + " of " + rows + " rows puts all "
                    + rows + " rows in the test part (ceil(" + rows + " * " + testFraction + ") = " + testSize
                    + ") and none in the training part; lower testFraction or use a larger dataset.");
        }
        return testSize;
    }

    private static int[] shuffledRows(int rows, SplitMix64 random) {
        int[] order = IntStream.range(0, rows).toArray();
        random.shuffle(order);
        return order;
    }
}
