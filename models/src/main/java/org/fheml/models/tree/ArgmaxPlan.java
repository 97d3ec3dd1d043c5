package org.fheml.models.tree;

import org.fheml.compilation.IntegerType;

/**
 * How a circuit picks the class among its summed scores, as a round-robin tournament: every pair of classes
 * a &lt; b plays once, a winning when {@code s[a] − s[b] >= 0} (so ties go to the first class, as argmax does),
 * and the class that wins all its K − 1 games is the label. With one score (binary boosting) the label is
 * {@code s[0] − offset >= 0}. The differences are rounded by {@code lsbs} low bits first when they would be wider
 * than a bootstrap can read; otherwise {@code lsbs} is 0 and the tournament is exact.
 *
 * @param scoreCount the number of scores K
 * @param offset     with one score, the smallest integer sum that means the second class
 * @param lsbs       the low bits rounded away from each difference before its comparison
 */
record ArgmaxPlan(int scoreCount, long offset, int lsbs) {

    /** The widest input a bootstrap resolves. */
    static final int MAX_LOOKUP_BITS = 16;

    /** A plan whose comparisons read at most 16 bits, for scores within [lower, upper]. */
    static ArgmaxPlan of(long[] lower, long[] upper, long offset) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        if (lower.length == 1) {
            min = lower[0] - offset;
            max = upper[0] - offset;
        }
        for (int a = 0; a < lower.length; a++) {
            for (int b = a + 1; b < lower.length; b++) {
                min = Math.min(min, lower[a] - upper[b]);
                max = Math.max(max, upper[a] - lower[b]);
            }
        }
        int lsbs = 0;
        while (IntegerType.of(round(min, lsbs), round(max, lsbs)).bits() - lsbs > MAX_LOOKUP_BITS) {
            lsbs++;
        }
        return new ArgmaxPlan(lower.length, offset, lsbs);
    }

    /** The nearest multiple of 2^lsbs, ties upwards: the clear semantics of roundBitPattern. */
    static long round(long value, int lsbs) {
        return lsbs == 0 ? value : Math.floorDiv(value + (1L << (lsbs - 1)), 1L << lsbs) << lsbs;
    }

    /** The label index the tournament gives for these integer scores, computed in the clear. */
    long label(long[] scores) {
        if (scoreCount == 1) {
            return round(scores[0] - offset, lsbs) >= 0 ? 1 : 0;
        }
        int[] wins = new int[scoreCount];
        for (int a = 0; a < scoreCount; a++) {
            for (int b = a + 1; b < scoreCount; b++) {
                if (round(scores[a] - scores[b], lsbs) >= 0) {
                    wins[a]++;
                } else {
                    wins[b]++;
                }
            }
        }
        long label = 0;
        for (int c = 0; c < scoreCount; c++) {
            if (wins[c] >= scoreCount - 1) {
                label += c;
            }
        }
        return label;
    }
}
