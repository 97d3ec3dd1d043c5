package org.fheml.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fheml.core.baseline.MajorityClassifier;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.Split;
import org.fheml.core.datasets.TrainTestSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import smile.classification.LogisticRegression;

/** The main job: train a model on breast cancer and report how well it does on held-out rows. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Loads the breast-cancer data set, splits it 80/20 (stratified), trains a logistic regression "
                + "with Smile and prints its test accuracy next to the majority-class baseline."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the train/test split (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--test-fraction", defaultValue = "0.2",
            description = "Share of rows held out for testing, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    @Option(names = "--lambda", defaultValue = "0.1",
            description = "L2 regularisation of the logistic regression (default: ${DEFAULT-VALUE}).")
    private double lambda;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClassificationDataset data = Datasets.breastCancer();
        Split<ClassificationDataset> split = TrainTestSplit.stratified(data, testFraction, seed);
        ClassificationDataset train = split.train();
        ClassificationDataset test = split.test();
        out.printf("fheml demo: logistic regression on %s (%d rows, %d features, classes %s)%n",
                data.name(), data.rows(), data.featureCount(), data.classNames());
        out.printf("  split: %d train / %d test rows (stratified, seed %d)%n", train.rows(), test.rows(), seed);

        Standardizer standardizer = Standardizer.fit(train.features());
        long start = System.nanoTime();
        LogisticRegression model = LogisticRegression.fit(standardizer.apply(train.features()), train.labels(),
                new LogisticRegression.Options(lambda, 1e-5, 500));
        long trainMillis = (System.nanoTime() - start) / 1_000_000;
        int[] predicted = model.predict(standardizer.apply(test.features()));

        int[] baseline = new MajorityClassifier().fit(train.features(), train.labels()).predict(test.features());
        out.printf("  trained Smile LogisticRegression (lambda %s) in %d ms%n", lambda, trainMillis);
        out.printf("  test accuracy: %.4f (%d of %d rows)%n", accuracy(predicted, test.labels()),
                correct(predicted, test.labels()), test.rows());
        out.printf("  majority-class baseline: %.4f%n", accuracy(baseline, test.labels()));
        out.flush();
        return 0;
    }

    private static int correct(int[] predicted, int[] truth) {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                correct++;
            }
        }
        return correct;
    }

    private static double accuracy(int[] predicted, int[] truth) {
        return (double) correct(predicted, truth) / truth.length;
    }
}
