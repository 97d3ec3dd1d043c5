package org.fheml.tfhe.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.fheml.tfhe.InvalidParameterException;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.params.PolynomialSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The table read in the clear as the blind rotation reads it: coefficient 0 of lut·X^(−μ) for every switched phase
 * μ in [0, 2N). A phase within half a box of message m (padding bit 0) reads f(m); a phase in the padding half
 * (m + 2^p) reads −f(m): the negacyclic behaviour that the padding bit keeps out of the way.
 */
class LookupTablesTest {

    @ParameterizedTest(name = "N={0}, p={1}")
    @CsvSource({"64, 1", "256, 3", "512, 4", "1024, 6", "64, 6"})
    void everyPhaseReadsTheOutputOfItsNearestMessage(int n, int precision) {
        Encoding encoding = new Encoding(precision);
        long[] outputs = new SplittableRandom(n).longs(encoding.messageModulus()).toArray();
        LookupTable lut = LookupTables.fromTorusValues(new PolynomialSize(n), encoding, outputs);
        int box = (int) (n / encoding.messageModulus());
        for (int mu = 0; mu < 2 * n; mu++) {
            // coefficient 0 of lut·X^(−μ): lut[μ] below N, −lut[μ − N] from N on
            long read = mu < n ? lut.coefficients()[mu] : -lut.coefficients()[mu - n];
            int nearest = Math.floorMod(Math.round((float) mu / box), (int) (2 * encoding.messageModulus()));
            // which of two messages a phase exactly half a box away rounds to is the table's choice
            if (box > 1 && mu % box == box / 2) {
                continue;
            }
            long expected = nearest < encoding.messageModulus() ? outputs[nearest]
                    : -outputs[(int) (nearest - encoding.messageModulus())];
            assertEquals(expected, read, "phase " + mu);
        }
    }

    @ParameterizedTest
    @CsvSource({"64, 7"})
    void rejectsTablesFinerThanThePolynomial(int n, int precision) {
        Encoding encoding = new Encoding(precision);
        assertThrows(InvalidParameterException.class,
                () -> LookupTables.fromTorusValues(new PolynomialSize(n), encoding, new long[1 << precision]));
        assertThrows(InvalidParameterException.class,
                () -> LookupTables.fromTorusValues(new PolynomialSize(n), new Encoding(2), new long[3]));
    }
}
