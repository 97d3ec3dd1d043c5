package org.fheml.core.datasets;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Test
    void breastCancerHas569RowsOf30FeaturesWith212MalignantAnd357Benign() {
        ClassificationDataset d = Datasets.breastCancer();
        assertShape(d, "breast-cancer", 569, 30);
        assertEquals(List.of("malignant", "benign"), d.classNames());
        assertArrayEquals(new int[] {212, 357}, d.classCounts());
        assertEquals("mean radius", d.featureNames().getFirst());
        assertEquals("radius error", d.featureNames().get(10));
        assertEquals("worst fractal dimension", d.featureNames().getLast());
        assertEquals(17.99, d.features()[0][0]);
        assertEquals(0.1189, d.features()[0][29]);
        assertEquals(0, d.labels()[0]);
    }

    @Test
    void irisHas150RowsOf4FeaturesWith50PerClass() {
        ClassificationDataset d = Datasets.iris();
        assertShape(d, "iris", 150, 4);
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {50, 50, 50}, d.classCounts());
        assertEquals(List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
                d.featureNames());
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, d.features()[0]);
        assertEquals(0, d.labels()[0]);
    }

    @Test
    void wineHas178RowsOf13FeaturesWith59And71And48PerClass() {
        ClassificationDataset d = Datasets.wine();
        assertShape(d, "wine", 178, 13);
        assertEquals(List.of("class_0", "class_1", "class_2"), d.classNames());
        assertArrayEquals(new int[] {59, 71, 48}, d.classCounts());
        assertEquals("alcohol", d.featureNames().getFirst());
        assertEquals("od280/od315_of_diluted_wines", d.featureNames().get(11));
        assertEquals("proline", d.featureNames().getLast());
        assertEquals(14.23, d.features()[0][0]);
        assertEquals(1065.0, d.features()[0][12]);
    }

    @Test
    void digitsHas1797RowsOf64IntegerPixelsFrom0To16() {
        ClassificationDataset d = Datasets.digits();
        assertShape(d, "digits", 1797, 64);
        assertEquals(DIGIT_CLASSES, d.classNames());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, d.classCounts());
        assertEquals("pixel_0_0", d.featureNames().getFirst());
        assertEquals("pixel_1_0", d.featureNames().get(8));
        assertEquals("pixel_7_7", d.featureNames().getLast());
        assertIntegerValuesWithin(d.features(), 0, 16);
        assertEquals(5.0, d.features()[0][2]);
        assertEquals(0, d.labels()[0]);
    }

    @Test
    void diabetesIsTheRawUnscaledData() {
        RegressionDataset d = Datasets.diabetes();
        assertShape(d, "diabetes", 442, 10);
        assertEquals(List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), d.featureNames());
        assertArrayEquals(new double[] {59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87}, d.features()[0]);
        assertEquals(151.0, d.targets()[0]);
        assertEquals(25.0, Arrays.stream(d.targets()).min().orElseThrow());
        assertEquals(346.0, Arrays.stream(d.targets()).max().orElseThrow());
        assertTrue(Arrays.stream(d.features()).allMatch(row -> row[1] == 1 || row[1] == 2), "sex is coded 1 or 2");
        assertTrue(Arrays.stream(d.features()).allMatch(row -> row[0] >= 19 && row[0] <= 79), "age is in years");
    }

    @Test
    void mnist10kHas10000RowsOf784PixelsFrom0To255() {
        ClassificationDataset d = Datasets.mnist10k();
        assertShape(d, "mnist-10k", 10_000, 784);
        assertEquals(DIGIT_CLASSES, d.classNames());
        assertEquals(IntStream.range(0, 784).mapToObj(i -> "p" + i).toList(), d.featureNames());
        assertIntegerValuesWithin(d.features(), 0, 255);
        assertEquals(3, d.labels()[0]);
        assertEquals(19.0, d.features()[0][125]);
        assertEquals(255.0, d.features()[0][128]);
    }

    /** The shared README claims 1,000 rows per class; the file has these counts (see PROVENANCE.md). */
    @Test
    void mnist10kClassCountsAreThoseOfTheFileNotTheAdvertisedThousandEach() {
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978},
                Datasets.mnist10k().classCounts());
    }

    @Test
    void everyCallReturnsAnIndependentDeepCopy() {
        ClassificationDataset first = Datasets.iris();
        first.features()[0][0] = -1;
        first.labels()[0] = 2;
        ClassificationDataset second = Datasets.iris();
        assertNotSame(first.features(), second.features());
        assertEquals(5.1, second.features()[0][0]);
        assertEquals(0, second.labels()[0]);
        assertEquals(Datasets.iris(), second);

        RegressionDataset diabetes = Datasets.diabetes();
        diabetes.targets()[0] = 0;
        diabetes.features()[0][0] = 0;
        assertEquals(151.0, Datasets.diabetes().targets()[0]);
        assertEquals(59.0, Datasets.diabetes().features()[0][0]);
    }

    @Test
    void byNameIgnoresCaseAndAcceptsUnderscores() {
        assertEquals(Datasets.breastCancer(), Datasets.byName("breast-cancer"));
        assertEquals(Datasets.breastCancer(), Datasets.byName("Breast_Cancer"));
        assertEquals(Datasets.iris(), Datasets.byName("IRIS"));
        assertInstanceOf(RegressionDataset.class, Datasets.byName("diabetes"));
        assertEquals("mnist-10k", Datasets.byName("MNIST_10k").name());
    }

    @Test
    void everyListedNameLoadsTheDatasetOfThatName() {
        assertEquals(List.of("breast-cancer", "iris", "wine", "digits", "diabetes", "mnist-10k"), Datasets.names());
        for (String name : Datasets.names()) {
            Dataset d = Datasets.byName(name);
            assertEquals(name, d.name());
            assertTrue(!d.provenance().origin().isBlank() && !d.provenance().licence().isBlank(), name);
        }
        assertTrue(Datasets.mnist10k().provenance().licence().contains("MIT"));
        assertTrue(Datasets.wine().provenance().licence().contains("BSD-3-Clause"));
    }

    @Test
    void anUnknownNameIsRejectedWithTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.byName("cifar"));
        assertTrue(e.getMessage().contains("cifar"), e.getMessage());
        for (String name : Datasets.names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Datasets.byName(null));
    }

    @Test
    void theProvenanceFileIsBundledWithTheData() {
        assertNotNull(Datasets.class.getResource("PROVENANCE.md"));
    }

    private static void assertShape(Dataset d, String name, int rows, int features) {
        assertAll(
                () -> assertEquals(name, d.name()),
                () -> assertEquals(rows, d.rows()),
                () -> assertEquals(features, d.featureCount()),
                () -> assertEquals(features, d.featureNames().size()));
    }

    private static void assertIntegerValuesWithin(double[][] features, double min, double max) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (double[] row : features) {
            for (double value : row) {
                assertEquals(Math.rint(value), value);
                lowest = Math.min(lowest, value);
                highest = Math.max(highest, value);
            }
        }
        assertEquals(min, lowest);
        assertEquals(max, highest);
    }
}
