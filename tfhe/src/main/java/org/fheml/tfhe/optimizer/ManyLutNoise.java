package org.fheml.tfhe.optimizer;

/**
 * The failure probability of a many-LUT bootstrap ({@code ManyLutBootstrap}) of 2^a functions of a p-bit input on
 * given KS-PBS parameters: the same decision variance ({@link NoiseModel#decisionVariance}), except that the masks'
 * modulus switch rounds to 2N/2^a instead of 2N, against the half box of a p-bit message. Parameters chosen for
 * p + a bits hold such a bootstrap: their variance budget is 4^a times smaller, and only the modulus switch's
 * term grows, by 4^a.
 */
public final class ManyLutNoise {

    private ManyLutNoise() {
    }

    /** The decision variance of a many-LUT bootstrap of 2^log2Functions functions on {@code parameters}. */
    public static double decisionVariance(BootstrapParameters parameters, int log2Functions) {
        if (log2Functions == 0) {
            return parameters.decisionVariance();
        }
        int n = parameters.lweDimension();
        int bigN = parameters.polynomialSize();
        boolean centered = parameters.centeredModulusSwitch();
        return parameters.decisionVariance() - NoiseModel.modulusSwitch(n, bigN, centered)
                + NoiseModel.modulusSwitch(n, bigN >> log2Functions, centered);
    }

    /** log2 of its failure probability for {@code precision}-bit inputs (which may be below the parameters'). */
    public static double log2PError(BootstrapParameters parameters, int precision, int log2Functions) {
        return FailureProbability.log2OfVariance(decisionVariance(parameters, log2Functions), precision);
    }
}
