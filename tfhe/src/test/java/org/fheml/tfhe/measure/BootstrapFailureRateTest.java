package org.fheml.tfhe.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.BootstrapQuery;
import org.fheml.tfhe.optimizer.ParameterOptimizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bootstraps of the optimizer's parameters fail as often as the noise model predicts, tested tightly enough to
 * fail: the failure count must lie in the 99.9 % Poisson interval of the predicted count, and the variance measured
 * at the decision point must agree with the model's. At p_error 2^-7 the decision point sits 2.65 standard
 * deviations from the box edge, where a 10 % variance error moves the failure rate by about 44 %: 50,000 pooled
 * decisions (about 390 expected failures, interval ±17 %) separate it from chance, and give the variance with a
 * standard error of about 0.7 %. A bootstrap fails exactly when its decision leaves its box, so the slow test counts
 * failures at the decision point, 64 per blind rotation, a keyswitch each instead of a bootstrap, and bootstraps one
 * sample per blind rotation for real to show that the two agree.
 */
class BootstrapFailureRateTest {

    private static final double CONFIDENCE = 0.999;

    /** The default suite's version: one key, 1200 bootstraps at p = 3 and p_error 2^-4 (about 75 failures). */
    @Test
    void threeBitFailuresAndDecisionVarianceMatchTheModel() {
        BootstrapParameters parameters = ParameterOptimizer.optimize(BootstrapQuery.perBootstrap(3, 1, 0x1p-4));
        FailureRateResult result = BootstrapFailureRate.measure(parameters, 200, 6, 2, 11);
        assertInsidePoissonInterval(result);
        assertVarianceAgrees(result, 0.06);
    }

    /**
     * A chain of message 0 whose bootstrap fails downwards continues in the padding half (−(2^p − 1)); its next
     * bootstraps are correct negacyclic reads and must not count as failures.
     */
    @Test
    void paddingHalfMessagesAreReadWithTheirPaddingBit() {
        org.fheml.tfhe.encoding.Encoding encoding = new org.fheml.tfhe.encoding.Encoding(3);
        long down = BootstrapFailureRate.withPaddingBit(encoding, -encoding.encode(7));
        assertEquals(9, down);
        assertEquals(15, BootstrapFailureRate.negacyclicIdentity(encoding, 9));
        assertEquals(9, BootstrapFailureRate.negacyclicIdentity(encoding, 15));
        assertEquals(0, BootstrapFailureRate.negacyclicIdentity(encoding, 8));
        assertEquals(5, BootstrapFailureRate.negacyclicIdentity(encoding, 5));
        assertEquals(5, BootstrapFailureRate.withPaddingBit(encoding, encoding.encode(5) - encoding.delta() / 2 + 1));
    }

    /**
     * 50,000 decisions at each precision, over five keys, 64 per blind rotation (a keyswitch and a modulus switch
     * each, as the next bootstrap makes them): the pooled count and variance against the model; every sixty-fourth
     * sample is bootstrapped for real and fails exactly when its decision left its box.
     */
    @Tag("slow")
    @ParameterizedTest(name = "p={0}")
    @ValueSource(ints = {2, 3, 4, 6})
    void pooledFailuresFallInsideThePoissonIntervalOfThePrediction(int precision) {
        BootstrapParameters parameters = ParameterOptimizer.optimize(BootstrapQuery.perBootstrap(precision, 1, 0x1p-7));
        List<FailureRateResult> runs = new ArrayList<>();
        long checked = 0;
        long checkedFailures = 0;
        for (int seed = 1; seed <= 5; seed++) {
            DecisionSampleResult run = BootstrapFailureRate.sampleDecisions(parameters, 157, 64, 1000 * precision + seed);
            assertEquals(0, run.checkedDisagreements(), "a bootstrap failed exactly when its decision left the box");
            runs.add(run.decisions());
            checked += run.checkedBootstraps();
            checkedFailures += run.checkedFailures();
        }
        FailureRateResult pooled = FailureRateResult.pool(runs);
        System.out.println("p=" + precision + ": " + describe(pooled) + "; " + checkedFailures + " of " + checked
                + " real bootstraps failed");
        assertEquals(50_240, pooled.trials());
        assertInsidePoissonInterval(pooled);
        assertVarianceAgrees(pooled, 0.0125);
        assertTrue(Math.abs(pooled.varianceRatio() - 1) <= 0.05, () -> describe(pooled));
    }

