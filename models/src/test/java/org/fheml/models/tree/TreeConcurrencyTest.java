package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One fitted, compiled decision tree called by 8 threads at once, each predicting encrypted rows: every score equals
 * the clear integer program's (DISABLE). The default suite sends 8 × 4 requests, the slow suite the 8 × 100.
 */
class TreeConcurrencyTest {

    private static final int CALLERS = 8;

    @Test
    void eightCallersOnOneFittedTreeGetTheClearScores() throws Exception {
        assertEquals(0, wrongRows(4));
    }

    @Test
    @Tag("slow")
    void eightCallersTimesAHundredRequestsOnOneFittedTree() throws Exception {
        assertEquals(0, wrongRows(100));
    }

    /** CALLERS threads each send {@code requests} one-row EXECUTE predictions; returns the rows that differ. */
    private static int wrongRows(int requests) throws Exception {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 42);
        DecisionTreeClassifier tree = new DecisionTreeClassifier().setMaxDepth(3)
                .fit(split.train().features(), split.train().labels());
        tree.compile(split.train().features());
        double[][] rows = split.test().features();
        double[][] clear = tree.decisionFunction(rows, FheMode.DISABLE);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            CyclicBarrier start = new CyclicBarrier(CALLERS);
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                SplittableRandom random = new SplittableRandom(c);
                wrong.add(callers.submit(() -> {
                    start.await();
                    int count = 0;
                    for (int r = 0; r < requests; r++) {
                        int row = random.nextInt(rows.length);
                        double[][] encrypted = tree.decisionFunction(new double[][] {rows[row]}, FheMode.EXECUTE);
                        count += Arrays.equals(clear[row], encrypted[0]) ? 0 : 1;
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> future : wrong) {
                total += future.get();
            }
            return total;
        } finally {
            callers.shutdownNow();
            tree.fheCircuit().close();
        }
    }
}
