package org.fheml.core.datasets;

import java.util.Objects;

/**
 * A dataset cut into a training part and a test part, with the original row index of every row of each part.
 *
 * <p>{@code train.features()[k]} is row {@code trainIndices[k]} of the original dataset, and likewise for test. The
 * indices are in the split's shuffled order, not ascending; sort a copy if you need them ascending.
 *
 * @param train        the rows to fit on
 * @param test         the rows to score on
 * @param trainIndices the original row index of each training row
 * @param testIndices  the original row index of each test row
 * @param <D>          the kind of dataset split
 */
public record Split<D extends Dataset>(D train, D test, int[] trainIndices, int[] testIndices) {

    public Split {
        Objects.requireNonNull(train, "train must not be null");
        Objects.requireNonNull(test, "test must not be null");
        trainIndices = Objects.requireNonNull(trainIndices, "trainIndices must not be null").clone();
        testIndices = Objects.requireNonNull(testIndices, "testIndices must not be null").clone();
        if (trainIndices.length != train.rows() || testIndices.length != test.rows()) {
            throw new IllegalArgumentException("Split has " + trainIndices.length + " train and " + testIndices.length
                    + " test indices for " + train.rows() + " train and " + test.rows() + " test rows.");
        }
    }

    @Override
    public String toString() {
        return "Split[train=" + train + ", test=" + test + "]";
    }
}
