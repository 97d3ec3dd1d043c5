package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiveInputsTest {

    /** Rows 1 and 4 of the weights are zero: x[1] and x[4] are never read. */
    private static final long[][] WEIGHTS = {{1, 0}, {0, 0}, {-1, 1}, {0, 1}, {0, 0}, {1, 1}};

    private static Circuit thermometerLike() {
        return Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").matmul(WEIGHTS).add(1)
                        .lookup(new long[][] {{0, 5, 6, 7, 2}, {1, 2, 3, 4, 0}}))
                .inputShape("x", 6).compile(new long[][] {{0, 0, 0, 0, 0, 0}, {1, 1, 1, 1, 1, 1}});
    }

    @Test
    void anElementEveryProductWeighsByZeroIsNotRead() {
        Circuit circuit = thermometerLike();
        boolean[] read = LiveInputs.read(circuit.graph(), circuit.graph().inputs().getFirst());
        assertArrayEquals(new boolean[] {true, false, true, true, false, true}, read);
    }

    @Test
    void anyOtherReaderReadsEveryElement() {
        Circuit added = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").matmul(WEIGHTS).add(
                        in.get("x").slice(0, 2)))
                .inputShape("x", 6).compile(new long[][] {{0, 0, 0, 0, 0, 0}, {1, 1, 1, 1, 1, 1}});
        assertNull(LiveInputs.read(added.graph(), added.graph().inputs().getFirst()));
        Circuit everyRowUsed = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").matmul(new long[][] {{1}, {2}}))
                .inputShape("x", 2).compile(new long[][] {{0, 0}, {1, 1}});
        assertNull(LiveInputs.read(everyRowUsed.graph(), everyRowUsed.graph().inputs().getFirst()));
    }

    @Test
    void unreadElementsAreEncryptedAsZeroAndTheResultsStayExact() {
        Circuit circuit = TestCircuits.insecure(thermometerLike());
        SplittableRandom random = new SplittableRandom(5);
        for (int row = 0; row < 8; row++) {
            long[] x = random.longs(6, 0, 2).toArray();
            EncryptedValues encrypted = circuit.encrypt(x);
            org.fheml.tfhe.entities.LweCiphertextList ciphertexts =
                    ((EncryptedTensor) encrypted.values().getFirst()).ciphertexts();
            for (int e = 0; e < 6; e++) {
                long[] words = java.util.Arrays.copyOfRange(ciphertexts.data(), ciphertexts.offsetOf(e),
                        ciphertexts.offsetOf(e) + ciphertexts.dimension().lweSize());
                boolean zero = java.util.Arrays.stream(words).allMatch(w -> w == 0);
                assertTrue(zero == (e == 1 || e == 4), "element " + e + " of row " + row);
            }
            assertArrayEquals(circuit.evaluate(x), circuit.decrypt(circuit.run(encrypted)), "row " + row);
        }
    }
}
