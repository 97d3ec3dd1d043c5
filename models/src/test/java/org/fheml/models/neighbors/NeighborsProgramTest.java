package org.fheml.models.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.fheml.compilation.Exactness;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tournament selects exactly the k nearest reference points, whatever the rounding before its lookups: its
 * clear evaluation equals a brute-force k-NN on the integer grid (squared distances, ties to the lower index).
 */
class NeighborsProgramTest {

    @ParameterizedTest(name = "comparisons read {0} bits")
    @ValueSource(ints = {2, 4, 8})
    void votesAreThoseOfTheKNearestPoints(int bits) {
        SplittableRandom random = new SplittableRandom(bits);
        for (int trial = 0; trial < 40; trial++) {
            int m = 3 + random.nextInt(12);
            int features = 1 + random.nextInt(6);
            int k = 1 + random.nextInt(Math.min(m, 5));
            int classes = 2 + random.nextInt(3);
            long levels = 7;
            int scale = 4;
            long[][] points = new long[m][features];
            long[] labels = new long[m];
            for (int j = 0; j < m; j++) {
                for (int f = 0; f < features; f++) {
                    points[j][f] = random.nextLong(scale * levels + 1);
                }
                labels[j] = random.nextInt(classes);
            }
            NeighborsProgram program = new NeighborsProgram(points, levels, scale, k, labels, classes, true, bits,
                    Exactness.APPROXIMATE);
            for (int row = 0; row < 20; row++) {
                long[] x = new long[features];
                for (int f = 0; f < features; f++) {
                    x[f] = random.nextLong(levels + 1);
                }
                long[] expected = new long[classes];
                IntStream.range(0, m).boxed()
                        .sorted(Comparator.comparingLong((Integer j) -> distance(points[j], x, scale))
                                .thenComparingInt(j -> j))
                        .limit(k).forEach(j -> expected[(int) labels[j]]++);
                assertArrayEquals(expected, program.evaluate(x), "trial " + trial + " row " + Arrays.toString(x));
            }
        }
    }

    private static long distance(long[] t, long[] x, int scale) {
        long s = 0;
        for (int f = 0; f < t.length; f++) {
            long d = scale * x[f] - t[f];
            s += d * d;
        }
        return s;
    }

    @Test
    void lookupsAreTheTournamentsAndTheRankTests() {
        long[][] points = {{0, 0}, {4, 0}, {0, 4}, {4, 4}, {2, 2}};
        NeighborsProgram approximate = new NeighborsProgram(points, 1, 4, 3, new long[] {0, 1, 0, 1, 0}, 2, true, 2,
                Exactness.APPROXIMATE);
        assertEquals(10 + 5, approximate.lookupsPerRow());
        NeighborsProgram exact = new NeighborsProgram(points, 1, 4, 3, new long[] {0, 1, 0, 1, 0}, 2, true, 2,
                Exactness.EXACT);
        assertTrue(exact.roundedBits() > 0);
        assertEquals(10 + 5 + 10L * exact.roundedBits(), exact.lookupsPerRow());
    }

    @Test
    void everyTrainingRowBeyondTheLimitIsRefusedWithWhatToChange() {
        ClassificationDataset data = Datasets.breastCancer();
        TooManyReferencePointsException e = assertThrows(TooManyReferencePointsException.class,
                () -> new KNeighborsClassifier().setNPrototypes(0).fit(data.features(), data.labels()));
        assertTrue(e.getMessage().contains("setNPrototypes"), e.getMessage());
    }

    @Test
    void smallTrainingSetsKeepEveryRow() {
        ClassificationDataset data = Datasets.iris();
        double[][] X = Arrays.copyOf(data.features(), 40);
        int[] y = Arrays.copyOf(data.labels(), 40);
        y[39] = 1;
        KNeighborsClassifier knn = new KNeighborsClassifier().setNPrototypes(0).fit(X, y);
        assertEquals(40, knn.referencePointCount());
        for (double[] p : knn.predictProba(X)) {
            assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
            assertTrue(Arrays.stream(p).allMatch(v -> v * 3 == Math.rint(v * 3)), "vote shares of k = 3");
        }
    }
}
