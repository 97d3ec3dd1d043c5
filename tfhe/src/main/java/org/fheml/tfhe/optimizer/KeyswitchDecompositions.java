package org.fheml.tfhe.optimizer;

/**
 * For every output dimension n of the search, the keyswitch decompositions worth trying: for each level count the
 * base with the least noise per input coefficient, given the keyswitch key noise the security level allows at n.
 */
final class KeyswitchDecompositions {

    private static final int TORUS_BITS = 64;

    /** [n − MIN_LWE_DIMENSION][levels − 1]; null where more levels do not lower the noise. */
    private final Decomposition[][] byDimension;

    KeyswitchDecompositions(SecurityLevel level) {
        int count = ParameterOptimizer.MAX_LWE_DIMENSION - ParameterOptimizer.MIN_LWE_DIMENSION + 1;
        byDimension = new Decomposition[count][];
        for (int i = 0; i < count; i++) {
            double kskVariance = level.minimalVariance(ParameterOptimizer.MIN_LWE_DIMENSION + i);
            Decomposition[] front = new Decomposition[TORUS_BITS];
            double lowest = Double.POSITIVE_INFINITY;
            for (int levels = 1; levels <= TORUS_BITS; levels++) {
                Decomposition best = null;
                for (int baseLog = 1; baseLog * levels <= TORUS_BITS; baseLog++) {
                    double variance = NoiseFormulas.keyswitchPerInputCoefficient(baseLog, levels, kskVariance);
                    if (best == null || variance < best.variance()) {
                        best = new Decomposition(baseLog, levels, variance);
                    }
                }
                if (best != null && best.variance() < lowest) {
                    lowest = best.variance();
                    front[levels - 1] = best;
                }
            }
            byDimension[i] = front;
        }
    }

    /** The decomposition with the fewest levels whose noise per input coefficient fits the budget, or null. */
    Decomposition cheapest(int n, double budgetPerCoefficient) {
        for (Decomposition candidate : byDimension[n - ParameterOptimizer.MIN_LWE_DIMENSION]) {
            if (candidate != null && candidate.variance() <= budgetPerCoefficient) {
                return candidate;
            }
        }
        return null;
    }
}
