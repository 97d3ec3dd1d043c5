package org.fheml.models.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.Supplier;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.junit.jupiter.api.Test;

/**
 * Lasso and ElasticNet against scikit-learn 1.9.1 on the raw diabetes data, and their fits bit-identical however
 * the heap is laid out (the OpenBLAS-based Smile solvers they replaced were not).
 *
 * <p>The references come from {@code Lasso(alpha=a).fit(X, y)} and {@code ElasticNet(alpha=a, l1_ratio=r).fit(X, y)}
 * with default tol and max_iter, X and y read from the bundled diabetes_data_raw.csv.gz and diabetes_target.csv.gz.
 */
class CoordinateDescentTest {

    private static final RegressionDataset DIABETES = Datasets.diabetes();

    @Test
    void lassoMatchesScikitLearn() {
        assertMatches(new Lasso(), new double[] {-0.019026711461855597, -17.477049676119265, 5.842430566818589,
                1.091542583780382, 0.1561323959141379, -0.3152035182535859, -1.1877517129139792, 0.16243274585018236,
                34.22471514072433, 0.3297322813049066}, -202.30265547056476);
        assertMatches(new Lasso().setAlpha(0.1), new double[] {-0.03422211482248355, -22.318851988733172,
                5.628241299242512, 1.1138756339309774, -0.9347573458570051, 0.6133704224863746, 0.17617170932547782,
                5.754523381801812, 64.32688762034525, 0.2853758465646961}, -318.1204240146061);
    }

    @Test
    void elasticNetMatchesScikitLearn() {
        assertMatches(new ElasticNet(), new double[] {-0.03883267405929275, -5.750946713219955, 6.081029117857405,
                1.0527775923051383, 1.1858320078289848, -1.3047783273687852, -2.0857283967804845, 0.24222546230015807,
                2.823463967680743, 0.34941129127935505}, -113.37138165941852);
        assertMatches(new ElasticNet().setAlpha(0.01).setL1Ratio(0.7), new double[] {-0.0317232876352187,
                -22.488279261962795, 5.6530545790231495, 1.1193633932785918, -0.8532990370362036, 0.5290737475653757,
                0.1083155793705031, 6.113064983124151, 61.36193031078816, 0.29031349198478534}, -309.6125954173282);
    }

    @Test
    void lassoFitsAreBitIdentical() {
        assertBitIdentical(Lasso::new);
    }

    @Test
    void elasticNetFitsAreBitIdentical() {
        assertBitIdentical(ElasticNet::new);
    }

    private static void assertMatches(LinearRegressorBase<?> regressor, double[] weights, double bias) {
        FloatLinearModel model = regressor.fit(DIABETES.features(), DIABETES.targets()).floatModel();
        for (int j = 0; j < weights.length; j++) {
            assertEquals(weights[j], model.weights()[j][0], 1e-9 * Math.abs(weights[j]), "weight " + j);
        }
        assertEquals(bias, model.bias()[0], 1e-9 * Math.abs(bias), "bias");
    }

    /** Refits after a fit on other data, which allocates arrays of other sizes, so each fit's arrays sit elsewhere. */
    private static void assertBitIdentical(Supplier<? extends LinearRegressorBase<?>> factory) {
        double[][] X = DIABETES.features();
        double[] y = DIABETES.targets();
        double[][] otherX = Arrays.copyOf(X, 300);
        double[] otherY = Arrays.stream(y, 0, 300).map(v -> 400 - v).toArray();
        FloatLinearModel reference = factory.get().fit(X, y).floatModel();
        for (int attempt = 1; attempt <= 20; attempt++) {
            LinearRegressorBase<?> refitted = factory.get().fit(otherX, otherY);
            FloatLinearModel model = refitted.fit(X, y).floatModel();
            assertArrayEquals(reference.bias(), model.bias(), "bias at attempt " + attempt);
            for (int j = 0; j < X[0].length; j++) {
                assertArrayEquals(reference.weights()[j], model.weights()[j], "weight " + j + " at attempt " + attempt);
            }
        }
    }
}
