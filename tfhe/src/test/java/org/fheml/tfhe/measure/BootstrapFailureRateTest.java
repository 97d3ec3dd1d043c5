package org.fheml.tfhe.measure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.BootstrapQuery;
import org.fheml.tfhe.optimizer.ParameterOptimizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At a deliberately loose target (p = 3, p_error 2^-7) the bootstraps of the optimizer's parameters fail about as
 * often as the noise model predicts: the count over 2000 chained bootstraps lies within the binomial bounds.
 */
class BootstrapFailureRateTest {

    @Tag("slow")
    @ParameterizedTest(name = "centered modulus switch: {0}")
    @ValueSource(booleans = {false, true})
    void measuredFailuresMatchThePrediction(boolean centered) {
        BootstrapParameters parameters = ParameterOptimizer.optimize(
                BootstrapQuery.perBootstrap(3, 1, 0x1p-7).withCenteredModulusSwitch(centered));
        FailureRateResult result = BootstrapFailureRate.measure(parameters, 200, 10, 2, 11);
        assertTrue(result.agreesWithPrediction(), () -> result.failures() + " failures in " + result.trials()
                + " bootstraps; the prediction " + result.predictedPError() + " allows "
                + java.util.Arrays.toString(result.acceptedRange()));
    }

    @Test
    void theAcceptedRangeIsTheBinomialsBulk() {
        FailureRateResult expected = new FailureRateResult(2000, 16, 0x1p-7);
        long[] range = expected.acceptedRange();
        assertTrue(range[0] <= 16 && 16 <= range[1] && range[0] > 0 && range[1] < 40, java.util.Arrays.toString(range));
        assertTrue(!new FailureRateResult(2000, 80, 0x1p-7).agreesWithPrediction(), "five times the rate is refused");
        assertTrue(!new FailureRateResult(2000, 0, 0x1p-7).agreesWithPrediction(), "no failure at all is refused too");
    }
}
