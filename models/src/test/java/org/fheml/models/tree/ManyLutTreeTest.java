package org.fheml.models.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.deploy.FheModelClient;
import org.fheml.models.deploy.FheModelServer;
import org.fheml.models.deploy.ModelBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision tree on wine (three classes) at its defaults: each thermometer lookup unit holds one table per class
 * over one index, so the three lookups of a unit read one ciphertext and share a many-LUT bootstrap (21 bootstraps
 * per row become 7). With many-LUT on and off, DISABLE, SIMULATE and EXECUTE give the same scores on every row tried,
 * and so does the saved model run by a client and a server through bytes alone.
 */
class ManyLutTreeTest {

    @TempDir
    Path dir;

    @Test
    void wineTreeSharesBootstrapsAndGivesTheSameScores() {
        ClassificationDataset wine = Datasets.wine();
        double[][] X = wine.features();
        DecisionTreeClassifier model = new DecisionTreeClassifier().setRandomSeed(7).fit(X, wine.labels());
        double[][] rows = new double[4][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = X[r * (X.length / rows.length)];
        }

        Circuit off = model.compile(X, CompileOptions.defaults().withManyLut(false));
        long offBootstraps = off.statistics().bootstrapCount();
        assertEquals(0, off.bootstrapsSavedByManyLut());
        double[][] disable = model.decisionFunction(rows, FheMode.DISABLE);
        double[][] simulate = model.decisionFunction(rows, FheMode.SIMULATE);
        double[][] execute = model.decisionFunction(rows, FheMode.EXECUTE);
        assertTrue(Arrays.deepEquals(disable, execute), "EXECUTE equals DISABLE without many-LUT");

        Circuit on = model.compile(X, CompileOptions.defaults());
        long saved = on.bootstrapsSavedByManyLut();
        assertTrue(saved > 0, on.format(false));
        assertEquals(offBootstraps - saved, on.statistics().bootstrapCount());
        assertTrue(on.format(false).contains("many-LUT"), on.format(false));
        assertTrue(Arrays.deepEquals(disable, model.decisionFunction(rows, FheMode.DISABLE)));
        assertTrue(Arrays.deepEquals(simulate, model.decisionFunction(rows, FheMode.SIMULATE)));
        assertTrue(Arrays.deepEquals(execute, model.decisionFunction(rows, FheMode.EXECUTE)), "EXECUTE with many-LUT");
        model.save(dir);
        FheModelClient client = FheModelClient.load(dir.resolve(ModelBundles.CLIENT)).generateEphemeralKeys();
        FheModelServer server = FheModelServer.load(dir.resolve(ModelBundles.SERVER));
        byte[][] results = server.run(client.encrypt(rows), client.evaluationKeys(), 2);
        assertTrue(Arrays.deepEquals(execute, client.decisionFunction(results)), "the deployed model");
        System.out.printf("DT wine: %d bootstraps per row without many-LUT, %d with%n", offBootstraps,
                on.statistics().bootstrapCount());
    }
}
