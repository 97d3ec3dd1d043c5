package org.fheml.tfhe.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureProbabilityTest {

    @Test
    void fourSigmaIsConcretesDefault() {
        double variance = FailureProbability.maximalVariance(BootstrapQuery.DEFAULT_P_ERROR, 4);
        assertEquals(Math.pow(2, -6) / 4, Math.sqrt(variance), 1e-3 * Math.pow(2, -8));
        assertEquals(BootstrapQuery.DEFAULT_P_ERROR, FailureProbability.ofVariance(variance, 4), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {15, 19.9, 20, 20.1, 25})
    void theAsymptoticLog2ErfcJoinsTheDirectOne(double x) {
        double direct = Math.log(Erf.erfc(x)) / Math.log(2);
        assertEquals(direct, FailureProbability.log2Erfc(x), 1e-6 * Math.abs(direct));
    }

    @Test
    void log2ErfcStaysFiniteFarBelowTheSmallestDouble() {
        double log2 = FailureProbability.log2Erfc(40);
        assertEquals(-40 * 40 / Math.log(2) - Math.log(40 * Math.sqrt(Math.PI)) / Math.log(2), log2, 0.01);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1e-3, 6.3e-5, 1e-12, 1e-17, 0x1p-64, 0x1p-128, 1e-300})
    void inverseErfcInvertsErfcEvenForTinyProbabilities(double p) {
        double x = FailureProbability.inverseErfc(p);
        double log2P = Math.log(p) / Math.log(2);
        assertEquals(log2P, FailureProbability.log2Erfc(x), 1e-9 * Math.abs(log2P));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-5, 0x1p-40, 0x1p-64, 0x1p-128})
    void theMaximalVarianceGivesBackItsFailureProbability(double pError) {
        double variance = FailureProbability.maximalVariance(pError, 4);
        assertEquals(Math.log(pError) / Math.log(2), FailureProbability.log2OfVariance(variance, 4), 1e-6);
    }

    @Test
    void repetitionsCompose() {
        assertEquals(1 - 0.99 * 0.99, FailureProbability.repeat(0.01, 2), 1e-15);
        assertEquals(FailureProbability.combine(0.01, 0.01), FailureProbability.repeat(0.01, 2), 1e-15);
        double perEvent = FailureProbability.perEvent(1e-5, 1000);
        assertEquals(1e-5, FailureProbability.repeat(perEvent, 1000), 1e-15);
    }
}
