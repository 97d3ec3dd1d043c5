package org.fheml.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.conformance.FheConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** An estimator built on a QuantizedModule passes the FHE checks through the one pipeline. */
class ModuleModelTest {

    private static final Split<RegressionDataset> SPLIT = TrainTestSplit.shuffled(Datasets.diabetes(), 0.2, 42);

    @TestFactory
    Stream<DynamicTest> aNetworkEstimatorPassesTheFheChecks() {
        return FheConformance.regressor(RandomFeaturesRegressor::new, SPLIT);
    }

    @Test
    void theQuantizedNetworkFollowsItsFloatNetwork() {
        RandomFeaturesRegressor r = new RandomFeaturesRegressor().setNBits(6);
        r.fit(SPLIT.train().features(), SPLIT.train().targets());
        double[] quantized = r.predict(SPLIT.test().features(), FheMode.DISABLE);
        double[] reference = r.floatPredict(SPLIT.test().features());
        double mq = java.util.Arrays.stream(quantized).average().orElseThrow();
        double mr = java.util.Arrays.stream(reference).average().orElseThrow();
        double cov = 0;
        double vq = 0;
        double vr = 0;
        for (int i = 0; i < quantized.length; i++) {
            cov += (quantized[i] - mq) * (reference[i] - mr);
            vq += (quantized[i] - mq) * (quantized[i] - mq);
            vr += (reference[i] - mr) * (reference[i] - mr);
        }
        double correlation = cov / Math.sqrt(vq * vr);
        assertTrue(correlation > 0.9, "the 6-bit network's predictions follow the float ones: correlation "
                + correlation);
    }
}
