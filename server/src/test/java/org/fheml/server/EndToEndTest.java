package org.fheml.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.fheml.compilation.KeyProtection;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.models.FheEstimator;
import org.fheml.models.linear.LinearRegression;
import org.fheml.models.linear.LogisticRegression;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved models served over loopback HTTP, with {@link FheHttpClient} on the other side: predictions equal
 * {@code predict(X, EXECUTE)} in the training JVM row for row, keys of another model are refused with a 422, and no
 * file the server reads or writes holds a byte sequence of the client's secret key.
 */
class EndToEndTest {

    @TempDir
    Path dir;

    private FheServer serve(FheEstimator model) throws IOException {
        Path saved = dir.resolve("model");
        model.save(saved);
        return FheServer.start(BundleModel.load(saved), dir.resolve("keys"), ServerLimits.defaults()
                .withMaxRowsPerRequest(4), 2, "127.0.0.1", 0);
    }

    @Test
    void aLinearClassifierServedOverHttpEqualsExecute() throws IOException {
        ClassificationDataset iris = Datasets.iris();
        LogisticRegression model = new LogisticRegression().setNBits(6).fit(iris.features(), iris.labels());
        model.compile(iris.features());
        double[][] X = Arrays.copyOfRange(iris.features(), 40, 55);
        try (FheServer server = serve(model)) {
            FheHttpClient client = FheHttpClient.connect(server.uri())
                    .loadOrGenerateKeys(dir.resolve("client-keys"), KeyProtection.passphrase("s3cret".toCharArray()));
            assertArrayEquals(model.predict(X, FheMode.EXECUTE), client.predict(X), "15 rows in 4 requests");
            double[][] proba = client.predictProba(X);
            double[][] expected = model.predictProba(X, FheMode.EXECUTE);
            for (int i = 0; i < X.length; i++) {
                assertArrayEquals(expected[i], proba[i], 1e-12, "row " + i);
            }
            assertNoSecretIn(client, dir.resolve("model"), server.keyStore());

            FheHttpClient again = FheHttpClient.connect(server.uri())
                    .loadOrGenerateKeys(dir.resolve("client-keys"), KeyProtection.passphrase("s3cret".toCharArray()));
            assertEquals(client.uploadKeys(), again.uploadKeys(), "reloaded keys have the same key id");
            int port = server.port();
            server.close();
            try (FheServer wiped = FheServer.start(BundleModel.load(dir.resolve("model")), dir.resolve("new-keys"),
                    ServerLimits.defaults(), 1, "127.0.0.1", port)) {
                assertArrayEquals(model.predict(X, FheMode.EXECUTE), client.predict(X),
                        "a server without this client's keys gets them again");
            }
        }
    }

    @Test
    void aLinearRegressorServedOverHttpEqualsExecute() throws IOException {
        RegressionDataset diabetes = Datasets.diabetes();
        LinearRegression model = new LinearRegression().fit(diabetes.features(), diabetes.targets());
        model.compile(diabetes.features());
        double[][] X = Arrays.copyOfRange(diabetes.features(), 0, 9);
        try (FheServer server = serve(model)) {
            FheHttpClient client = FheHttpClient.connect(server.uri()).generateEphemeralKeys();
            assertArrayEquals(model.predict(X, FheMode.EXECUTE), client.predictValues(X), 0.0);
        }
    }

    @Test
    void aTreeClassifierServedOverHttpEqualsTheClearModel() throws IOException {
        servedTree(false);
    }

    @Test
    @Tag("slow")
    void aTreeClassifierServedOverHttpEqualsExecute() throws IOException {
        servedTree(true);
    }

    /** A bootstrapped circuit end to end; EXECUTE in this JVM too when asked (a second key generation). */
    private void servedTree(boolean compareWithExecute) throws IOException {
        ClassificationDataset iris = Datasets.iris();
        DecisionTreeClassifier model = new DecisionTreeClassifier().setMaxDepth(2).setNBits(3)
                .fit(iris.features(), iris.labels());
        model.compile(iris.features());
        double[][] X = {iris.features()[0], iris.features()[60], iris.features()[120]};
        try (FheServer server = serve(model)) {
            FheHttpClient client = FheHttpClient.connect(server.uri()).generateEphemeralKeys();
            int[] labels = client.predict(X);
            assertArrayEquals(model.predict(X, FheMode.DISABLE), labels, "no bootstrap error at this p_error");
            if (compareWithExecute) {
                assertArrayEquals(model.predict(X, FheMode.EXECUTE), labels);
            }
            assertNoSecretIn(client, dir.resolve("model"), server.keyStore());
            String metrics = Http.text(Http.get(server.uri(), "/metrics"));
            assertFalse(metrics.contains("fheml_bootstraps_total 0.0"), "a tree bootstraps: " + metrics);
            Http.assertError(Http.send(server.uri(), "PUT", "/v1/keys", Fixtures.irisCircuit().evaluationKeys()),
                    422, "invalid_keys");
            Path linear = dir.resolve("linear");
            Fixtures.irisLogistic().save(linear);
            try (FheServer other = FheServer.start(BundleModel.load(linear), dir.resolve("linear-keys"),
                    ServerLimits.defaults(), 1, "127.0.0.1", 0)) {
                Http.assertError(Http.send(other.uri(), "PUT", "/v1/keys", client.modelClient().evaluationKeys()),
                        422, "invalid_keys");
                Http.assertError(Http.send(other.uri(), "POST", "/v1/predict?key=" + client.uploadKeys(),
                        RowBatch.encode(List.of(client.modelClient().encrypt(X[0])))), 404, "unknown_key");
            }
        }
    }

    /** No 32-byte window of the client's secret key material appears in any file under the given folders. */
    static void assertNoSecretIn(FheHttpClient client, Path... folders) throws IOException {
        byte[] secret = client.modelClient().keys().secretKeys();
        assertTrue(secret.length > 256, "a secret key artifact has key material");
        List<byte[]> windows = new java.util.ArrayList<>();
        for (int at = secret.length / 4; at + 32 <= secret.length; at += Math.max(32, secret.length / 16)) {
            windows.add(Arrays.copyOfRange(secret, at, at + 32));
        }
        int scanned = 0;
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] content = Files.readAllBytes(file);
                    scanned++;
                    for (byte[] window : windows) {
                        assertFalse(contains(content, window), file + " holds secret key bytes");
                    }
                }
            }
        }
        assertTrue(scanned >= 3, "the bundles and the key store were scanned: " + scanned);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
