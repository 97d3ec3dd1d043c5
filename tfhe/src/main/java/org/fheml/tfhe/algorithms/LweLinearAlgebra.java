package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;

/**
 * Leveled operations on LWE ciphertexts, word by word mod 2^64: sums, differences, negation, clear constants, products
 * by clear integers and dot products with clear integer weights, one at a time or over whole lists (the kernel of
 * linear models). Noise grows: a product by w multiplies the variance by w², a dot product by ‖w‖₂². Outputs may
 * alias inputs except where a method says otherwise.
 */
public final class LweLinearAlgebra {

    private LweLinearAlgebra() {
    }

    /** out = a + b. */
    public static void add(LweCiphertext a, LweCiphertext b, LweCiphertext out) {
        check("left", a, "right", b);
        check("left", a, "output", out);
        long[] x = a.data();
        long[] y = b.data();
        long[] z = out.data();
        int size = a.dimension().lweSize();
        for (int i = 0; i < size; i++) {
            z[out.offset() + i] = x[a.offset() + i] + y[b.offset() + i];
        }
    }

    /** out = a − b. */
    public static void subtract(LweCiphertext a, LweCiphertext b, LweCiphertext out) {
        check("left", a, "right", b);
        check("left", a, "output", out);
        long[] x = a.data();
        long[] y = b.data();
        long[] z = out.data();
        int size = a.dimension().lweSize();
        for (int i = 0; i < size; i++) {
            z[out.offset() + i] = x[a.offset() + i] - y[b.offset() + i];
        }
    }

    /** out = −a. */
    public static void negate(LweCiphertext a, LweCiphertext out) {
        multiply(a, -1, out);
    }

    /** ct += plaintext (an encoded constant, see {@code Encoding.encode}): only the body changes. */
    public static void addPlaintext(LweCiphertext ct, long plaintext) {
        ct.setBody(ct.body() + plaintext);
    }

    /** out = w·a for a clear integer w. */
    public static void multiply(LweCiphertext a, long w, LweCiphertext out) {
        check("input", a, "output", out);
        long[] x = a.data();
        long[] z = out.data();
        int size = a.dimension().lweSize();
        for (int i = 0; i < size; i++) {
            z[out.offset() + i] = w * x[a.offset() + i];
        }
    }

    /** out = Σ_i weights[i]·inputs[i]; out must not be one of the inputs. */
    public static void dot(LweCiphertextList inputs, long[] weights, LweCiphertext out) {
        DimensionMismatchException.check("LweDimension", "inputs", inputs.dimension().value(), "output",
                out.dimension().value());
        DimensionMismatchException.check("dot product length", "inputs", inputs.count(), "weights", weights.length);
        dotUnchecked(inputs, weights, 0, out.data(), out.offset());
    }

    /**
     * Batched dot products (a matrix product): output o = Σ_i weights[o·m + i]·inputs[i], with m the input count and
     * weights row-major with one row per output.
     */
    public static void matrixMultiply(LweCiphertextList inputs, long[] weights, LweCiphertextList outputs) {
        DimensionMismatchException.check("LweDimension", "inputs", inputs.dimension().value(), "outputs",
                outputs.dimension().value());
        DimensionMismatchException.check("weight count", "inputs×outputs", (long) inputs.count() * outputs.count(),
                "weights", weights.length);
        if (inputs.data() == outputs.data()) {
            throw new IllegalArgumentException("A matrix product cannot write into its input list: use another list");
        }
        for (int o = 0; o < outputs.count(); o++) {
            dotUnchecked(inputs, weights, o * inputs.count(), outputs.data(), outputs.offsetOf(o));
        }
    }

    /** out[i] = a[i] + b[i] over whole lists. */
    public static void add(LweCiphertextList a, LweCiphertextList b, LweCiphertextList out) {
        checkLists(a, b, out);
        long[] x = a.data();
        long[] y = b.data();
        long[] z = out.data();
        for (int i = 0; i < x.length; i++) {
            z[i] = x[i] + y[i];
        }
    }

    /** out[i] = a[i] − b[i] over whole lists. */
    public static void subtract(LweCiphertextList a, LweCiphertextList b, LweCiphertextList out) {
        checkLists(a, b, out);
        long[] x = a.data();
        long[] y = b.data();
        long[] z = out.data();
        for (int i = 0; i < x.length; i++) {
            z[i] = x[i] - y[i];
        }
    }

    /** Adds {@code plaintexts[i]} to the body of ciphertext i of the list. */
    public static void addPlaintexts(LweCiphertextList list, long[] plaintexts) {
        DimensionMismatchException.check("ciphertext count", "list", list.count(), "plaintexts", plaintexts.length);
        int n = list.dimension().value();
        for (int i = 0; i < plaintexts.length; i++) {
            list.data()[list.offsetOf(i) + n] += plaintexts[i];
        }
    }

    private static void dotUnchecked(LweCiphertextList inputs, long[] weights, int weightOffset, long[] out,
            int outOffset) {
        int size = inputs.dimension().lweSize();
        long[] in = inputs.data();
        java.util.Arrays.fill(out, outOffset, outOffset + size, 0);
        for (int i = 0; i < inputs.count(); i++) {
            long w = weights[weightOffset + i];
            if (w == 0) {
                continue;
            }
            int base = i * size;
            for (int t = 0; t < size; t++) {
                out[outOffset + t] += w * in[base + t];
            }
        }
    }

    private static void check(String leftName, LweCiphertext left, String rightName, LweCiphertext right) {
        DimensionMismatchException.check("LweDimension", leftName, left.dimension().value(), rightName,
                right.dimension().value());
    }

    private static void checkLists(LweCiphertextList a, LweCiphertextList b, LweCiphertextList out) {
        DimensionMismatchException.check("LweDimension", "left list", a.dimension().value(), "right list",
                b.dimension().value());
        DimensionMismatchException.check("LweDimension", "left list", a.dimension().value(), "output list",
                out.dimension().value());
        DimensionMismatchException.check("ciphertext count", "left list", a.count(), "right list", b.count());
        DimensionMismatchException.check("ciphertext count", "left list", a.count(), "output list", out.count());
    }
}
