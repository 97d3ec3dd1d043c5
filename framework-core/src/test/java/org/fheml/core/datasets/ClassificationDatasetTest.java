package org.fheml.core.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ClassificationDatasetTest {

    private static final Provenance PROVENANCE = new Provenance("test", "unknown");
    private static final List<String> AB = List.of("a", "b");
    private static final List<String> CLASSES = List.of("no", "yes");

    private static ClassificationDataset small() {
        return new ClassificationDataset("small", new double[][] {{1, 2}, {3, 4}, {5, 6}}, new int[] {1, 0, 1}, AB,
                CLASSES, PROVENANCE);
    }

    @Test
    void countsRowsFeaturesAndClasses() {
        ClassificationDataset d = small();
        assertEquals(3, d.rows());
        assertEquals(2, d.featureCount());
        assertEquals(2, d.classCount());
        assertArrayEquals(new int[] {1, 2}, d.classCounts());
    }

    @Test
    void aClassWithoutRowsCountsZero() {
        ClassificationDataset d = new ClassificationDataset("d", new double[][] {{1}}, new int[] {2}, List.of("x"),
                List.of("a", "b", "c"), PROVENANCE);
        assertArrayEquals(new int[] {0, 0, 1}, d.classCounts());
    }

    @Test
    void subsetTakesRowsInTheGivenOrderAndMayRepeatThem() {
        ClassificationDataset subset = small().subset(new int[] {2, 0, 2});
        assertArrayEquals(new double[][] {{5, 6}, {1, 2}, {5, 6}}, subset.features());
        assertArrayEquals(new int[] {1, 1, 1}, subset.labels());
        assertEquals(CLASSES, subset.classNames());
        assertEquals(AB, subset.featureNames());
        subset.features()[0][0] = 99;
        assertEquals(99, subset.features()[0][0]);
        assertEquals(5, subset.features()[2][0], "repeated rows are distinct arrays");
    }

    @Test
    void subsetRejectsRowsThatDoNotExist() {
        assertMessage(() -> small().subset(new int[] {0, 3}), "rowIndices[1] = 3", "0..2");
        assertMessage(() -> small().subset(new int[] {-1}), "rowIndices[0] = -1");
        assertMessage(() -> small().subset(new int[0]), "rowIndices is empty");
    }

    @Test
    void theConstructorCopiesTheCallersArrays() {
        double[][] features = {{1, 2}};
        int[] labels = {0};
        ClassificationDataset d = new ClassificationDataset("d", features, labels, AB, CLASSES, PROVENANCE);
        features[0][0] = 7;
        labels[0] = 1;
        assertEquals(1, d.features()[0][0]);
        assertEquals(0, d.labels()[0]);
    }

    @Test
    void equalsComparesContents() {
        assertEquals(small(), small());
        assertEquals(small().hashCode(), small().hashCode());
        assertNotEquals(small(), small().subset(new int[] {0, 1, 2, 0}));
        assertTrue(small().toString().contains("rows=3"));
    }

    @Test
    void rejectsAnInvalidShapeWithAClearMessage() {
        assertMessage(() -> new ClassificationDataset("d", new double[0][], new int[0], AB, CLASSES, PROVENANCE),
                "no rows");
        assertMessage(() -> new ClassificationDataset("d", new double[][] {{}}, new int[] {0}, List.of(), CLASSES,
                PROVENANCE), "no columns");
        assertMessage(() -> new ClassificationDataset("d", new double[][] {{1, 2}, {3}}, new int[] {0, 0}, AB,
                CLASSES, PROVENANCE), "not rectangular", "row 1 has 1 values but row 0 has 2");
        assertMessage(() -> new ClassificationDataset("d", new double[][] {{1, 2}}, new int[] {0, 1}, AB, CLASSES,
                PROVENANCE), "labels has 2 entries but features has 1 rows");
        assertMessage(() -> new ClassificationDataset("d", new double[][] {{1, 2}}, new int[] {2}, AB, CLASSES,
                PROVENANCE), "labels[0] = 2", "0..1");
        assertMessage(() -> new ClassificationDataset("d", new double[][] {{1, 2}}, new int[] {-1}, AB, CLASSES,
                PROVENANCE), "labels[0] = -1");
        assertMessage(() -> new ClassificationDataset("d", new double[][] {{1, 2}}, new int[] {0}, List.of("a"),
                CLASSES, PROVENANCE), "featureNames has 1 names but features has 2 columns");
        assertMessage(() -> new ClassificationDataset("d", new double[][] {{1, 2}}, new int[] {0}, AB, List.of(),
                PROVENANCE), "classNames is empty");
        assertMessage(() -> new ClassificationDataset("d", new double[][] {{1, 2}}, new int[] {0}, AB,
                List.of("x", "x"), PROVENANCE), "\"x\" twice");
        assertMessage(() -> new ClassificationDataset(" ", new double[][] {{1, 2}}, new int[] {0}, AB, CLASSES,
                PROVENANCE), "name must not be blank");
    }

    static void assertMessage(Executable executable, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }
}
