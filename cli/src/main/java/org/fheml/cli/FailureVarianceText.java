package org.fheml.cli;

import java.io.PrintWriter;
import org.fheml.tfhe.measure.FailureRateResult;

/**
 * The noise lines of {@code fheml bench pbs --failure-trials}: the variance measured at the bootstraps' decision
 * point beside the noise model's, the p_error that measured variance implies, and the 99.9 % Poisson interval of
 * the predicted failure count.
 */
final class FailureVarianceText {

    private FailureVarianceText() {
    }

    static void print(PrintWriter out, FailureRateResult f) {
        ParameterText.row(out, "decision variance", String.format(
                "measured %.4g ± %.2g, predicted %.4g (ratio %.3f ± %.3f) over %d bootstraps",
                f.decisionVariance(), f.decisionVarianceError(), f.predictedDecisionVariance(), f.varianceRatio(),
                f.decisionVarianceError() / f.predictedDecisionVariance(), f.trials()));
        long[] interval = f.poissonInterval(0.999);
        ParameterText.row(out, "p_error", String.format(
                "measured %.3g, predicted %.3g, from the measured variance %.3g; 99.9 %% interval of the count %d..%d",
                f.measuredPError(), f.predictedPError(), f.pErrorOfMeasuredVariance(), interval[0], interval[1]));
    }
}
