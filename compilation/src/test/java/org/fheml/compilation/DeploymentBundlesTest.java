package org.fheml.compilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.fheml.tfhe.serialization.ArtifactException;
import org.fheml.tfhe.serialization.ArtifactWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server bundle and a client specification saved, loaded and used across the client/server boundary compute
 * what the circuit computes; damaged, truncated, forged or missing bundle files are refused with a
 * {@link BundleException} at load, whatever byte is hit.
 */
class DeploymentBundlesTest {

    @TempDir
    Path dir;

    @Test
    void aBundledCircuitRunsBetweenAClientAndAServerThatShareOnlyBytes() {
        Circuit circuit = TestCircuits.insecure(TestCircuits.tree());
        ServerBundle.of(circuit, "tree").save(dir.resolve("server"));
        byte[] clientSpecification = ClientCircuit.of(circuit).toBytes();

        ServerBundle bundle = ServerBundle.load(dir.resolve("server"));
        ClientCircuit client = ClientCircuit.load(clientSpecification);
        assertEquals("tree", bundle.modelName());
        assertEquals(java.util.List.of(Shape.of(3)), bundle.argumentShapes());
        assertEquals(bundle.specificationDigest(), client.serverSpecificationDigest());
        assertEquals(circuit.parameters(), client.parameters());

        ClientKeySet keys = client.generateKeys();
        SplittableRandom random = new SplittableRandom(7);
        try (ServerCircuit server = bundle.open(keys.evaluationKeys(), 2)) {
            assertEquals(keys.keySetId(), server.keySetId());
            for (int i = 0; i < 6; i++) {
                long[] x = TestCircuits.input(circuit, random);
                assertArrayEquals(circuit.evaluate(x), client.decrypt(keys, server.run(client.encrypt(keys, x))));
            }
        }
    }

    @Test
    void aLeveledCircuitTravelsTooAndKeysReloadFromTheirBytes() {
        Circuit circuit = Compiler.of(java.util.Map.of("x", Encryption.ENCRYPTED),
                in -> in.get("x").matmul(new long[][] {{3}, {-2}, {5}})).inputShape("x", 3)
                .compile(new long[][] {{-8, -8, -8}, {7, 7, 7}});
        ClientCircuit client = ClientCircuit.load(ClientCircuit.of(circuit).toBytes());
        ClientKeySet generated = client.generateKeys();
        ClientKeySet keys = client.loadKeys(generated.secretKeys(), generated.evaluationKeys());
        assertEquals(generated.keySetId(), keys.keySetId());
        ServerBundle bundle = ServerBundle.fromBytes(ServerBundle.of(circuit, "linear").toBytes());
        long[] x = {5, -3, 7};
        try (ServerCircuit server = bundle.open(keys.evaluationKeys(), 1)) {
            assertArrayEquals(circuit.evaluate(x), client.decrypt(keys, server.run(client.encrypt(generated, x))));
        }
        ClientKeySet other = client.generateKeys();
        assertThrows(KeySetMismatchException.class, () -> client.loadKeys(generated.secretKeys(),
                other.evaluationKeys()));
    }

    @Test
    void everyDamagedByteOfAServerBundleIsRefusedWithABundleException() throws IOException {
        ServerBundle.of(TestCircuits.tree(), "tree").save(dir);
        Path file = dir.resolve(ServerBundle.FILE);
        byte[] good = Files.readAllBytes(file);
        int step = Math.max(1, good.length / 300);
        for (int at = 0; at < good.length; at += step) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            BundleException e = assertThrows(BundleException.class, () -> ServerBundle.load(dir), "byte " + at);
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length / 2));
        assertThrows(BundleException.class, () -> ServerBundle.load(dir));
        Files.delete(file);
        assertTrue(assertThrows(BundleException.class, () -> ServerBundle.load(dir)).getMessage()
                .contains("no server bundle"));
    }

    @Test
    void aSpecificationAlteredAndResealedFailsItsDigest() {
        byte[] bytes = ServerBundle.of(TestCircuits.tree(), "tree").toBytes();
        // the last bytes before the CRC belong to the nested specification's own CRC: change one, reseal the outer
        byte[] forged = bytes.clone();
        forged[forged.length - 5] ^= 1;
        ArtifactWriter.reseal(forged);
        ArtifactException e = assertThrows(ArtifactException.class, () -> ServerBundle.fromBytes(forged));
        assertTrue(e.getMessage().contains("digest"), e.getMessage());
    }

    @Test
    void aDamagedClientSpecificationIsRefused() {
        byte[] good = ClientCircuit.of(TestCircuits.tree()).toBytes();
        for (int at = 0; at < good.length; at++) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            assertInstanceOf(ArtifactException.class, assertThrows(RuntimeException.class,
                    () -> ClientCircuit.load(bad)), "byte " + at);
        }
    }
}
