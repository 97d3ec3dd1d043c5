package org.fheml.core.datasets;

import static org.fheml.core.datasets.ClassificationDatasetTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionDatasetTest {

    private static final Provenance PROVENANCE = new Provenance("test", "unknown");

    private static RegressionDataset small() {
        return new RegressionDataset("small", new double[][] {{1}, {2}, {3}}, new double[] {10, 20, 30},
                List.of("x"), PROVENANCE);
    }

    @Test
    void subsetTakesRowsAndTargetsInTheGivenOrder() {
        RegressionDataset subset = small().subset(new int[] {2, 1});
        assertArrayEquals(new double[][] {{3}, {2}}, subset.features());
        assertArrayEquals(new double[] {30, 20}, subset.targets());
        assertEquals(2, subset.rows());
        assertEquals(1, subset.featureCount());
        assertMessage(() -> small().subset(new int[] {3}), "rowIndices[0] = 3");
    }

    @Test
    void theConstructorCopiesTheCallersArrays() {
        double[][] features = {{1}};
        double[] targets = {5};
        RegressionDataset d = new RegressionDataset("d", features, targets, List.of("x"), PROVENANCE);
        features[0][0] = 7;
        targets[0] = 7;
        assertEquals(1, d.features()[0][0]);
        assertEquals(5, d.targets()[0]);
        assertEquals(small(), small());
    }

    @Test
    void rejectsAnInvalidShapeWithAClearMessage() {
        assertMessage(() -> new RegressionDataset("d", new double[0][], new double[0], List.of(), PROVENANCE),
                "no rows");
        assertMessage(() -> new RegressionDataset("d", new double[][] {{1}, {2, 3}}, new double[2], List.of("x"),
                PROVENANCE), "not rectangular");
        assertMessage(() -> new RegressionDataset("d", new double[][] {{1}}, new double[2], List.of("x"),
                PROVENANCE), "targets has 2 entries but features has 1 rows");
        assertMessage(() -> new RegressionDataset("d", new double[][] {{1}}, new double[1], List.of("x", "y"),
                PROVENANCE), "featureNames has 2 names but features has 1 columns");
    }
}
