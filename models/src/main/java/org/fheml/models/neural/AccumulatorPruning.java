package org.fheml.models.neural;

import java.util.Arrays;

/**
 * Unstructured magnitude pruning that keeps every neuron's worst-case accumulator within nAccumulatorBits, the
 * counterpart of Concrete ML's accumulator-bounded L1 pruning. The worst case is exact interval arithmetic over the
 * integer program: each integer weight q times the range [lo, hi] of its input (x_q − zero point), plus the integer
 * bias. While a side of that interval is out of [−2^(n−1), 2^(n−1) − 1], the neuron's smallest weight that pushes
 * that side is removed (its weight set to 0 and masked for the rest of training). The neuron's largest weight, which
 * fixes its scale, is never removed. If the bias keeps a side out of range, the weakest weights of either side are
 * removed until the interval is no wider than the allowed one, and the bias is clipped to shift it inside.
 *
 * <p>When the lookups round accumulators to fewer bits, the upper limit leaves room for rounding half up not to
 * carry into a new top bit: an 8-bit accumulator rounded to 6 bits may reach 125, not 127 (which would round to 32
 * and need 7 bits).
 */
final class AccumulatorPruning {

    private AccumulatorPruning() {
    }

    /** Prunes the state in place; returns the number of weights removed by this call. */
    static int enforce(NetworkState state, MlpSettings settings) {
        int bits = settings.nAccumulatorBits();
        int removed = 0;
        long limitHigh = upperLimit(bits, settings.roundingThresholdBits());
        long limitLow = -(1L << (bits - 1));
        for (int l = 0; l < state.layers(); l++) {
            LayerQuantization q = LayerQuantization.of(state, settings, l);
            long lo = q.input.minInteger() - q.input.zeroPoint();
            long hi = q.input.maxInteger() - q.input.zeroPoint();
            double[] w = state.w[l];
            boolean[] kept = state.kept[l];
            Integer[] byMagnitude = new Integer[q.in];
            for (int o = 0; o < q.out; o++) {
                long min = q.accMin[o];
                long max = q.accMax[o];
                if (min >= limitLow && max <= limitHigh) {
                    continue;
                }
                int row = o * q.in;
                int strongest = -1;
                for (int i = 0; i < q.in; i++) {
                    byMagnitude[i] = i;
                    if (kept[row + i] && (strongest < 0 || Math.abs(w[row + i]) > Math.abs(w[row + strongest]))) {
                        strongest = i;
                    }
                }
                Arrays.sort(byMagnitude, (x, y) -> Double.compare(Math.abs(w[row + x]), Math.abs(w[row + y])));
                for (int i : byMagnitude) {
                    if (min >= limitLow && max <= limitHigh) {
                        break;
                    }
                    long wq = (long) q.wq[row + i];
                    if (!kept[row + i] || wq == 0 || i == strongest) {
                        continue;
                    }
                    long toMax = Math.max(wq * lo, wq * hi);
                    long toMin = Math.min(wq * lo, wq * hi);
                    if ((max > limitHigh && toMax > 0) || (min < limitLow && toMin < 0)) {
                        kept[row + i] = false;
                        w[row + i] = 0;
                        max -= toMax;
                        min -= toMin;
                        removed++;
                    }
                }
                // Still out of range: the bias pushes one side. Shrink the interval to the allowed width with
                // the weakest weights of either side, then shift it in by clipping the bias.
                for (int i : byMagnitude) {
                    if (max - min <= limitHigh - limitLow) {
                        break;
                    }
                    long wq = (long) q.wq[row + i];
                    if (!kept[row + i] || wq == 0 || i == strongest) {
                        continue;
                    }
                    kept[row + i] = false;
                    w[row + i] = 0;
                    max -= Math.max(wq * lo, wq * hi);
                    min -= Math.min(wq * lo, wq * hi);
                    removed++;
                }
                if (min < limitLow || max > limitHigh) {
                    long bias = q.bq[o];
                    long clipped = Math.max(bias + limitLow - min, Math.min(bias + limitHigh - max, bias));
                    state.b[l][o] = clipped * q.accumulatorScale[o];
                }
            }
        }
        return removed;
    }

    /** The largest accumulator of {@code bits} signed bits that still fits {@code roundingBits} after rounding. */
    static long upperLimit(int bits, int roundingBits) {
        long high = (1L << (bits - 1)) - 1;
        if (roundingBits <= 0 || roundingBits >= bits) {
            return high;
        }
        int lsbs = bits - roundingBits;
        return Math.min(high, ((1L << (roundingBits - 1)) - 1) * (1L << lsbs) + (1L << (lsbs - 1)) - 1);
    }
}
