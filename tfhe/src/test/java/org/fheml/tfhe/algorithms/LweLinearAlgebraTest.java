package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;

/** Leveled operations agree with clear arithmetic mod 2^p (noise 2^-40 leaves room for weights up to 2^10). */
class LweLinearAlgebraTest {

    private static final double STD = 0x1p-40;
    private static final LweDimension N = new LweDimension(128);

    @Property(tries = 200)
    void addSubtractNegateAndConstantsMatchClearArithmetic(@ForAll @IntRange(min = 1, max = 24) int precision,
            @ForAll long a, @ForAll long b, @ForAll long c, @ForAll long seed) {
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        LweSecretKey key = LweSecretKey.generate(N, random);
        Encoding encoding = new Encoding(precision);
        long modulus = encoding.messageModulus();
        LweCiphertext x = LweEncryption.encrypt(key, encoding, a, STD, random);
        LweCiphertext y = LweEncryption.encrypt(key, encoding, b, STD, random);
        LweCiphertext out = new LweCiphertext(N);
        LweLinearAlgebra.add(x, y, out);
        assertEquals(Math.floorMod(a + b, modulus), LweEncryption.decrypt(key, encoding, out));
        LweLinearAlgebra.subtract(x, y, out);
        assertEquals(Math.floorMod(a - b, modulus), LweEncryption.decrypt(key, encoding, out));
        LweLinearAlgebra.negate(x, out);
        assertEquals(Math.floorMod(-a, modulus), LweEncryption.decrypt(key, encoding, out));
        LweLinearAlgebra.addPlaintext(out, encoding.encode(c));
        assertEquals(Math.floorMod(c - a, modulus), LweEncryption.decrypt(key, encoding, out));
    }

    @Property(tries = 100)
    void dotProductsAndMatrixProductsMatchClearArithmetic(@ForAll @IntRange(min = 1, max = 24) int precision,
            @ForAll @Size(min = 1, max = 12) long[] messages, @ForAll long seed) {
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        java.util.SplittableRandom clear = new java.util.SplittableRandom(seed);
        LweSecretKey key = LweSecretKey.generate(N, random);
        Encoding encoding = new Encoding(precision);
        long modulus = encoding.messageModulus();
        int m = messages.length;
        LweCiphertextList inputs = new LweCiphertextList(N, m);
        long[] plaintexts = new long[m];
        for (int i = 0; i < m; i++) {
            plaintexts[i] = encoding.encode(messages[i]);
        }
        LweEncryption.encrypt(key, plaintexts, STD, random, inputs);
        int outputs = 3;
        long[] weights = clear.longs((long) outputs * m, -1000, 1001).toArray();
        LweCiphertextList products = new LweCiphertextList(N, outputs);
        LweLinearAlgebra.matrixMultiply(inputs, weights, products);
        for (int o = 0; o < outputs; o++) {
            long expected = 0;
            for (int i = 0; i < m; i++) {
                expected += weights[o * m + i] * messages[i];
            }
            assertEquals(Math.floorMod(expected, modulus), LweEncryption.decrypt(key, encoding, products.get(o)),
                    "output " + o);
            LweCiphertext single = new LweCiphertext(N);
            LweLinearAlgebra.dot(inputs, java.util.Arrays.copyOfRange(weights, o * m, (o + 1) * m), single);
            assertEquals(Math.floorMod(expected, modulus), LweEncryption.decrypt(key, encoding, single));
        }
        long w = weights[0];
        LweCiphertext scaled = new LweCiphertext(N);
        LweLinearAlgebra.multiply(inputs.get(0), w, scaled);
        assertEquals(Math.floorMod(w * messages[0], modulus), LweEncryption.decrypt(key, encoding, scaled));
        LweCiphertextList sums = new LweCiphertextList(N, m);
        LweLinearAlgebra.add(inputs, inputs, sums);
        LweLinearAlgebra.addPlaintexts(sums, plaintexts);
        LweLinearAlgebra.subtract(sums, inputs, sums);
        for (int i = 0; i < m; i++) {
            assertEquals(Math.floorMod(2 * messages[i], modulus), LweEncryption.decrypt(key, encoding, sums.get(i)));
        }
    }
}
