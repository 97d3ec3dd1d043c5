package org.fheml.models.neighbors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fheml.compilation.BitPatterns;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Compiler;
import org.fheml.compilation.Encryption;
import org.fheml.compilation.Exactness;
import org.fheml.compilation.LookupTable;
import org.fheml.compilation.Tracer;
import org.fheml.quantization.RoundOp;

/**
 * The integer program of a k-nearest-neighbours model, computed in the clear ({@link #evaluate}) and traced onto a
 * circuit ({@link #lower}) alike. The M reference points (training rows or prototypes) are clear constants on a
 * grid {@code scale} times finer than the input's: with x the quantized input (0..Q per feature) and t_j the
 * reference points (0..scale·Q), the squared distance is ‖scale·x − t_j‖² = scale²‖x‖² + s_j with
 * s_j = ‖t_j‖² − 2·scale·t_j·x; the first term is common to every j and is dropped, the rest is leveled.
 *
 * <p>Selection is a round-robin tournament (a comparison network in which every pair plays once): for a &lt; b,
 * u_ab = s_b − s_a = x·W_ab + c_ab, and a beats b (is nearer, ties to the lower index) exactly when u_ab ≥ 0. Every u_ab is rounded by the same l low bits (so that its lookup reads at most {@code comparisonBits}
 * bits) after a shift of −2^(l−1), so that a rounding box edge falls between u = −1 and u = 0: the clear decision is then the exact
 * one whatever l, and on ciphertexts only pairs within a few 2^l/10 of a tie are decided by noise;
 * one lookup then reads the sign: M(M−1)/2 comparison lookups. Each point's losses, a leveled sum, are its rank;
 * one lookup per point tests rank &lt; k and gives the point's output value (1 for its class, or its quantized
 * target): M lookups more, reading ⌈log2 M⌉ bits. The outputs are summed per class (the k labels as vote counts)
 * or in total (the k targets' sum), and the vote or mean is taken on the client.
 *
 * <p>Compared with a bitonic or odd-even selection network, which carries (distance, label) through each
 * comparator (two lookups per comparator on values as wide as the distance and the label together), this costs
 * more comparisons but each reads a few bits: for M ≤ 16 it is the cheaper network at the circuit's precision.
 */
final class NeighborsProgram {

    private final long[][] points;
    private final long inputMax;
    private final int scale;
    private final int k;
    /** Per point: its class index (classifier) or quantized target (regressor). */
    private final long[] values;
    /** The number of outputs: classes (votes per class) or 1 (the sum of the k targets). */
    private final int outputs;
    private final boolean votes;
    private final Exactness exactness;
    private final int pairCount;
    private final long[][] weights;
    private final long[] offsets;
    /** The low bits every comparison is rounded by before its lookup. */
    private final int lsbs;

