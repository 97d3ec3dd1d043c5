package org.fheml.models.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.junit.jupiter.api.Test;

/**
 * LinearRegression's QR solver against scikit-learn 1.9.1 ({@code LinearRegression().fit(X, y)} on the bundled raw
 * diabetes data), its fits bit-identical however the heap is laid out, and its fallback for dependent features.
 */
class LeastSquaresTest {

    private static final RegressionDataset DIABETES = Datasets.diabetes();

    @Test
    void matchesScikitLearn() {
        double[] weights = {-0.03636122422362255, -22.859648090498364, 5.602962091923711, 1.116807993318186,
                -1.0899963340632204, 0.7464504555142105, 0.37200471508913646, 6.533831935990337, 68.48312496478826,
                0.28011698932149776};
        FloatLinearModel model = new LinearRegression().fit(DIABETES.features(), DIABETES.targets()).floatModel();
        for (int j = 0; j < weights.length; j++) {
            assertEquals(weights[j], model.weights()[j][0], 1e-9 * Math.abs(weights[j]), "weight " + j);
        }
        assertEquals(-334.5671385187875, model.bias()[0], 1e-9 * 334.5671385187875, "bias");
    }

    /** Refits after a fit on other data, which allocates arrays of other sizes, so each fit's arrays sit elsewhere. */
    @Test
    void fitsAreBitIdentical() {
        double[][] X = DIABETES.features();
        double[] y = DIABETES.targets();
        double[][] otherX = Arrays.copyOf(X, 300);
        double[] otherY = Arrays.stream(y, 0, 300).map(v -> 400 - v).toArray();
        FloatLinearModel reference = new LinearRegression().fit(X, y).floatModel();
        for (int attempt = 1; attempt <= 20; attempt++) {
            FloatLinearModel model = new LinearRegression().fit(otherX, otherY).fit(X, y).floatModel();
            assertArrayEquals(reference.bias(), model.bias(), "bias at attempt " + attempt);
            for (int j = 0; j < X[0].length; j++) {
                assertArrayEquals(reference.weights()[j], model.weights()[j], "weight " + j + " at attempt " + attempt);
            }
        }
    }

    @Test
    void dependentFeaturesLeaveTheQrSolver() {
        double[][] X = Arrays.stream(DIABETES.features()).map(row -> new double[] {row[2], row[3], 2 * row[2]})
                .toArray(double[][]::new);
        assertTrue(LeastSquares.fit(X, DIABETES.targets()).isEmpty());
        double[] predictions = new LinearRegression().fit(X, DIABETES.targets()).floatPredict(X);
        assertTrue(Arrays.stream(predictions).allMatch(Double::isFinite));
    }
}
