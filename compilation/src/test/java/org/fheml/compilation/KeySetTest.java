package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys bound to their owner: both sides refuse ciphertexts of another key set, and say so. */
class KeySetTest {

    private static Circuit client() {
        return Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").dot(new long[] {2, -3}).add(5))
                .compile(new long[][] {{0, 0}, {15, 15}});
    }

    @Test
    void twoClientsOfOneCircuitHaveDifferentIdsAndTheServerStampsItsResults() {
        Circuit alice = client();
        Circuit bob = client();
        assertNotEquals(alice.keygen().keySetId(), bob.keygen().keySetId());
        assertEquals(32, alice.keygen().keySetId().toString().length(), "16 bytes in hexadecimal");
        ServerCircuit server = ServerCircuit.load(alice.serverSpecification(), alice.evaluationKeys(), 1);
        assertEquals(alice.keygen().keySetId(), server.keySetId());
        assertArrayEquals(new long[] {2 * 7 - 3 * 4 + 5},
                alice.decryptBytes(server.run(alice.encryptToBytes(new long[] {7, 4}))));
    }

    @Test
    void aServerRefusesArgumentsOfAnotherKeySet() {
        Circuit alice = client();
        Circuit bob = client();
        ServerCircuit server = ServerCircuit.load(alice.serverSpecification(), alice.evaluationKeys(), 1);
        KeySetMismatchException e = assertThrows(KeySetMismatchException.class,
                () -> server.run(bob.encryptToBytes(new long[] {7, 4})));
        assertTrue(e.getMessage().startsWith("The arguments belong to key set " + bob.keygen().keySetId()
                + ", but the server's evaluation keys belong to key set " + alice.keygen().keySetId()), e.getMessage());
        assertTrue(e.getMessage().contains("another client's keys"), e.getMessage());
    }

    @Test
    void aClientRefusesResultsMadeForAnotherKeySet() {
        Circuit alice = client();
        Circuit bob = client();
        ServerCircuit bobs = ServerCircuit.load(bob.serverSpecification(), bob.evaluationKeys(), 1);
        byte[] results = bobs.run(bob.encryptToBytes(new long[] {7, 4}));
        KeySetMismatchException e = assertThrows(KeySetMismatchException.class, () -> alice.decryptBytes(results));
        assertTrue(e.getMessage().startsWith("The results belong to key set " + bob.keygen().keySetId()
                + ", but this client's keys belong to key set " + alice.keygen().keySetId()), e.getMessage());
        assertArrayEquals(new long[] {7 * 2 - 3 * 4 + 5}, bob.decryptBytes(results), "their owner reads them");
    }
}
