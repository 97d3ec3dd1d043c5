package org.fheml.quantization;

import org.fheml.compilation.BitPatterns;
import org.fheml.compilation.Tracer;

/**
 * How a circuit picks the index of the largest of K integer scores, as a round-robin tournament: every pair of
 * classes a &lt; b plays once, a winning when {@code s[a] − s[b] >= 0} (so ties go to the first class, as argmax
 * does), and the class that wins all its K − 1 games is the label. With one score (binary boosting) the label is
 * {@code s[0] − offset >= 0}. The differences are rounded by {@code lsbs} low bits first when they would be wider
 * than a bootstrap can read ({@link BitPatterns#MAX_LOOKUP_BITS}); otherwise {@code lsbs} is 0 and the tournament
 * is exact. Trees and {@link ArgmaxOp} share it.
 *
 * @param scoreCount the number of scores K
 * @param offset     with one score, the smallest integer that means the second class
 * @param lsbs       the low bits rounded away from each difference before its comparison
 */
public record ArgmaxPlan(int scoreCount, long offset, int lsbs) {

    /** A plan whose comparisons read at most {@link BitPatterns#MAX_LOOKUP_BITS} bits, for scores in the bounds. */
    public static ArgmaxPlan of(long[] lower, long[] upper, long offset) {
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
        return new ArgmaxPlan(lower.length, offset, RoundOp.lsbsFor(min, max, BitPatterns.MAX_LOOKUP_BITS));
    }

    /** The label index the tournament gives for these integer scores, computed in the clear. */
    public long label(long[] scores) {
        if (scoreCount == 1) {
            return BitPatterns.round(scores[0] - offset, lsbs) >= 0 ? 1 : 0;
        }
        int[] wins = new int[scoreCount];
        for (int a = 0; a < scoreCount; a++) {
            for (int b = a + 1; b < scoreCount; b++) {
                if (BitPatterns.round(scores[a] - scores[b], lsbs) >= 0) {
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

    /** The tournament traced onto a circuit: a vector of K scores in, the label index (shape (1,) or scalar) out. */
    public Tracer lower(Tracer scores) {
        int k = scoreCount;
        if (k == 1) {
            return rounded(scores.subtract(Tracer.constant(new long[] {offset}))).greaterEqual(0);
        }
        int pairs = k * (k - 1) / 2;
        long[][] differences = new long[k][pairs];
        long[][] wins = new long[pairs][k];
        long[] losses = new long[k];
        int p = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                differences[a][p] = 1;
                differences[b][p] = -1;
                wins[p][a] = 1;
                wins[p][b] = -1;
                losses[b]++;
                p++;
            }
        }
        Tracer firstWins = rounded(scores.matmul(differences)).greaterEqual(0);
        Tracer winCounts = firstWins.matmul(wins).add(Tracer.constant(losses));
        long[] classIndices = new long[k];
        for (int c = 0; c < k; c++) {
            classIndices[c] = c;
        }
        return winCounts.greaterEqual(k - 1).dot(classIndices);
    }

    private Tracer rounded(Tracer differences) {
        return lsbs == 0 ? differences : differences.roundBitPattern(lsbs);
    }
}
