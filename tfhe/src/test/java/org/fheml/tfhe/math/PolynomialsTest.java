package org.fheml.tfhe.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast special products against the schoolbook negacyclic product. */
class PolynomialsTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 16, 256})
    void binaryProductMatchesSchoolbook(int n) {
        SplittableRandom random = new SplittableRandom(n);
        long[] a = random.longs(n).toArray();
        long[] s = random.longs(n, 0, 2).toArray();
        long[] expected = new long[n];
        Polynomials.negacyclicMultiply(a, s, expected);
        long[] start = random.longs(n).toArray();
        long[] actual = start.clone();
        Polynomials.addMultiplyBinary(actual, 0, a, 0, s, 0, n);
        for (int j = 0; j < n; j++) {
            expected[j] += start[j];
        }
        assertArrayEquals(expected, actual);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 64})
    void monomialProductsMatchSchoolbook(int n) {
        SplittableRandom random = new SplittableRandom(n);
        long[] a = random.longs(n).toArray();
        for (int power = 0; power < 2 * n; power++) {
            long[] monomial = new long[n];
            monomial[power % n] = power < n ? 1 : -1;
            long[] expected = new long[n];
            Polynomials.negacyclicMultiply(monomial, a, expected);
            long[] actual = new long[n];
            Polynomials.multiplyByMonomial(a, 0, actual, 0, n, power);
            assertArrayEquals(expected, actual, "X^" + power);
            Polynomials.multiplyByMonomialMinusOne(a, 0, actual, 0, n, power);
            for (int j = 0; j < n; j++) {
                expected[j] -= a[j];
            }
            assertArrayEquals(expected, actual, "X^" + power + " − 1");
        }
    }
}
