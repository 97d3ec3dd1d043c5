package org.fheml.models.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import org.fheml.compilation.KeyProtection;
import org.fheml.compilation.KeySetMismatchException;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.models.linear.LinearRegression;
import org.fheml.models.linear.LinearSVC;
import org.fheml.models.linear.LogisticRegression;
import org.fheml.models.linear.PoissonRegressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A linear model saved, loaded as a client and a server, and run through the bytes they exchange predicts what
 * {@code predict(X, EXECUTE)} predicts, row for row: labels, probabilities, scores, regression values.
 */
class LinearDeploymentTest {

    private static final int ROWS = 12;

    @TempDir
    Path dir;

    @Test
    void logisticRegressionRoundTripEqualsExecute() {
        ClassificationDataset data = (ClassificationDataset) Datasets.byName("iris");
        double[][] X = data.features();
        LogisticRegression model = new LogisticRegression().setNBits(6).fit(X, data.labels());
        model.compile(X);
        model.save(dir.resolve("model"));
        double[][] rows = Arrays.copyOf(X, ROWS);

        FheModelClient client = FheModelClient.load(dir.resolve("model/client")).generateEphemeralKeys();
        FheModelServer server = FheModelServer.load(dir.resolve("model/server"));
        assertEquals(server.bundle().specificationDigest(), client.specificationDigest());
        byte[][] results = server.run(client.encrypt(rows), client.evaluationKeys(), 1);

        assertArrayEquals(model.predict(rows, FheMode.EXECUTE), client.predict(results));
        assertArrayEquals(model.classes(), client.classes());
        double[][] scores = model.decisionFunction(rows, FheMode.EXECUTE);
        double[][] proba = model.predictProba(rows, FheMode.EXECUTE);
        for (int i = 0; i < ROWS; i++) {
            assertArrayEquals(scores[i], client.decisionFunction(results)[i], "row " + i);
            assertArrayEquals(proba[i], client.predictProba(results)[i], "row " + i);
        }
    }

    @Test
    void linearSvcHasLabelsButNoProbabilities() {
        ClassificationDataset data = (ClassificationDataset) Datasets.byName("breast-cancer");
        double[][] X = data.features();
        LinearSVC model = new LinearSVC().setNBits(6).fit(X, data.labels());
        model.compile(X);
        model.save(dir);
        double[][] rows = Arrays.copyOf(X, ROWS);
        FheModelClient client = FheModelClient.load(dir.resolve(ModelBundles.CLIENT)).generateEphemeralKeys();
        byte[][] results = FheModelServer.load(dir.resolve(ModelBundles.SERVER)).run(client.encrypt(rows),
                client.evaluationKeys(), 1);
        assertArrayEquals(model.predict(rows, FheMode.EXECUTE), client.predict(results));
        assertThrows(UnsupportedOperationException.class, () -> client.predictProba(results));
        assertThrows(UnsupportedOperationException.class, () -> client.predictValues(results));
    }

    @Test
    void regressorsApplyTheirLinkOnTheClient() {
        RegressionDataset data = (RegressionDataset) Datasets.byName("diabetes");
        double[][] X = data.features();
        double[][] rows = Arrays.copyOf(X, ROWS);
        LinearRegression linear = new LinearRegression().setNBits(6).fit(X, data.targets());
        PoissonRegressor poisson = new PoissonRegressor().setNBits(6).fit(X, data.targets());
        for (var model : new org.fheml.models.linear.LinearRegressorBase<?>[] {linear, poisson}) {
            model.compile(X);
            Path saved = dir.resolve(model.getClass().getSimpleName());
            model.save(saved);
            FheModelClient client = FheModelClient.load(saved.resolve("client")).generateEphemeralKeys();
            byte[][] results = FheModelServer.load(saved.resolve("server")).run(client.encrypt(rows),
                    client.evaluationKeys(), 1);
            assertArrayEquals(model.predict(rows, FheMode.EXECUTE), client.predictValues(results),
                    model.getClass().getSimpleName());
            assertThrows(UnsupportedOperationException.class, () -> client.predict(results));
        }
    }

    @Test
    void keysSavedWithAPassphraseAreLoadedBackAndResultsOfOtherKeysAreRefused() {
        ClassificationDataset data = (ClassificationDataset) Datasets.byName("iris");
        double[][] X = data.features();
        LogisticRegression model = new LogisticRegression().setNBits(6).fit(X, data.labels());
        model.compile(X);
        model.save(dir.resolve("model"));
        double[][] rows = Arrays.copyOf(X, 3);
        char[] passphrase = "correct horse battery staple".toCharArray();
        FheModelClient first = FheModelClient.load(dir.resolve("model/client"))
                .generateKeys(dir.resolve("keys"), KeyProtection.passphrase(passphrase));
        byte[][] results = FheModelServer.load(dir.resolve("model/server")).run(first.encrypt(rows),
                first.evaluationKeys(), 1);

        FheModelClient again = FheModelClient.load(dir.resolve("model/client"))
                .loadKeys(dir.resolve("keys"), KeyProtection.passphrase(passphrase));
        assertEquals(first.keySetId(), again.keySetId());
        assertArrayEquals(model.predict(rows, FheMode.EXECUTE), again.predict(results));

        FheModelClient other = FheModelClient.load(dir.resolve("model/client")).generateEphemeralKeys();
        assertThrows(KeySetMismatchException.class, () -> other.predict(results));
    }
}
