package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.params.PolynomialSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where a bootstrap decides: a phase error e (before the body's rounding) keeps message m exactly when
 * −2^-(p+2) ≤ e < 2^-(p+2), half a box either way, as the noise model's erfc(2^-(p+2)/√(2v)) assumes. With the body
 * rounded instead of floored, an error of half a box minus half a 2N step upwards already failed.
 */
class ModulusSwitchTest {

    @ParameterizedTest(name = "p={0}, N={1}, {2}")
    @CsvSource({"2, 256, PLAIN", "3, 256, CENTERED_MEAN", "4, 1024, CENTERED_MEAN", "6, 2048, PLAIN",
            "1, 512, CENTERED_MEAN"})
    void theDecisionIntervalIsSymmetricAboutTheMessage(int precision, int bigN, ModulusSwitchType type) {
        Encoding encoding = new Encoding(precision);
        PolynomialSize size = new PolynomialSize(bigN);
        LookupTable identity = LookupTables.identity(size, encoding);
        long halfBox = 1L << (64 - (precision + 2));
        int log2TwoN = size.log2() + 1;
        long step = 1L << (64 - log2TwoN);
        long modulus = encoding.messageModulus();
        for (long m = 0; m < modulus; m++) {
            assertEquals(m, read(identity, encoding, encoding.encode(m) + halfBox - 1, log2TwoN, type), "just below +h");
            assertEquals(m, read(identity, encoding, encoding.encode(m) + halfBox - step / 2, log2TwoN, type),
                    "half a step below +h");
            assertEquals(m, read(identity, encoding, encoding.encode(m) - halfBox, log2TwoN, type), "at −h");
            if (m + 1 < modulus) {
                assertEquals(m + 1, read(identity, encoding, encoding.encode(m) + halfBox, log2TwoN, type), "at +h");
            }
            if (m > 0) {
                assertEquals(m - 1, read(identity, encoding, encoding.encode(m) - halfBox - 1, log2TwoN, type),
                        "just below −h");
            }
        }
    }

    /**
     * The message a bootstrap of a noiseless, maskless ciphertext of this phase reads through {@code lut}: the
     * constant coefficient of lut·X^(−b̃), which the blind rotation leaves as it is when every switched mask is 0.
     */
    private static long read(LookupTable lut, Encoding encoding, long phase, int log2TwoN, ModulusSwitchType type) {
        int n = 4;
        LweCiphertext ct = new LweCiphertext(new LweDimension(n));
        ct.setBody(phase);
        int[] switched = new int[n + 1];
        ModulusSwitch.switchModulus(ct, log2TwoN, type, switched);
        int bigN = 1 << (log2TwoN - 1);
        int body = switched[n];
        long coefficient = body < bigN ? lut.coefficients()[body] : -lut.coefficients()[body - bigN];
        return encoding.decode(coefficient);
    }
}
