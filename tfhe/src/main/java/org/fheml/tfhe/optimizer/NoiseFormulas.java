package org.fheml.tfhe.optimizer;

/**
 * Closed-form variances of the noise each TFHE operation leaves, as torus variances ((std / 2^64)^2), following
 * Concrete's noise model (backends/concrete-cpu/noise-model) except for the FFT's error, which is fheml's own FFT's,
 * measured. Keys are binary: key variance and squared key mean are both 1/4 in integer units. B = 2^baseLog is the decomposition base and l its level count.
 */
public final class NoiseFormulas {

    private static final double Q = 0x1p64;
    private static final double Q2 = Q * Q;
    /** Variance and squared mean of a binary key coefficient, in torus units. */
    private static final double KEY_VARIANCE = 1 / (4 * Q2);
    private static final double KEY_MEAN_SQUARED = 1 / (4 * Q2);
    /** Mantissa bits of the double-precision FFT. */
    private static final int FFT_MANTISSA = 53;
    /** c(N) = offset + slope·log2 N: one output coefficient's FFT error, in units of its products' magnitude. */
    private static final double FFT_COEFFICIENT_OFFSET = -11.0;
    private static final double FFT_COEFFICIENT_SLOPE = 3.58;
    /** The same for a mask coefficient's error as it reaches the phase through the key, per kN/2. */
    private static final double FFT_KEY_OFFSET = -3.9;
    private static final double FFT_KEY_SLOPE = 2.2;

    private NoiseFormulas() {
    }

    /**
     * The noise one CMUX (external product with a bootstrap-key GGSW) adds: key noise, decomposition rounding and
     * the f64 FFT error ({@link #externalProductFft}).
     *
     * @param bskVariance torus variance of the bootstrap key's GLWE noise
     */
    public static double cmux(int glweDimension, int polynomialSize, int baseLog, int levels, double bskVariance) {
        double k = glweDimension;
        double n = polynomialSize;
        double base2l = Math.pow(2, 2.0 * baseLog * levels);
        double kN = k * n;
        double keyNoise = (k + 1) * n * DigitStatistics.squareSum(baseLog, levels) * bskVariance;
        double rounding = (Q2 - base2l) / (24 * base2l) * (1 / Q2 + kN * (KEY_VARIANCE + KEY_MEAN_SQUARED))
                + kN / 8 * KEY_VARIANCE + (1 - kN) * (1 - kN) / 16 * KEY_MEAN_SQUARED;
        return keyNoise + rounding + externalProductFft(glweDimension, polynomialSize, baseLog, levels);
    }

    /**
     * The f64 FFT's rounding error in one external product, as it reaches the phase. Every rounding of the FFT
     * (the conversion of the GGSW's 64-bit words to doubles, the butterflies, the products, the inverse) is relative
     * to the magnitude of the digit × GGSW products, so each output coefficient errs with variance
     * c(N)·(k + 1)·N·Σ_levels E[d²]·E[g²]·2^(2·(64 − 53)) / q², E[g²] = q²/12 for the GGSW's uniform words, and c(N)
     * growing with the log2 N butterfly stages. The body's error reaches the phase as it is; each mask polynomial's
     * through its product with the binary key, which multiplies its variance by about kN/2 but weighs the lowest
     * frequencies, where the butterflies' twiddles are exact, by the key's mean: that weight has its own constant.
     * Both constants are fitted to the measured error of the default (vector) kernel from N = 256 to 32768 (see
     * {@code NoiseVarianceMeasurement.externalProductFft}, which measures this term against the exact integer
     * product); the scalar kernel, without fused multiply-adds, errs about 7 % more. Concrete's fit,
     * 2^-2.577·l·B²·N²·(k + 1)·2^22/q², is 0.56 to 3.6 times the measured error: below it for k ≥ 4 at N = 256,
     * 1.6 to 3.6 times above it for k = 1 at every N from 256 to 32768.
     */
    public static double externalProductFft(int glweDimension, int polynomialSize, int baseLog, int levels) {
        double log2N = Math.log(polynomialSize) / Math.log(2);
        double coefficient = FFT_COEFFICIENT_OFFSET + FFT_COEFFICIENT_SLOPE * log2N;
        double throughKey = FFT_KEY_OFFSET + FFT_KEY_SLOPE * log2N;
        double perCoefficient = (glweDimension + 1) * (double) polynomialSize
                * DigitStatistics.squareSum(baseLog, levels) * Math.pow(2, 2.0 * (64 - FFT_MANTISSA)) / Q2 / 12;
        return perCoefficient * (coefficient + throughKey * glweDimension * polynomialSize / 2.0);
    }

