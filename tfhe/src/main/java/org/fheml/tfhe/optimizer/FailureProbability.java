package org.fheml.tfhe.optimizer;

import org.apache.commons.math3.special.Erf;

/**
 * Failure probabilities of decryptions and bootstraps. A p-bit message with one padding bit is decoded wrongly
 * when its noise exceeds half a step, 2^-(p+2) of the torus; with Gaussian noise of torus variance v that happens
 * with probability erfc(2^-(p+2) / sqrt(2v)).
 */
public final class FailureProbability {

    private static final double LN2 = Math.log(2);
    /** Past this argument, erfc is computed through its asymptotic expansion to avoid underflow. */
    private static final double ASYMPTOTIC_FROM = 20;

    private FailureProbability() {
    }

    /** Half a decoding step of a p-bit message with one padding bit, as a torus fraction. */
    public static double halfStep(int precision) {
        return Math.pow(2, -(precision + 2));
    }

    /** The probability that noise of this variance moves a p-bit message to a neighbouring value. */
    public static double ofVariance(double variance, int precision) {
        return Erf.erfc(halfStep(precision) / Math.sqrt(2 * variance));
    }

    /** log2 of {@link #ofVariance}, accurate far below the smallest double. */
    public static double log2OfVariance(double variance, int precision) {
        return log2Erfc(halfStep(precision) / Math.sqrt(2 * variance));
    }

    /** The largest variance whose failure probability at this precision is at most {@code pError}. */
    public static double maximalVariance(double pError, int precision) {
        double kappa = Math.sqrt(2) * inverseErfc(pError);
        double safeStd = halfStep(precision) / kappa;
        return safeStd * safeStd;
    }

    /**
     * The x with erfc(x) = p, accurate down to the smallest doubles. Commons Math computes it as erfInv(1 − p),
     * which loses p entirely below about 1e-16; this refines that estimate by Newton steps on ln erfc.
     */
    static double inverseErfc(double p) {
        if (!(p > 0 && p < 2)) {
            throw new IllegalArgumentException("erfc takes values in (0, 2), got " + p);
        }
        double x = Erf.erfcInv(p);
        if (!Double.isFinite(x)) {
            x = Math.sqrt(-Math.log(p));
        }
        if (p >= 1) {
            return x;
        }
        double target = Math.log(p);
        for (int step = 0; step < 50; step++) {
            double lnErfc = log2Erfc(x) * LN2;
            double slope = -2 / Math.sqrt(Math.PI) * Math.exp(-x * x - lnErfc);
            double next = x - (lnErfc - target) / slope;
            if (Math.abs(next - x) <= 1e-15 * Math.abs(x)) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** log2 erfc(x), through erfc(x) ≈ exp(-x²) / (x√π) · (1 − 1/(2x²) + 3/(4x⁴)) where erfc underflows. */
    static double log2Erfc(double x) {
        if (x < ASYMPTOTIC_FROM) {
            return Math.log(Erf.erfc(x)) / LN2;
        }
        double x2 = x * x;
        double series = 1 - 1 / (2 * x2) + 3 / (4 * x2 * x2);
        return (-x2 - Math.log(x * Math.sqrt(Math.PI)) + Math.log(series)) / LN2;
    }

    /** The probability that at least one of two independent events of these probabilities happens. */
    public static double combine(double p1, double p2) {
        return p1 + p2 - p1 * p2;
    }

    /** The probability that at least one of {@code count} independent events of probability p happens. */
    public static double repeat(double p, long count) {
        return -Math.expm1(count * Math.log1p(-p));
    }

    /** The per-event probability that makes {@code count} independent events fail together with probability g. */
    public static double perEvent(double global, long count) {
        return -Math.expm1(Math.log1p(-global) / count);
    }
}
