package org.fheml.tfhe.measure;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Bootstrap failures counted against the noise model's prediction.
 *
 * @param trials         bootstraps whose output was checked
 * @param failures       outputs that decrypted to another message than their input
 * @param predictedPError the model's failure probability for one bootstrap
 */
public record FailureRateResult(long trials, long failures, double predictedPError) {

    /** Below this two-sided tail probability, a count is taken to disagree with the prediction. */
    public static final double SIGNIFICANCE = 1e-4;

    public double measuredPError() {
        return (double) failures / trials;
    }

    /** The smallest and largest failure counts a binomial(trials, predicted) gives outside the 1e-4 tails. */
    public long[] acceptedRange() {
        BinomialDistribution distribution = new BinomialDistribution(null, Math.toIntExact(trials), predictedPError);
        return new long[] {distribution.inverseCumulativeProbability(SIGNIFICANCE / 2),
                distribution.inverseCumulativeProbability(1 - SIGNIFICANCE / 2)};
    }

    /** Whether the measured count lies within the statistical bounds of the prediction. */
    public boolean agreesWithPrediction() {
        long[] range = acceptedRange();
        return failures >= range[0] && failures <= range[1];
    }
}