    /** The noise of a blind rotation over {@code lweDimension} CMUXes: also the output noise of a bootstrap. */
    public static double blindRotation(int lweDimension, int glweDimension, int polynomialSize, int baseLog,
            int levels, double bskVariance) {
        return lweDimension * cmux(glweDimension, polynomialSize, baseLog, levels, bskVariance);
    }

    /**
     * The noise a keyswitch from dimension {@code inputDimension} adds.
     *
     * @param kskVariance torus variance of the keyswitch key's noise (that of the output key's dimension)
     */
    public static double keyswitch(int inputDimension, int baseLog, int levels, double kskVariance) {
        return inputDimension * keyswitchPerInputCoefficient(baseLog, levels, kskVariance);
    }

    /** The keyswitch noise contributed by one input mask coefficient. */
    public static double keyswitchPerInputCoefficient(int baseLog, int levels, double kskVariance) {
        double base2l = Math.pow(2, 2.0 * baseLog * levels);
        return (Q2 / (12 * base2l) - 1.0 / 12) * (KEY_VARIANCE + KEY_MEAN_SQUARED) + KEY_VARIANCE / 4
                + DigitStatistics.squareSum(baseLog, levels) * kskVariance;
    }

    /**
     * The noise a keyswitch gains when every entry of its key is rounded to a multiple of 2^32 (the 32-bit torus):
     * each entry's error is uniform with variance 2^-64/12 and reaches the phase through the body and through the
     * n_out mask entries times the binary key (E[s²] = 1/2), weighted by the digits' mean square (DigitStatistics), over
     * n_in·l rows.
     */
    public static double keyswitchKeyRoundingTo32Bits(int inputDimension, int outputDimension, int baseLog,
            int levels) {
        double entry = 0x1p-64 / 12;
        return (double) inputDimension * DigitStatistics.squareSum(baseLog, levels) * (1 + outputDimension / 2.0)
                * entry;
    }

    /**
     * The rounding noise of switching an LWE ciphertext of dimension n to modulus 2N before a blind rotation: the
     * switched phase minus the exact one, the body's rounding (1/12 of a 2N step squared) included. Concrete's form.
     */
    public static double modulusSwitch(int lweDimension, int polynomialSize) {
        double w = 2.0 * polynomialSize;
        double n = lweDimension;
        return (1.0 / 12 + n / 24) / (w * w) + (-1.0 / 12 + n / 48) / Q2;
    }

    /**
     * The same with the centered-mean correction (the body is shifted by half the known mask rounding errors), which
     * halves the masks' term: each mask error reaches the phase as ±1/2 of itself whatever the key bit, so their
     * variance is n/4 · (1/w² − 1/q²)/12 = n/(48w²) − n/(48q²); the body's rounding adds (1/w² − 1/q²)/12.
     * TFHE-rs's published form, n·(1/(24q²) + 1/(48w²)), leaves the body's term out.
     */
    public static double centeredModulusSwitch(int lweDimension, int polynomialSize) {
        double w = 2.0 * polynomialSize;
        double n = lweDimension;
        return n * (1 / (48 * w * w) - 1 / (48 * Q2)) + modulusSwitchBodyRounding(polynomialSize);
    }

    /**
     * The variance of the body's own rounding in a modulus switch to 2N, (1/w² − 1/q²)/12 with w = 2N: the part of
     * {@link #modulusSwitch} and {@link #centeredModulusSwitch} that does not reach a bootstrap's decision, because
     * the runtime floors the body and the lookup table's boxes absorb that step (see {@code ModulusSwitch}).
     */
    public static double modulusSwitchBodyRounding(int polynomialSize) {
        double w = 2.0 * polynomialSize;
        return (1 / (w * w) - 1 / Q2) / 12;
    }

    /** The noise after a dot product with integer weights of 2-norm {@code norm2} applied to inputs of this noise. */
    public static double dotProduct(double inputVariance, double norm2) {
        return norm2 * norm2 * inputVariance;
    }
}
