package org.fheml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fheml.core.Classifier;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import org.fheml.models.linear.LogisticRegression;
import org.junit.jupiter.api.Test;

class AccuracySweepTest {

    /** A logistic regression whose EXECUTE is not available, as before the runtime is wired into the compiler. */
    private static BenchModel withoutExecute(int nBits) {
        LogisticRegression model = new LogisticRegression().setNBits(nBits);
        Classifier noExecute = new Classifier() {
            @Override
            public Classifier fit(double[][] X, int[] y) {
                model.fit(X, y);
                return this;
            }

            @Override
            public int[] predict(double[][] X, FheMode mode) {
                if (mode == FheMode.EXECUTE) {
                    throw new UnsupportedOperationException("no runtime yet");
                }
                return model.predict(X, mode);
            }

            @Override
            public int[] classes() {
                return model.classes();
            }

            @Override
            public boolean isFitted() {
                return model.isFitted();
            }

            @Override
            public int featureCount() {
                return model.featureCount();
            }
        };
        return new BenchModel.OfClassifier(noExecute, model::floatPredict, model::compile);
    }

    @Test
    void anUnavailableExecuteIsReportedAsNotMeasuredAndTheSweepGoesOn() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.iris(), 0.2, 42);
        ModelRegistry.Entry entry = new ModelRegistry.Entry("LogisticRegression", Task.CLASSIFICATION, 8,
                AccuracySweepTest::withoutExecute);
        List<AccuracyRow> rows = new AccuracySweep(entry, split.train(), split.test(), 5)
                .run(List.of(3, 5), Progress.silent());
        assertEquals(2, rows.size());
        for (AccuracyRow row : rows) {
            assertNull(row.executeScore());
            assertNull(row.executeRows());
            assertNull(row.executeAgreement());
            assertNull(row.msPerRowExecute());
            assertEquals("EXECUTE not available: no runtime yet", row.executeNote());
            assertEquals(1.0, row.simulateAgreement());
            assertTrue(row.disableScore() > 0.5, row.toString());
        }
    }

    @Test
    void executeRunsOnAtMostTheTestRows() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.iris(), 0.2, 42);
        ModelRegistry.Entry entry = ModelRegistry.find("LogisticRegression").orElseThrow();
        AccuracyRow row = new AccuracySweep(entry, split.train(), split.test(), 1000)
                .run(List.of(4), Progress.silent()).getFirst();
        if (row.executeScore() != null) {
            assertEquals(split.test().rows(), row.executeRows());
            assertEquals(1.0, row.executeAgreement());
        } else {
            assertTrue(row.executeNote().startsWith("EXECUTE not available"), row.executeNote());
        }
    }

    @Test
    void executeOnASubsetIsComparedWithEveryModeOnThatSubsetAndThePlotSaysSo() {
        Split<ClassificationDataset> split = TrainTestSplit.stratified(Datasets.breastCancer(), 0.2, 42);
        ModelRegistry.Entry entry = ModelRegistry.find("LogisticRegression").orElseThrow();
        AccuracyRow row = new AccuracySweep(entry, split.train(), split.test(), 20)
                .run(List.of(6), Progress.silent()).getFirst();
        assertEquals(split.test().rows(), row.testRows());
        assertEquals(20, row.executeRows(), row.toString());
        assertTrue(row.executeOnSubset());
        assertEquals(1.0, row.executeAgreement(), row.toString());
        assertEquals(row.disableScoreOnExecuteRows(), row.executeScore(),
                "EXECUTE equals DISABLE row for row, so their scores on the same rows are level");

        var chart = AccuracyPlot.chart(new AccuracyReport("LogisticRegression", "breast-cancer", List.of(row)),
                Task.CLASSIFICATION);
        int all = split.test().rows();
        assertEquals(List.of("float (all " + all + " test rows)", "DISABLE (all " + all + " test rows)",
                "SIMULATE (all " + all + " test rows)", "DISABLE (first 20 test rows, as EXECUTE)",
                "SIMULATE (first 20 test rows, as EXECUTE)", "EXECUTE (first 20 test rows)"),
                chart.getSeriesCollection().stream().map(series -> series.getName()).toList());
        assertEquals(row.executeScore(), chart.getSeries("EXECUTE (first 20 test rows)").getYData()[0]);
        assertEquals(row.executeScore(),
                chart.getSeries("DISABLE (first 20 test rows, as EXECUTE)").getYData()[0]);
    }
}
