package org.fheml.core.datasets;

import static org.fheml.core.datasets.ClassificationDatasetTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {

    private static final Provenance PROVENANCE = new Provenance("test", "unknown");

    /** A dataset whose single feature is the row index, with {@code classSizes[c]} rows of class c, interleaved. */
    static ClassificationDataset withClassSizes(int... classSizes) {
        int rows = Arrays.stream(classSizes).sum();
        int[] labels = new int[rows];
        int[] left = classSizes.clone();
        for (int row = 0, c = 0; row < rows; c = (c + 1) % classSizes.length) {
            if (left[c] > 0) {
                left[c]--;
                labels[row++] = c;
            }
        }
        double[][] features = IntStream.range(0, rows).mapToObj(i -> new double[] {i}).toArray(double[][]::new);
        List<String> classes = IntStream.range(0, classSizes.length).mapToObj(c -> "c" + c).toList();
        return new ClassificationDataset("synthetic", features, labels, List.of("row"), classes, PROVENANCE);
    }

    static RegressionDataset regression(int rows) {
        double[][] features = IntStream.range(0, rows).mapToObj(i -> new double[] {i}).toArray(double[][]::new);
        double[] targets = IntStream.range(0, rows).mapToDouble(i -> 10 * i).toArray();
        return new RegressionDataset("synthetic", features, targets, List.of("row"), PROVENANCE);
    }

    @Test
    void stratifiedIrisKeepsTenTestRowsPerClass() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.iris(), 0.2, 42);
        assertArrayEquals(new int[] {10, 10, 10}, split.test().classCounts());
        assertArrayEquals(new int[] {40, 40, 40}, split.train().classCounts());
        assertPartition(150, split.trainIndices(), split.testIndices());
    }

    @Test
    void stratifiedBreastCancerFollowsTheClassProportions() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.25, 1);
        assertEquals(143, split.test().rows(), "ceil(569 * 0.25)");
        int[] test = split.test().classCounts();
        assertTrue(Math.abs(test[0] - 212 * 0.25) < 1 && Math.abs(test[1] - 357 * 0.25) < 1, Arrays.toString(test));
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        ClassificationDataset wine = Datasets.wine();
        Split<ClassificationDataset> a = TrainTestSplit.stratified(wine, 0.3, 7);
        Split<ClassificationDataset> b = TrainTestSplit.stratified(wine, 0.3, 7);
        assertArrayEquals(a.trainIndices(), b.trainIndices());
        assertArrayEquals(a.testIndices(), b.testIndices());
        assertEquals(a.train(), b.train());
        RegressionDataset diabetes = Datasets.diabetes();
        assertArrayEquals(TrainTestSplit.shuffled(diabetes, 0.3, 7).testIndices(),
                TrainTestSplit.shuffled(diabetes, 0.3, 7).testIndices());
    }

    @Test
    void differentSeedsGiveDifferentSplits() {
        ClassificationDataset wine = Datasets.wine();
        assertFalse(Arrays.equals(TrainTestSplit.stratified(wine, 0.3, 1).testIndices(),
                TrainTestSplit.stratified(wine, 0.3, 2).testIndices()));
        RegressionDataset diabetes = Datasets.diabetes();
        assertFalse(Arrays.equals(TrainTestSplit.shuffled(diabetes, 0.3, 1).testIndices(),
                TrainTestSplit.shuffled(diabetes, 0.3, 2).testIndices()));
    }

    /** Computed independently (a Python transcription of SplitMix64, Lemire's bounded draw and Fisher-Yates). */
    @Test
    void shuffledSplitIsPinnedAcrossJvmsAndReleases() {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(regression(10), 0.3, 42);
        assertArrayEquals(new int[] {8, 3, 6}, split.testIndices());
        assertArrayEquals(new int[] {5, 4, 0, 9, 2, 1, 7}, split.trainIndices());
        assertArrayEquals(new double[] {80, 30, 60}, split.test().targets());
    }

    @Test
    void indicesComeInShuffledOrderAndTheSubsetsFollowThem() {
        Split<RegressionDataset> split = TrainTestSplit.shuffled(regression(100), 0.25, 3);
        assertEquals(25, split.testIndices().length);
        int[] sorted = split.trainIndices().clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, split.trainIndices()));
        assertFollowsIndices(split.train(), split.trainIndices());
        assertFollowsIndices(split.test(), split.testIndices());
    }

    @Test
    void testSizeIsRoundedUpLikeScikitLearn() {
        assertEquals(4, TrainTestSplit.shuffled(regression(11), 0.3, 0).test().rows(), "ceil(3.3)");
        assertEquals(1, TrainTestSplit.shuffled(regression(2), 0.01, 0).test().rows(), "ceil(0.02)");
    }

    @Test
    void rejectsAFractionOutsideZeroToOne() {
        for (double fraction : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertMessage(() -> TrainTestSplit.shuffled(regression(10), fraction, 0), "strictly between 0 and 1");
            assertMessage(() -> TrainTestSplit.stratified(withClassSizes(5, 5), fraction, 0), "strictly between 0 and 1");
        }
    }

    @Test
    void rejectsASplitWithAnEmptyPart() {
        assertMessage(() -> TrainTestSplit.shuffled(regression(10), 0.95, 0), "none in the training part");
        assertMessage(() -> TrainTestSplit.shuffled(regression(1), 0.5, 0), "none in the training part");
    }

    @Test
    void rejectsAStratifiedSplitTooSmallForEveryClass() {
        assertMessage(() -> TrainTestSplit.stratified(withClassSizes(2, 2, 2, 20), 0.1, 0), "3 test",
                "4 classes", "raise testFraction");
        assertMessage(() -> TrainTestSplit.stratified(withClassSizes(2, 2, 2, 20), 0.9, 0), "2 training",
                "lower testFraction");
    }

    @Test
    void smallClassesBorrowATestRowToStayInBothParts() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(withClassSizes(2, 2, 100), 0.02, 5);
        assertArrayEquals(new int[] {1, 1, 1}, split.test().classCounts());
        assertArrayEquals(new int[] {1, 1, 99}, split.train().classCounts());
    }

    @Test
    void aSingleRowClassIsAllowed() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(withClassSizes(1, 10, 10), 0.5, 0);
        assertEquals(11, split.test().rows());
        assertPartition(21, split.trainIndices(), split.testIndices());
    }

    @Property(tries = 300)
    void stratifiedSplitsPartitionTheRowsAndKeepEveryClassInBothParts(
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 40) Integer> sizes,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double testFraction, @ForAll long seed) {
        int[] classSizes = sizes.stream().mapToInt(Integer::intValue).toArray();
        int rows = Arrays.stream(classSizes).sum();
        Assume.that(rows > 0);
        int testSize = (int) Math.ceil(rows * testFraction);
        long needy = Arrays.stream(classSizes).filter(n -> n >= 2).count();
        ClassificationDataset d = withClassSizes(classSizes);
        if (testSize >= rows || testSize < needy || rows - testSize < needy) {
            assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.stratified(d, testFraction, seed));
            return;
        }
        Split<ClassificationDataset> split = TrainTestSplit.stratified(d, testFraction, seed);
        assertEquals(testSize, split.testIndices().length);
        assertPartition(rows, split.trainIndices(), split.testIndices());
        assertFollowsIndices(split.train(), split.trainIndices());
        assertFollowsIndices(split.test(), split.testIndices());
        int[] test = split.test().classCounts();
        int[] train = split.train().classCounts();
        for (int c = 0; c < classSizes.length; c++) {
            assertEquals(classSizes[c], test[c] + train[c]);
            if (classSizes[c] >= 2) {
                assertTrue(test[c] >= 1 && train[c] >= 1, "class " + c + " missing from a part");
            }
        }
    }

    @Property(tries = 300)
    void eachClassGetsItsShareOfTestRowsWithinOne(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 21, max = 120) Integer> sizes,
            @ForAll @DoubleRange(min = 0.05, max = 0.95) double testFraction, @ForAll long seed) {
        int[] classSizes = sizes.stream().mapToInt(Integer::intValue).toArray();
        Split<ClassificationDataset> split = TrainTestSplit.stratified(withClassSizes(classSizes), testFraction, seed);
        int[] test = split.test().classCounts();
        for (int c = 0; c < classSizes.length; c++) {
            double share = classSizes[c] * testFraction;
            assertTrue(Math.abs(test[c] - share) <= 1, "class " + c + ": " + test[c] + " test rows for a share of " + share);
        }
        assertEquals((int) Math.ceil(Arrays.stream(classSizes).sum() * testFraction), Arrays.stream(test).sum());
    }

    @Property(tries = 200)
    void shuffledSplitsPartitionTheRows(@ForAll @IntRange(min = 2, max = 300) int rows,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double testFraction, @ForAll long seed) {
        int testSize = (int) Math.ceil(rows * testFraction);
        Assume.that(testSize < rows);
        Split<RegressionDataset> split = TrainTestSplit.shuffled(regression(rows), testFraction, seed);
        assertEquals(testSize, split.test().rows());
        assertPartition(rows, split.trainIndices(), split.testIndices());
        assertFollowsIndices(split.train(), split.trainIndices());
    }

    private static void assertPartition(int rows, int[] train, int[] test) {
        int[] all = IntStream.concat(Arrays.stream(train), Arrays.stream(test)).sorted().toArray();
        assertArrayEquals(IntStream.range(0, rows).toArray(), all, "train and test must be disjoint and cover every row");
        assertTrue(train.length > 0 && test.length > 0);
    }

    private static void assertFollowsIndices(Dataset part, int[] indices) {
        for (int k = 0; k < indices.length; k++) {
            assertEquals(indices[k], part.features()[k][0]);
        }
    }
}
