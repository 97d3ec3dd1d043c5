package org.fheml.tfhe.measure;

/**
 * Running mean, variance and fourth central moment of a stream of errors (torus fractions), updated in one pass
 * (Welford's recurrences extended to the fourth moment), so that the standard error of the variance estimate comes
 * from the data itself rather than from a Gaussian assumption: Var(s²) ≈ (μ₄ − σ⁴)/n, which is 2σ⁴/n for Gaussian
 * errors and less for the lighter-tailed sums of uniform rounding errors.
 */
public final class VarianceAccumulator {

    private long count;
    private double mean;
    private double m2;
    private double m3;
    private double m4;

    /** Adds one sample. */
    public void add(double x) {
        long n1 = count;
        count++;
        double n = count;
        double delta = x - mean;
        double deltaN = delta / n;
        double deltaN2 = deltaN * deltaN;
        double term1 = delta * deltaN * n1;
        mean += deltaN;
        m4 += term1 * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
        m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2;
        m2 += term1;
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }

    /** The population variance of the samples (about the measured mean). */
    public double variance() {
        return count == 0 ? Double.NaN : m2 / count;
    }

    /** The mean square of the samples: the variance about zero, which counts a bias as noise. */
    public double meanSquare() {
        return variance() + mean * mean;
    }

    /** The standard error of {@link #variance()}: √((μ₄ − σ⁴)/n). */
    public double varianceStandardError() {
        if (count < 2) {
            return Double.NaN;
        }
        double variance = variance();
        double fourth = m4 / count;
        return Math.sqrt(Math.max(fourth - variance * variance, 0) / count);
    }
}
