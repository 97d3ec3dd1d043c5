package org.fheml.tfhe.algorithms;

import java.util.function.LongUnaryOperator;
import org.fheml.tfhe.InvalidParameterException;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.params.PolynomialSize;

/**
 * Builds bootstrap accumulators (tfhe-engine.md §2.2): the N coefficients are cut into 2^p boxes of N/2^p, box m
 * holds the output for input message m, and the table is rotated by half a box (negating what wraps) so that each
 * input, rounded to its nearest message, lands in its box. Inputs must keep their padding bit at 0: an input in the
 * padding half reads the table negated (negacyclicity).
 */
public final class LookupTables {

    private LookupTables() {
    }

    /**
     * The table mapping message m of {@code input} (p bits) to the torus value {@code outputs[m]}; outputs has
     * exactly 2^p entries.
     */
    public static LookupTable fromTorusValues(PolynomialSize polynomialSize, Encoding input, long[] outputs) {
        int n = polynomialSize.value();
        if (outputs.length != input.messageModulus()) {
            throw new InvalidParameterException("A lookup table for " + input.precision() + "-bit inputs has "
                    + input.messageModulus() + " entries, got " + outputs.length);
        }
        if (input.messageModulus() > n) {
            throw new InvalidParameterException("A " + input.precision() + "-bit lookup needs N >= 2^p = "
                    + input.messageModulus() + ", the polynomial size is " + n + ": raise N or lower the precision");
        }
        int boxSize = (int) (n / input.messageModulus());
        int halfBox = boxSize / 2;
        long[] table = new long[n];
        for (int m = 0; m < outputs.length; m++) {
            java.util.Arrays.fill(table, m * boxSize, (m + 1) * boxSize, outputs[m]);
        }
        for (int j = 0; j < halfBox; j++) {
            table[j] = -table[j];
        }
        long[] rotated = new long[n];
        for (int j = 0; j < n; j++) {
            rotated[j] = table[(j + halfBox) % n];
        }
        return new LookupTable(rotated);
    }

    /** The table mapping input message m to the encoding under {@code output} of {@code messages[m]}. */
    public static LookupTable fromMessages(PolynomialSize polynomialSize, Encoding input, long[] messages,
            Encoding output) {
        long[] outputs = new long[messages.length];
        for (int m = 0; m < messages.length; m++) {
            outputs[m] = output.encode(messages[m]);
        }
        return fromTorusValues(polynomialSize, input, outputs);
    }

    /** The table of {@code f} over every input message, the results encoded under {@code output}. */
    public static LookupTable fromFunction(PolynomialSize polynomialSize, Encoding input, Encoding output,
            LongUnaryOperator f) {
        long[] messages = new long[(int) input.messageModulus()];
        for (int m = 0; m < messages.length; m++) {
            messages[m] = f.applyAsLong(m);
        }
        return fromMessages(polynomialSize, input, messages, output);
    }

    /** The identity table: a bootstrap through it refreshes the noise of a p-bit message. */
    public static LookupTable identity(PolynomialSize polynomialSize, Encoding encoding) {
        return fromFunction(polynomialSize, encoding, encoding, m -> m);
    }
}
