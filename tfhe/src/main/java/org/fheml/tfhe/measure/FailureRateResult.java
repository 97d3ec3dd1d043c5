package org.fheml.tfhe.measure;

import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.fheml.tfhe.optimizer.FailureProbability;

/**
 * Bootstrap failures counted against the noise model's prediction, with the variance measured at the bootstraps'
 * decision point beside the predicted one.
 *
 * @param trials                    bootstraps whose output was checked
 * @param failures                  outputs that decrypted to another message than their input
 * @param predictedPError           the model's failure probability for one bootstrap
 * @param precision                 the bits the bootstraps resolve (NaN-free: 0 when unknown)
 * @param decisionFailures          inputs whose switched phase left their message's box (the decision failed)
 * @param decisionVariance          the measured variance at the decision point, torus, comparable with the model's
 *                                  (the switched phase's variance less the body's rounding step, 1/(12·(2N)²))
 * @param decisionVarianceError     the standard error of {@code decisionVariance}
 * @param predictedDecisionVariance the model's variance at the decision point
 */
public record FailureRateResult(long trials, long failures, double predictedPError, int precision,
        long decisionFailures, double decisionVariance, double decisionVarianceError,
        double predictedDecisionVariance) {

    /** Below this two-sided tail probability, a count is taken to disagree with the prediction. */
    public static final double SIGNIFICANCE = 1e-4;

    /** A count without the decision-point measurements. */
    public FailureRateResult(long trials, long failures, double predictedPError) {
        this(trials, failures, predictedPError, 0, 0, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Several measurements of one parameter set (different keys and seeds) pooled into one. */
    public static FailureRateResult pool(List<FailureRateResult> results) {
        long trials = 0;
        long failures = 0;
        long decisionFailures = 0;
        double weightedVariance = 0;
        double weightedError = 0;
        for (FailureRateResult r : results) {
            trials += r.trials;
            failures += r.failures;
            decisionFailures += r.decisionFailures;
        }
        for (FailureRateResult r : results) {
            double weight = (double) r.trials / trials;
            weightedVariance += weight * r.decisionVariance;
            weightedError += weight * weight * r.decisionVarianceError * r.decisionVarianceError;
        }
        FailureRateResult first = results.getFirst();
        return new FailureRateResult(trials, failures, first.predictedPError, first.precision, decisionFailures,
                weightedVariance, Math.sqrt(weightedError), first.predictedDecisionVariance);
    }

    public double measuredPError() {
        return (double) failures / trials;
    }

    public double expectedFailures() {
        return predictedPError * trials;
    }

    /** The failure probability the measured decision variance gives: erfc(2^-(p+2) / √(2·v_measured)). */
    public double pErrorOfMeasuredVariance() {
        return precision == 0 ? Double.NaN : FailureProbability.ofVariance(decisionVariance, precision);
    }

    /** measured / predicted decision variance. */
    public double varianceRatio() {
        return decisionVariance / predictedDecisionVariance;
    }

    /** The smallest and largest failure counts a binomial(trials, predicted) gives outside the 1e-4 tails. */
    public long[] acceptedRange() {
        BinomialDistribution distribution = new BinomialDistribution(null, Math.toIntExact(trials), predictedPError);
        return new long[] {distribution.inverseCumulativeProbability(SIGNIFICANCE / 2),
                distribution.inverseCumulativeProbability(1 - SIGNIFICANCE / 2)};
    }

    /** The central {@code confidence} interval of a Poisson count of mean {@link #expectedFailures()}. */
    public long[] poissonInterval(double confidence) {
        PoissonDistribution distribution = new PoissonDistribution(null, expectedFailures(),
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        double tail = (1 - confidence) / 2;
        return new long[] {distribution.inverseCumulativeProbability(tail),
                distribution.inverseCumulativeProbability(1 - tail)};
    }

    /** Whether the measured count lies within the statistical bounds of the prediction. */
    public boolean agreesWithPrediction() {
        long[] range = acceptedRange();
        return failures >= range[0] && failures <= range[1];
    }
}
