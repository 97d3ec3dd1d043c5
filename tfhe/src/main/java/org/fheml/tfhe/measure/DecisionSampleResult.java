package org.fheml.tfhe.measure;

/**
 * Bootstrap failures counted at the decision point over many samples ({@link BootstrapFailureRate#sampleDecisions}),
 * with the real bootstraps run on a subset to show that a bootstrap fails exactly when its decision leaves the box.
 *
 * @param decisions             the decision-point count and variance against the model (trials = samples)
 * @param checkedBootstraps     samples that were also bootstrapped
 * @param checkedFailures       those whose bootstrap output the wrong message
 * @param checkedDisagreements  those whose bootstrap failed while the decision was inside its box, or the reverse
 */
public record DecisionSampleResult(FailureRateResult decisions, long checkedBootstraps, long checkedFailures,
        long checkedDisagreements) {
}
