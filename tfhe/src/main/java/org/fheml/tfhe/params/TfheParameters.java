package org.fheml.tfhe.params;

import org.fheml.tfhe.InvalidParameterException;

/**
 * The parameters of the KS→PBS pattern: the small LWE dimension n, the GLWE dimension k and polynomial size N of the
 * bootstrap (whose flattened key, of dimension kN, is the "big" LWE key ciphertexts live under), the noise standard
 * deviations as fractions of the torus (the LWE one for the small key and the keyswitch key, the GLWE one for the
 * bootstrap key and for encryption under the big key), and the bootstrap and keyswitch decompositions.
 */
public record TfheParameters(
        LweDimension lweDimension,
        GlweDimension glweDimension,
        PolynomialSize polynomialSize,
        double lweNoiseStd,
        double glweNoiseStd,
        DecompositionBaseLog pbsBaseLog,
        DecompositionLevelCount pbsLevels,
        DecompositionBaseLog ksBaseLog,
        DecompositionLevelCount ksLevels) {

    public TfheParameters {
        checkStd("lweNoiseStd", lweNoiseStd);
        checkStd("glweNoiseStd", glweNoiseStd);
        checkDecomposition("bootstrap", pbsBaseLog, pbsLevels);
        checkDecomposition("keyswitch", ksBaseLog, ksLevels);
    }

    /** The same parameters from plain numbers, in the order n, k, N, stds, pbs base log/levels, ks base log/levels. */
    public static TfheParameters of(int n, int k, int bigN, double lweNoiseStd, double glweNoiseStd, int pbsBaseLog,
            int pbsLevels, int ksBaseLog, int ksLevels) {
        return new TfheParameters(new LweDimension(n), new GlweDimension(k), new PolynomialSize(bigN), lweNoiseStd,
                glweNoiseStd, new DecompositionBaseLog(pbsBaseLog), new DecompositionLevelCount(pbsLevels),
                new DecompositionBaseLog(ksBaseLog), new DecompositionLevelCount(ksLevels));
    }

    /** The dimension kN of the big LWE key: the flattened GLWE key, under which bootstrap outputs are encrypted. */
    public LweDimension bigLweDimension() {
        return new LweDimension(glweDimension.value() * polynomialSize.value());
    }

    /** The bootstrap key in Fourier form: n GGSWs of levels·(k+1)² polynomials, N/2 complex values (8N bytes) each. */
    public long bootstrapKeyBytes() {
        long glweSize = glweDimension.glweSize();
        return (long) lweDimension.value() * pbsLevels.value() * glweSize * glweSize * polynomialSize.value() * Long.BYTES;
    }

    /** The keyswitch key: kN inputs, each with levels ciphertexts of n + 1 words. */
    public long keyswitchKeyBytes() {
        return (long) bigLweDimension().value() * ksLevels.value() * lweDimension.lweSize() * Long.BYTES;
    }

    private static void checkStd(String name, double std) {
        if (!(std > 0 && std < 0.5)) {
            throw new InvalidParameterException(name + " is a fraction of the torus and must lie in (0, 0.5), got " + std);
        }
    }

    private static void checkDecomposition(String what, DecompositionBaseLog baseLog, DecompositionLevelCount levels) {
        if ((long) baseLog.value() * levels.value() > 64) {
            throw new InvalidParameterException("The " + what + " decomposition covers base log " + baseLog.value()
                    + " × " + levels.value() + " levels = " + baseLog.value() * levels.value()
                    + " bits, more than the 64 of the torus: lower the base log or the level count");
        }
    }
}
