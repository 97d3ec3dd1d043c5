package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.fheml.tfhe.math.Polynomials;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FFT product of a mask and a binary key equals the schoolbook product exactly, mod 2^64. */
class BinaryKeyProductTest {

    @ParameterizedTest
    @ValueSource(ints = {256, 512, 1024, 4096, 16384})
    void equalsTheSchoolbookProductExactly(int n) {
        AesCtrGenerator random = AesCtrGenerator.seeded(n);
        long[] a = new long[n];
        long[] s = new long[n];
        random.fillUniform(a, 0, n);
        random.fillBinary(s, 0, n);
        long[] expected = new long[n];
        long[] actual = new long[n];
        random.fillUniform(expected, 0, n);
        System.arraycopy(expected, 0, actual, 0, n);
        Polynomials.addMultiplyBinary(expected, 0, a, 0, s, 0, n);
        BinaryKeyProduct.addMultiply(actual, 0, a, 0, s, 0, n);
        assertArrayEquals(expected, actual);
    }
}
