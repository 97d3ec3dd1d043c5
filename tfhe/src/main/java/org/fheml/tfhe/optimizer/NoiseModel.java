package org.fheml.tfhe.optimizer;

/**
 * The noise at the point where a bootstrap reads its input in the KS → PBS pattern:
 * ‖w‖₂² · v_BR + v_KS + v_MS, the bootstrap outputs' noise grown by the dot product between bootstraps, plus the
 * keyswitch from the big key (dimension kN) to the small one (n), plus the modulus switch to 2N.
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

    /** The modulus-switch noise of either variant. */
    public static double modulusSwitch(int lweDimension, int polynomialSize, boolean centered) {
        return centered
                ? NoiseFormulas.centeredModulusSwitch(lweDimension, polynomialSize)
                : NoiseFormulas.modulusSwitch(lweDimension, polynomialSize);
    }
}
