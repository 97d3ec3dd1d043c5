package org.fheml.models.neural;

import java.util.Arrays;

/**
 * Unstructured magnitude pruning that keeps every neuron's worst-case accumulator within nAccumulatorBits, the
 * counterpart of Concrete ML's accumulator-bounded L1 pruning. The worst case is exact interval arithmetic over the
 * integer program: each integer weight q times the range [lo, hi] of its input (x_q − zero point), plus the integer
 * bias. While a side of that interval is out of [−2^(n−1), 2^(n−1) − 1], the neuron's smallest weight that pushes
 * that side is removed (its weight set to 0 and masked for the rest of training). The neuron's largest weight, which
 * fixes its scale, is never removed; if it alone with the bias still does not fit, the bias is clipped.
 */
final class AccumulatorPruning {

    private AccumulatorPruning() {
    }

    /** Prunes the state in place; returns the number of weights removed by this call. */
    static int enforce(NetworkState state, MlpSettings settings) {
        int removed = 0;
        long limitHigh = settings.accumulatorLimit();
        long limitLow = -limitHigh - 1;
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
                if (min < limitLow || max > limitHigh) {
                    long bias = q.bq[o];
                    long clipped = Math.max(bias + limitLow - min, Math.min(bias + limitHigh - max, bias));
                    state.b[l][o] = clipped * q.accumulatorScale[o];
                }
            }
        }
        return removed;
    }
}
