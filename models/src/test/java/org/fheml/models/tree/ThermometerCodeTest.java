package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fheml.core.datasets.Datasets;
import org.junit.jupiter.api.Test;

/** The thermometer code holds [q ≥ v] at f·(2^n − 1) + v − 1, refuses what it cannot encode, and says why. */
class ThermometerCodeTest {

    static int levels(TreeEstimatorBase<?> model) {
        return (1 << model.nBits().opInputs()) - 1;
    }

    @Test
    void bitsAreThresholdTests() {
        ThermometerCode code = new ThermometerCode(2);
        assertEquals(3, code.levels());
        assertArrayEquals(new long[] {0, 0, 0, 1, 1, 0, 1, 1, 1}, code.encode(new long[] {0, 2, 3}));
        assertEquals(4, code.position(1, 2));
        assertTrue(code.isBit(1) && code.isBit(3));
        assertTrue(!code.isBit(0) && !code.isBit(4));
    }

    @Test
    void everySplitOfARowIsOneBitOfItsCode() {
        var cancer = Datasets.breastCancer();
        var model = new DecisionTreeClassifier().setNBits(5).fit(cancer.features(), cancer.labels());
        ThermometerCode code = new ThermometerCode(5);
        long[][] q = model.state.quantizeFeatures(cancer.features());
        long[][] bits = model.quantizeInput(cancer.features());
        for (int i = 0; i < q.length; i++) {
            for (int f = 0; f < q[i].length; f++) {
                for (int t = 0; t < 31; t++) {
                    assertEquals(q[i][f] <= t, bits[i][code.position(f, t + 1)] == 0, "row " + i + ", feature " + f);
                }
            }
        }
    }

    @Test
    void outOfRangeValuesAndWideFeaturesAreRefusedWithTheFix() {
        ThermometerCode code = new ThermometerCode(3);
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> code.encode(new long[] {1, 8}));
        assertTrue(value.getMessage().contains("Feature 1 is 8"), value.getMessage());
        var cancer = Datasets.breastCancer();
        var wide = new DecisionTreeClassifier().setNBits(12).setMaxDepth(2).fit(cancer.features(), cancer.labels());
        IllegalArgumentException bits = assertThrows(IllegalArgumentException.class, () -> wide.compile(cancer.features()));
        assertTrue(bits.getMessage().contains("TreeInputEncoding.INTEGERS"), bits.getMessage());
        wide.setInputEncoding(TreeInputEncoding.INTEGERS).compile(cancer.features());
        assertEquals(cancer.features()[0].length, wide.quantizeInput(cancer.features())[0].length);
    }
}
