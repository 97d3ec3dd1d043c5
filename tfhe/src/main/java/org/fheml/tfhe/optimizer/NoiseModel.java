package org.fheml.tfhe.optimizer;

/**
 * The noise at the point where a bootstrap reads its input in the KS → PBS pattern:
 * ‖w‖₂² · v_BR + v_KS + v_MS, the bootstrap outputs' noise grown by the dot product between bootstraps, plus the
 * keyswitch from the big key (dimension kN) to the small one (n), plus the modulus switch to 2N. v_MS counts the
 * masks' rounding only: the runtime floors the body, so a bootstrap fails exactly when the phase error before that
 * floor leaves [−2^-(p+2), 2^-(p+2)), and the failure probability erfc(2^-(p+2)/√(2v)) is exact for Gaussian noise
 * (the body's rounding, {@link NoiseFormulas#modulusSwitchBodyRounding}, is the decision's own step).
 */
public final class NoiseModel {

    private NoiseModel() {
    }

    /** The torus variance at the decision point of a bootstrap. */
    public static double decisionVariance(int lweDimension, int glweDimension, int polynomialSize, double lweVariance,
            double glweVariance, int pbsBaseLog, int pbsLevel, int ksBaseLog, int ksLevel, double norm2,
            boolean centeredModulusSwitch) {
        double blindRotation = NoiseFormulas.blindRotation(lweDimension, glweDimension, polynomialSize, pbsBaseLog,
                pbsLevel, glweVariance);
        double keyswitch = NoiseFormulas.keyswitch(glweDimension * polynomialSize, ksBaseLog, ksLevel, lweVariance);
        return NoiseFormulas.dotProduct(blindRotation, norm2) + keyswitch
                + modulusSwitch(lweDimension, polynomialSize, centeredModulusSwitch);
    }

    /**
     * The noise of the runtime's keyswitch for these parameters: the exact key's, plus the rounding of the key to
     * 32 bits when the server key uses the rounded key.
     */
    public static double keyswitch(org.fheml.tfhe.params.TfheParameters p, boolean roundedTo32Bits) {
        int bigDimension = p.bigLweDimension().value();
        double exact = NoiseFormulas.keyswitch(bigDimension, p.ksBaseLog().value(), p.ksLevels().value(),
                p.lweNoiseStd() * p.lweNoiseStd());
        return roundedTo32Bits ? exact + NoiseFormulas.keyswitchKeyRoundingTo32Bits(bigDimension,
                p.lweDimension().value(), p.ksBaseLog().value(), p.ksLevels().value()) : exact;
    }

    /**
     * The modulus-switch noise of either variant that reaches a bootstrap's decision: the switched phase's whole
     * rounding noise ({@link #switchedPhase}) without the body's rounding.
     */
    public static double modulusSwitch(int lweDimension, int polynomialSize, boolean centered) {
        return switchedPhase(lweDimension, polynomialSize, centered)
                - NoiseFormulas.modulusSwitchBodyRounding(polynomialSize);
    }

    /** The variance of the switched phase minus the exact phase, body rounding included, for either variant. */
    public static double switchedPhase(int lweDimension, int polynomialSize, boolean centered) {
        return centered
                ? NoiseFormulas.centeredModulusSwitch(lweDimension, polynomialSize)
                : NoiseFormulas.modulusSwitch(lweDimension, polynomialSize);
    }
}