    NeighborsProgram(long[][] points, long inputMax, int scale, int k, long[] values, int outputs, boolean votes,
            int comparisonBits, Exactness exactness) {
        int m = points.length;
        if (m < k) {
            throw new IllegalArgumentException("k-NN keeps " + m + " reference points, fewer than k = " + k + ".");
        }
        this.points = points;
        this.inputMax = inputMax;
        this.scale = scale;
        this.k = k;
        this.values = values.clone();
        this.outputs = outputs;
        this.votes = votes;
        this.exactness = exactness;
        int features = points[0].length;
        this.pairCount = m * (m - 1) / 2;
        this.weights = new long[features][pairCount];
        this.offsets = new long[pairCount];
        long[] lower = new long[pairCount];
        long[] upper = new long[pairCount];
        int p = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                long lo = squaredNorm(points[b]) - squaredNorm(points[a]);
                long hi = lo;
                for (int f = 0; f < features; f++) {
                    long w = 2L * scale * (points[a][f] - points[b][f]);
                    weights[f][p] = w;
                    lo += Math.min(0, w) * inputMax;
                    hi += Math.max(0, w) * inputMax;
                }
                lower[p] = lo;
                upper[p] = hi;
                p++;
            }
        }
        this.lsbs = sharedLsbs(lower, upper, comparisonBits);
        long shift = lsbs == 0 ? 0 : 1L << (lsbs - 1);
        p = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                offsets[p++] = squaredNorm(points[b]) - squaredNorm(points[a]) - shift;
            }
        }
    }

    /** The fewest low bits after which every comparison, shifted by −2^(l−1), reads at most {@code bits} bits. */
    private static int sharedLsbs(long[] lower, long[] upper, int bits) {
        long min = Arrays.stream(lower).min().orElse(0);
        long max = Arrays.stream(upper).max().orElse(0);
        int l = RoundOp.lsbsFor(min, max, bits);
        while (l > 0 && RoundOp.lsbsFor(min - (1L << (l - 1)), max - (1L << (l - 1)), bits) > l) {
            l++;
        }
        return l;
    }

    private static long squaredNorm(long[] t) {
        long s = 0;
        for (long v : t) {
            s += v * v;
        }
        return s;
    }

    int pointCount() {
        return points.length;
    }

    int pairCount() {
        return pairCount;
    }

    int outputCount() {
        return outputs;
    }

    /** Lookups (bootstraps) per row before the compiler's choices: comparisons, rank tests, and exact roundings. */
    long lookupsPerRow() {
        long roundings = exactness == Exactness.EXACT ? (long) lsbs * pairCount : 0;
        return pairCount + points.length + roundings;
    }

    /** The low bits rounded off every comparison before its lookup. */
    int roundedBits() {
        return lsbs;
    }

    /** The circuit's outputs for one quantized row, computed in the clear. */
    long[] evaluate(long[] x) {
        int m = points.length;
        long[] losses = new long[m];
        int p = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                long u = offsets[p];
                for (int f = 0; f < x.length; f++) {
                    u += weights[f][p] * x[f];
                }
                if (BitPatterns.round(u, lsbs) >= 0) {
                    losses[b]++;
                } else {
                    losses[a]++;
                }
                p++;
            }
        }
        long[] out = new long[outputs];
        for (int j = 0; j < m; j++) {
            long v = selected(j, losses[j]);
            out[votes ? (int) values[j] : 0] += v;
        }
        return out;
    }

    /** Point j's contribution for a rank: 1 (a vote) or its target when the rank is below k, else 0. */
    private long selected(int j, long rank) {
        if (rank >= k) {
            return 0;
        }
        return votes ? 1 : values[j];
    }

    /** The same program traced onto the circuit's encrypted input (one value per feature). */
    Tracer lower(Tracer x) {
        int m = points.length;
        Tracer u = x.matmul(weights).add(Tracer.constant(offsets));
        Tracer rounded = lsbs == 0 ? u : u.roundBitPattern(lsbs, exactness);
        Tracer aWins = rounded.greaterEqual(0);
        // losses_j = Σ_{pairs (a, j)} aWins + Σ_{pairs (j, b)} (1 − aWins)
        long[][] lossMatrix = new long[pairCount][m];
        long[] base = new long[m];
        int p = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                lossMatrix[p][b] += 1;
                lossMatrix[p][a] -= 1;
                base[a] += 1;
                p++;
            }
        }
        Tracer losses = aWins.matmul(lossMatrix).add(Tracer.constant(base));
        long[][] tables = new long[m][m];
        for (int j = 0; j < m; j++) {
            for (int r = 0; r < m; r++) {
                tables[j][r] = selected(j, r);
            }
        }
        Tracer picked = losses.lookup(new LookupTable(0, tables));
        long[][] sum = new long[m][outputs];
        for (int j = 0; j < m; j++) {
            sum[j][votes ? (int) values[j] : 0] = 1;
        }
        return picked.matmul(sum);
    }

    /**
     * Compiles the program into a circuit of one encrypted argument "x"; the inputset is X's quantized rows plus the
     * all-zero and all-maximum rows, so that every table covers every input the quantizer can produce.
     */
    Circuit compile(long[][] quantizedRows, CompileOptions options) {
        List<long[]> inputset = new ArrayList<>(Arrays.asList(quantizedRows));
        long[] zero = new long[points[0].length];
        long[] full = new long[points[0].length];
        Arrays.fill(full, inputMax);
        inputset.add(zero);
        inputset.add(full);
        return Compiler.of(Map.of("x", Encryption.ENCRYPTED), in -> lower(in.get("x")))
                .compile(inputset.toArray(long[][]::new), options);
    }
}
