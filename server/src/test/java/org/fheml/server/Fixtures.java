package org.fheml.server;

import org.fheml.compilation.Circuit;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.linear.LogisticRegression;

/** Small fitted, compiled models the server tests share (built once per JVM: compiling costs seconds). */
final class Fixtures {

    private Fixtures() {
    }

    private static LogisticRegression iris;

    /** A logistic regression on iris (4 features, 3 classes): a leveled circuit, no bootstrap. */
    static synchronized LogisticRegression irisLogistic() {
        if (iris == null) {
            ClassificationDataset data = Datasets.iris();
            iris = new LogisticRegression().setNBits(6).fit(data.features(), data.labels());
            iris.compile(data.features());
        }
        return iris;
    }

    private static LogisticRegression twin;

    /** The same model fitted and compiled again: same circuit shape, another key set. */
    static synchronized LogisticRegression irisTwin() {
        if (twin == null) {
            ClassificationDataset data = Datasets.iris();
            twin = new LogisticRegression().setNBits(6).fit(data.features(), data.labels());
            twin.compile(data.features());
        }
        return twin;
    }

    static Circuit irisCircuit() {
        return irisLogistic().fheCircuit();
    }

    static double[][] irisRows(int from, int count) {
        double[][] all = Datasets.iris().features();
        double[][] rows = new double[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = all[(from + i) % all.length];
        }
        return rows;
    }
}
