package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.PolynomialSize;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleExtractionTest {

    @ParameterizedTest
    @CsvSource({"1, 64", "2, 32"})
    void everyCoefficientDecryptsUnderTheFlattenedKeyToTheSamePhase(int k, int n) {
        AesCtrGenerator random = AesCtrGenerator.seeded(n + k);
        GlweSecretKey key = GlweSecretKey.generate(new GlweDimension(k), new PolynomialSize(n), random);
        long[] messages = new SplittableRandom(k).longs(n, 0, 32).toArray();
        Encoding encoding = new Encoding(5);
        GlweCiphertext ct = ExternalProductTest.encrypt(key, encoding, messages, random);
        long[] phase = new long[n];
        GlweEncryption.decryptPhase(key, ct, phase);
        LweCiphertext extracted = new LweCiphertext(key.flattenedDimension());
        for (int index = 0; index < n; index++) {
            SampleExtraction.extract(ct, index, extracted);
            assertEquals(phase[index], LweEncryption.decryptPhase(key.asLweSecretKey(), extracted), "index " + index);
            assertEquals(messages[index], LweEncryption.decrypt(key.asLweSecretKey(), encoding, extracted));
        }
    }
}
