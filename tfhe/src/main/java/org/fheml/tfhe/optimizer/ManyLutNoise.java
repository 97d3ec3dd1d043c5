package org.fheml.tfhe.optimizer;

/**
 * The failure probability of a many-LUT bootstrap ({@code ManyLutBootstrap}) of 2^a functions on parameters chosen
 * for single bootstraps: the same decision variance ({@link NoiseModel#decisionVariance}), except that the masks'
 * modulus switch rounds to 2N/2^a instead of 2N, against the same half box of a p-bit message.
 */
public final class ManyLutNoise {

    private ManyLutNoise() {
    }

    /** The decision variance of a many-LUT bootstrap of 2^log2Functions functions on {@code parameters}. */
    public static double decisionVariance(BootstrapParameters parameters, int log2Functions) {
        int n = parameters.lweDimension();
        int bigN = parameters.polynomialSize();
        boolean centered = parameters.centeredModulusSwitch();
        return parameters.decisionVariance() - NoiseModel.modulusSwitch(n, bigN, centered)
                + NoiseModel.modulusSwitch(n, bigN >> log2Functions, centered);
    }

    /** log2 of its failure probability at the parameters' precision. */
    public static double log2PError(BootstrapParameters parameters, int log2Functions) {
        if (log2Functions == 0) {
            return parameters.log2PError();
        }
        return FailureProbability.log2OfVariance(decisionVariance(parameters, log2Functions), parameters.precision());
    }
}
