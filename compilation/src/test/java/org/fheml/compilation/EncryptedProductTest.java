package org.fheml.compilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** x·y of two encrypted values, composed of two lookups of quarter squares. */
class EncryptedProductTest {

    private static Circuit product(int size, long[][][] inputset) {
        Map<String, Encryption> inputs = new LinkedHashMap<>();
        inputs.put("x", Encryption.ENCRYPTED);
        inputs.put("y", Encryption.ENCRYPTED);
        return Compiler.of(inputs, in -> in.get("x").multiplyEncrypted(in.get("y")))
                .inputShape("x", size).inputShape("y", size).compile(inputset);
    }

    @Test
    void everyProductOfTwoSignedRangesIsExactInTheClearAndSimulated() {
        int n = 11 * 7;
        long[] x = new long[n];
        long[] y = new long[n];
        for (int a = -5, i = 0; a <= 5; a++) {
            for (int b = -3; b <= 3; b++, i++) {
                x[i] = a;
                y[i] = b;
            }
        }
        Circuit circuit = product(n, new long[][][] {{x, y}});
        long[] expected = new long[n];
        for (int i = 0; i < n; i++) {
            expected[i] = x[i] * y[i];
        }
        assertArrayEquals(expected, circuit.evaluate(x, y));
        assertArrayEquals(expected, circuit.simulate(x, y));
        assertEquals(2L * n, circuit.statistics().bootstrapCount(), circuit.statistics().toString());
    }

    @Test
    void encryptedProductsDecryptToTheProducts() {
        long[] x = {-3, 2, 3, 0};
        long[] y = {3, -2, 1, -3};
        Circuit circuit = product(4, new long[][][] {{{-3, -3, -3, -3}, {-3, -3, -3, -3}}, {{3, 3, 3, 3},
                {3, 3, 3, 3}}});
        assertArrayEquals(new long[] {-9, -4, 3, 0}, circuit.encryptRunDecrypt(x, y));
    }

    @Test
    void aClearOperandNeedsNoLookup() {
        Circuit circuit = Compiler.of(Map.of("x", Encryption.ENCRYPTED),
                in -> in.get("x").multiplyEncrypted(Tracer.constant(new long[] {2, -3})))
                .compile(new long[][] {{-4, 4}, {4, -4}});
        assertArrayEquals(new long[] {6, -6}, circuit.evaluate(new long[] {3, 2}));
        assertEquals(0, circuit.statistics().bootstrapCount());
    }
}
