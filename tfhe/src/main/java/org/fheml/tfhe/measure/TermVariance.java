package org.fheml.tfhe.measure;

/**
 * One noise term's variance measured over {@code samples} errors (decrypted with the secret key) beside its closed
 * form, both as torus variances.
 *
 * @param measured              the measured variance
 * @param measuredStandardError the standard error of {@code measured}, from the samples' fourth moment
 * @param formula               what the noise formulas predict
 * @param mean                  the measured mean error (a bias would show here)
 */
public record TermVariance(NoiseTerm term, String parameters, long samples, double measured,
        double measuredStandardError, double formula, double mean) {

    /** measured / formula (1 when both are 0, as for sample extraction). */
    public double ratio() {
        if (formula == 0) {
            return measured == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return measured / formula;
    }

    /** The standard error of {@link #ratio()}. */
    public double ratioStandardError() {
        return formula == 0 ? 0 : measuredStandardError / formula;
    }

    /** How many standard errors the measurement lies from the formula. */
    public double zScore() {
        if (measuredStandardError == 0) {
            return measured == formula ? 0 : Double.POSITIVE_INFINITY;
        }
        return (measured - formula) / measuredStandardError;
    }

    /**
     * The 95 % confidence interval of {@link #ratio()}, ratio ± 1.96 standard errors: the normal approximation of
     * the variance estimate's distribution (for Gaussian errors the chi-square interval, which it matches within
     * 1 % of the ratio from a few thousand samples on).
     */
    public double[] ratioConfidenceInterval95() {
        double half = 1.96 * ratioStandardError();
        return new double[] {ratio() - half, ratio() + half};
    }

    /** One line of a report: term, parameters, n, measured, formula, ratio ± its standard error, 95 % interval. */
    public String row() {
        double[] ci = ratioConfidenceInterval95();
        return String.format(java.util.Locale.ROOT, "%-30s %-34s %9d %11.4e %11.4e %7.4f ± %.4f [%.4f, %.4f]",
                term.label(), parameters, samples, measured, formula, ratio(), ratioStandardError(), ci[0], ci[1]);
    }
}