    /**
     * The default suite's decision sampling: p = 2 at p_error 2^-4, 4,800 decisions from 75 blind rotations (about
     * 300 failures), each blind rotation's checked bootstrap agreeing with its decision.
     */
    @Test
    void sampledDecisionsFailAsPredictedAtTwoBits() {
        BootstrapParameters parameters = ParameterOptimizer.optimize(BootstrapQuery.perBootstrap(2, 1, 0x1p-4));
        DecisionSampleResult run = BootstrapFailureRate.sampleDecisions(parameters, 75, 64, 21);
        assertEquals(75, run.checkedBootstraps());
        assertEquals(0, run.checkedDisagreements());
        assertEquals(4800, run.decisions().trials());
        assertInsidePoissonInterval(run.decisions());
        assertVarianceAgrees(run.decisions(), 0.05);
    }

    @Test
    void theAcceptedRangeIsTheBinomialsBulk() {
        FailureRateResult expected = new FailureRateResult(2000, 16, 0x1p-7);
        long[] range = expected.acceptedRange();
        assertTrue(range[0] <= 16 && 16 <= range[1] && range[0] > 0 && range[1] < 40, Arrays.toString(range));
        assertTrue(!new FailureRateResult(2000, 80, 0x1p-7).agreesWithPrediction(), "five times the rate is refused");
        assertTrue(!new FailureRateResult(2000, 0, 0x1p-7).agreesWithPrediction(), "no failure at all is refused too");
    }

    /** 390.6 expected failures: the 99.9 % interval is about ±3.29 standard deviations, ±65. */
    @Test
    void thePoissonIntervalIsTightEnoughToRefuseATenPercentVarianceError() {
        FailureRateResult pooled = new FailureRateResult(50_000, 0, 0x1p-7);
        long[] interval = pooled.poissonInterval(CONFIDENCE);
        assertTrue(interval[0] >= 320 && interval[0] <= 330 && interval[1] >= 452 && interval[1] <= 462,
                Arrays.toString(interval));
        double tenPercentMore = org.fheml.tfhe.optimizer.FailureProbability.ofVariance(
                1.1 * org.fheml.tfhe.optimizer.FailureProbability.maximalVariance(0x1p-7, 3), 3) * 50_000;
        assertTrue(tenPercentMore > interval[1], "10 % more variance gives " + tenPercentMore + " failures");
    }

    @Test
    void poolingAddsCountsAndWeighsVariancesByTrials() {
        FailureRateResult a = new FailureRateResult(1000, 10, 0.01, 3, 9, 2e-4, 1e-5, 1.9e-4);
        FailureRateResult b = new FailureRateResult(3000, 20, 0.01, 3, 21, 1e-4, 1e-5, 1.9e-4);
        FailureRateResult pooled = FailureRateResult.pool(List.of(a, b));
        assertEquals(4000, pooled.trials());
        assertEquals(30, pooled.failures());
        assertEquals(30, pooled.decisionFailures());
        assertEquals(1.25e-4, pooled.decisionVariance(), 1e-12);
        assertArrayEquals(new long[] {pooled.trials(), 30}, new long[] {4000, pooled.failures()});
    }

    private static void assertInsidePoissonInterval(FailureRateResult r) {
        long[] interval = r.poissonInterval(CONFIDENCE);
        assertTrue(r.failures() >= interval[0] && r.failures() <= interval[1], () -> describe(r));
    }

    /** Within 4.5 standard errors of the model, with a standard error of at most {@code power} (relative). */
    private static void assertVarianceAgrees(FailureRateResult r, double power) {
        double error = r.decisionVarianceError() / r.predictedDecisionVariance();
        assertTrue(error <= power, () -> "too few samples: " + describe(r));
        assertTrue(Math.abs(r.varianceRatio() - 1) <= 4.5 * error, () -> describe(r));
    }

    private static String describe(FailureRateResult r) {
        return r.failures() + " failures (" + r.decisionFailures() + " decisions out of their box) in " + r.trials()
                + " bootstraps; predicted " + r.expectedFailures() + ", 99.9 % interval "
                + Arrays.toString(r.poissonInterval(CONFIDENCE)) + "; decision variance " + r.decisionVariance()
                + " ± " + r.decisionVarianceError() + " against " + r.predictedDecisionVariance() + " (ratio "
                + r.varianceRatio() + ")";
    }
}
