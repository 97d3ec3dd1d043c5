package org.fheml.models.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.fheml.compilation.ClientKeySet;
import org.fheml.compilation.KeyDirectory;
import org.fheml.compilation.KeyProtection;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.FheEstimator;
import org.fheml.models.linear.LogisticRegression;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.serialization.ArtifactReader;
import org.fheml.tfhe.serialization.ArtifactType;
import org.fheml.tfhe.serialization.TfheArtifacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No piece of the client's secret key is in anything a server writes or reads: every file of the server bundle,
 * the evaluation keys file, the encrypted requests and the encrypted results, for a model that bootstraps (a
 * tree: keyswitch and bootstrap keys travel) and one that does not (a linear model). The scanner is shown to
 * find the key where it is (the client's unencrypted key file), so that its silence means something.
 */
class SecretKeyScanTest {

    @TempDir
    Path dir;

    @Test
    void aBootstrappedModelsServerSideHoldsNoSecretKeyByte() throws IOException {
        ClassificationDataset data = Datasets.breastCancer();
        DecisionTreeClassifier model = new DecisionTreeClassifier().setMaxDepth(2).setNBits(3);
        model.fit(data.features(), data.labels());
        model.compile(data.features());
        scan(model, Arrays.copyOf(data.features(), 2));
    }

    @Test
    void aLeveledModelsServerSideHoldsNoSecretKeyByte() throws IOException {
        ClassificationDataset data = Datasets.iris();
        LogisticRegression model = new LogisticRegression().setNBits(6).fit(data.features(), data.labels());
        model.compile(data.features());
        scan(model, Arrays.copyOf(data.features(), 2));
    }

    private void scan(FheEstimator model, double[][] rows) throws IOException {
        Path saved = dir.resolve("model");
        model.save(saved);
        Path keys = dir.resolve("keys");
        FheModelClient client = FheModelClient.load(saved.resolve(ModelBundles.CLIENT))
                .generateKeys(keys, KeyProtection.unencryptedOwnerOnly());
        ClientKeySet keySet = client.keys();
        byte[] requests = concat(client.encrypt(rows));
        byte[] results = concat(FheModelServer.load(saved.resolve(ModelBundles.SERVER)).run(client.encrypt(rows),
                client.evaluationKeys(), 2));

        SecretScanner scanner = new SecretScanner(secretCoefficients(keySet.secretKeys()));
        assertNotNull(scanner.find(Files.readAllBytes(keys.resolve(KeyDirectory.SECRET_KEYS))),
                "the scanner finds the key in the client's unencrypted key file");

        List<Path> serverFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(saved.resolve(ModelBundles.SERVER))) {
            files.filter(Files::isRegularFile).forEach(serverFiles::add);
        }
        serverFiles.add(keys.resolve(KeyDirectory.EVALUATION_KEYS));
        assertFalse(serverFiles.isEmpty());
        for (Path file : serverFiles) {
            assertNull(scanner.find(Files.readAllBytes(file)), file.toString());
        }
        assertNull(scanner.find(requests), "requests");
        assertNull(scanner.find(results), "results");
        assertTrue(client.evaluationKeys().length > 0);
    }

    /** The secret key's coefficients: the GLWE (big LWE) and small LWE keys, or the one LWE key of a leveled circuit. */
    private static long[][] secretCoefficients(byte[] secretKeys) {
        record Nested(int kind, byte[] key) {
        }
        Nested nested = ArtifactReader.read(secretKeys, ArtifactType.CLIENT_SECRET_KEYS, in -> {
            in.readBytes(16, "id");
            in.readBytes(32, "parameters");
            return new Nested(in.readUnsignedByte(), in.readArtifact("key"));
        });
        if (nested.kind() == 0) {
            LweSecretKey key = TfheArtifacts.readLweSecretKey(nested.key());
            return new long[][] {key.coefficients()};
        }
        ClientKey key = TfheArtifacts.readClientKey(nested.key());
        return new long[][] {key.bigLweKey().coefficients(), key.smallLweKey().coefficients()};
    }

    private static byte[] concat(byte[][] parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
