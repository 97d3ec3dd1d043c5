package org.fheml.tfhe.optimizer;

/** The LWE parameters chosen for a circuit without bootstraps, with their predicted failure probability. */
public record LeveledParameters(int precision, int lweDimension, double lweNoiseStd, double norm2, double log2PError,
        double securityBits, long ciphertextBytes) {

    static LeveledParameters of(LeveledQuery query, int n) {
        double std = query.security().minimalStd(n);
        double variance = NoiseFormulas.dotProduct(std * std, query.norm2());
        return new LeveledParameters(query.precision(), n, std, query.norm2(),
                FailureProbability.log2OfVariance(variance, query.precision()), SecurityLevel.securityBits(n, std),
                (n + 1L) * Long.BYTES);
    }
}
