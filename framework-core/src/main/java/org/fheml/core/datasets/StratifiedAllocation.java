package org.fheml.core.datasets;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * How many test rows each class gets in a stratified split: {@code floor} or {@code ceil} of
 * {@code classCount * testFraction}, by largest remainder so that the total is the requested test size, then moved
 * between classes where needed so that every class with at least 2 rows has at least one row in each part.
 */
final class StratifiedAllocation {

    private StratifiedAllocation() {
    }

    /**
     * The test row count of each class. Ties between equal remainders are broken by {@code random}.
     *
     * @throws IllegalArgumentException if the test or training part is too small to hold one row of every class
     *                                  that has at least 2 rows
     */
    static int[] testCounts(int[] classCounts, double testFraction, int testSize, SplitMix64 random) {
        int rows = Arrays.stream(classCounts).sum();
        int trainSize = rows - testSize;
        long needy = Arrays.stream(classCounts).filter(count -> count >= 2).count();
        if (testSize < needy || trainSize < needy) {
            throw new IllegalArgumentException("A stratified split with testFraction " + testFraction + " of " + rows
                    + " rows gives " + testSize + " test and " + trainSize + " training rows, but " + needy
                    + " classes have at least 2 rows and each needs a row in both parts; "
                    + (testSize < needy ? "raise" : "lower") + " testFraction, or merge or drop the smallest classes.");
        }
        int classes = classCounts.length;
        double[] ideal = new double[classes];
        int[] test = new int[classes];
        for (int c = 0; c < classes; c++) {
            ideal[c] = classCounts[c] * testFraction;
            test[c] = Math.min(classCounts[c], (int) Math.floor(ideal[c]));
        }
        distributeRemainder(classCounts, ideal, test, testSize - Arrays.stream(test).sum(), random);
        keepEveryClassInBothParts(classCounts, ideal, test);
        return test;
    }

    private static void distributeRemainder(int[] classCounts, double[] ideal, int[] test, int missing,
            SplitMix64 random) {
        int[] shuffled = IntStream.range(0, classCounts.length).toArray();
        random.shuffle(shuffled);
        Integer[] byRemainder = Arrays.stream(shuffled).boxed().toArray(Integer[]::new);
        Arrays.sort(byRemainder, Comparator.comparingDouble(c -> -(ideal[c] - test[c])));
        while (missing > 0) {
            for (int k = 0; k < byRemainder.length && missing > 0; k++) {
                int c = byRemainder[k];
                if (test[c] < classCounts[c]) {
                    test[c]++;
                    missing--;
                }
            }
        }
        while (missing < 0) {
            for (int k = byRemainder.length - 1; k >= 0 && missing < 0; k--) {
                int c = byRemainder[k];
                if (test[c] > 0) {
                    test[c]--;
                    missing++;
                }
            }
        }
    }

    private static void keepEveryClassInBothParts(int[] classCounts, double[] ideal, int[] test) {
        for (int c = 0; c < classCounts.length; c++) {
            if (classCounts[c] >= 2 && test[c] == 0) {
                moveTestRow(bestOther(c, classCounts, ideal, test, true), c, test);
            }
        }
        for (int c = 0; c < classCounts.length; c++) {
            if (classCounts[c] >= 2 && test[c] == classCounts[c]) {
                moveTestRow(c, bestOther(c, classCounts, ideal, test, false), test);
            }
        }
    }

    /**
     * The class other than {@code c} that best gives up a test row (the one furthest above its ideal) or takes one
     * (furthest below), among those that stay present in both parts after the move.
     */
    private static int bestOther(int c, int[] classCounts, double[] ideal, int[] test, boolean giving) {
        IntPredicate allowed = giving
                ? d -> d != c && test[d] > (classCounts[d] >= 2 ? 1 : 0)
                : d -> d != c && test[d] < classCounts[d] - (classCounts[d] >= 2 ? 1 : 0);
        IntToDoubleFunction score = giving ? d -> test[d] - ideal[d] : d -> ideal[d] - test[d];
        return best(classCounts.length, allowed, score);
    }

    private static void moveTestRow(int from, int to, int[] test) {
        test[from]--;
        test[to]++;
    }

    private static int best(int classes, IntPredicate allowed, IntToDoubleFunction score) {
        int best = -1;
        for (int d = 0; d < classes; d++) {
            if (allowed.test(d) && (best < 0 || score.applyAsDouble(d) > score.applyAsDouble(best))) {
                best = d;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no class can give up or take a test row; the size checks should prevent this");
        }
        return best;
    }
}
