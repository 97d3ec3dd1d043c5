package org.fheml.tfhe.optimizer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mean square of the digits of the runtime's balanced gadget decomposition ({@code SignedDecomposer}) of a
 * uniform torus value, summed over its levels. Concrete and TFHE-rs take (B² + 2)/12 per level, the mean square of a
 * digit uniform on [−B/2, B/2] with half weight at the ends. That holds for the least significant level only: above
 * it, the tie at B/2 is broken by the next level's top bit, which correlates a digit with its incoming carry and
 * lowers its mean square (by 4 % at B = 8, 1 % at B = 16, under 10^-3 from B = 64). The sum is computed exactly by
 * following the distribution of (carry in, top bit) from the least significant level up.
 */
final class DigitStatistics {

    /** Above this base log the correction is below 2^-30 relative and (B² + 2)/12 per level is used. */
    private static final int EXACT_UP_TO_BASE_LOG = 16;
    private static final Map<Integer, Double> CACHE = new ConcurrentHashMap<>();

    private DigitStatistics() {
    }

    /** Σ over the l levels of E[d²] for a decomposition of base 2^baseLog. */
    static double squareSum(int baseLog, int levels) {
        if (baseLog > EXACT_UP_TO_BASE_LOG) {
            double base = Math.pow(2, baseLog);
            return levels * (base * base + 2) / 12;
        }
        return CACHE.computeIfAbsent(baseLog * 128 + levels, key -> exact(baseLog, levels));
    }

    /**
     * The carry rule of the decomposer: a level's value res = u + carry-in (u its own β bits) carries out when
     * res > B/2, or when res = B/2 and the next level's top bit is set; the digit is res − B·carry-out. The most
     * significant level's next bits are 0 (the state is masked to l·β bits).
     */
    private static double exact(int baseLog, int levels) {
        int base = 1 << baseLog;
        int half = base / 2;
        // probability[carry][top]: carry into the current level, top bit of its own β bits
        double[][] probability = {{0.5, 0.5}, {0, 0}};
        double sum = 0;
        for (int level = 0; level < levels; level++) {
            boolean top = level == levels - 1;
            double[][] next = new double[2][2];
            for (int carry = 0; carry < 2; carry++) {
                for (int topBit = 0; topBit < 2; topBit++) {
                    double weight = probability[carry][topBit] / half;
                    if (weight == 0) {
                        continue;
                    }
                    for (int u = topBit * half; u < (topBit + 1) * half; u++) {
                        int res = u + carry;
                        for (int nextTop = 0; nextTop < 2; nextTop++) {
                            double p = top ? (nextTop == 0 ? weight : 0) : weight / 2;
                            if (p == 0) {
                                continue;
                            }
                            int carryOut = res > half || (res == half && nextTop == 1) ? 1 : 0;
                            double digit = res - (double) carryOut * base;
                            sum += p * digit * digit;
                            next[carryOut][nextTop] += p;
                        }
                    }
                }
            }
            probability = next;
        }
        return sum;
    }
}
