package org.fheml.tfhe.optimizer;

/**
 * A parameter set for KS → PBS bootstraps chosen by the {@link ParameterOptimizer}, with what it predicts and costs.
 * Noise standard deviations are fractions of the torus (std / 2^64).
 */
public record BootstrapParameters(
        int precision,
        int lweDimension,
        int glweDimension,
        int polynomialSize,
        double lweNoiseStd,
        double glweNoiseStd,
        int pbsBaseLog,
        int pbsLevel,
        int ksBaseLog,
        int ksLevel,
        boolean centeredModulusSwitch,
        double norm2,
        double log2PError,
        double securityBits,
        double cost,
        long bootstrapKeyBytes,
        long keyswitchKeyBytes) {

    /** These parameters in the runtime's form. */
    public org.fheml.tfhe.params.TfheParameters toTfheParameters() {
        return org.fheml.tfhe.params.TfheParameters.of(lweDimension, glweDimension, polynomialSize, lweNoiseStd,
                glweNoiseStd, pbsBaseLog, pbsLevel, ksBaseLog, ksLevel);
    }

    /** The failure probability of one bootstrap, as a plain number (0 when it underflows a double). */
    public double pError() {
        return Math.pow(2, log2PError);
    }

    /** The noise model's variance at the decision point of these bootstraps (torus), which p_error comes from. */
    public double decisionVariance() {
        return NoiseModel.decisionVariance(lweDimension, glweDimension, polynomialSize, lweNoiseStd * lweNoiseStd,
                glweNoiseStd * glweNoiseStd, pbsBaseLog, pbsLevel, ksBaseLog, ksLevel, norm2, centeredModulusSwitch);
    }

    /** The noise variance (torus) of these bootstraps' outputs: their blind rotation's. */
    public double outputVariance() {
        return NoiseFormulas.blindRotation(lweDimension, glweDimension, polynomialSize, pbsBaseLog, pbsLevel,
                glweNoiseStd * glweNoiseStd);
    }

    /** The noise variance (torus) the keyswitch of these bootstraps adds, from the big key to the small one. */
    public double keyswitchVariance() {
        return NoiseFormulas.keyswitch(glweDimension * polynomialSize, ksBaseLog, ksLevel, lweNoiseStd * lweNoiseStd);
    }

    /** Builds the record for a candidate, computing its noise, failure probability, security, cost and key sizes. */
    static BootstrapParameters of(BootstrapQuery query, int n, int k, int bigN, int pbsBaseLog, int pbsLevel,
            int ksBaseLog, int ksLevel) {
        SecurityLevel level = query.security();
        double lweStd = level.minimalStd(n);
        double glweStd = level.minimalStd(k * bigN);
        double variance = NoiseModel.decisionVariance(n, k, bigN, lweStd * lweStd, glweStd * glweStd, pbsBaseLog,
                pbsLevel, ksBaseLog, ksLevel, query.norm2(), query.centeredModulusSwitch());
        double security = Math.min(SecurityLevel.securityBits(n, lweStd), SecurityLevel.securityBits(k * bigN, glweStd));
        double cost = CostModel.atomicPattern(n, k, bigN, pbsLevel, ksLevel, query.sumSize()) / 0x1p20;
        org.fheml.tfhe.params.TfheParameters sizes = org.fheml.tfhe.params.TfheParameters.of(n, k, bigN, lweStd,
                glweStd, pbsBaseLog, pbsLevel, ksBaseLog, ksLevel);
        return new BootstrapParameters(query.precision(), n, k, bigN, lweStd, glweStd, pbsBaseLog, pbsLevel,
                ksBaseLog, ksLevel, query.centeredModulusSwitch(), query.norm2(),
                FailureProbability.log2OfVariance(variance, query.precision()), security, cost,
                sizes.bootstrapKeyBytes(), sizes.keyswitchKeyBytes());
    }
}
