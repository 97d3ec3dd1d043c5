package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.InvalidParameterException;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.FourierBootstrapKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.ServerKey;

/**
 * The many-LUT bootstrap: m = 2^a functions of one p-bit input in a single KS-PBS (Chillotti et al., "Improved
 * programmable bootstrapping with larger precision and efficient arithmetic circuits"; TFHE-rs's many-LUT). The
 * accumulator's box of message x (N/2^p coefficients) holds f_0(x), f_1(x), …, f_(m−1)(x), f_0(x), … interleaved,
 * and the modulus switch goes to 2N/m, then back to multiples of m: the blind rotation then always stops on a
 * coefficient of function 0, and coefficient j of the rotated accumulator holds f_j(x). One blind rotation, m sample
 * extractions (coefficients 0 … m−1).
 *
 * <p>Cost and noise: the keyswitch and the blind rotation are those of one bootstrap; the decision sees the
 * modulus-switch noise of a switch to 2N/m (m² times the masks' rounding variance), against the same half box of
 * a p-bit message; half a box must hold a whole multiple of m coefficients, N/2^(p+1) ≥ m. One failure moves the
 * rotation to a neighbouring box, so it corrupts all m outputs together. With m = 1 every step is
 * {@link ProgrammableBootstrap#bootstrap}'s, bit for bit.
 */
public final class ManyLutBootstrap {

    /** The most functions one many-LUT bootstrap evaluates. */
    public static final int MAX_LOG2_FUNCTIONS = 3;

    private ManyLutBootstrap() {
    }

    /**
     * The accumulator of {@code outputs.length} = 2^a functions (a ≤ {@link #MAX_LOG2_FUNCTIONS}) of a p-bit
     * input: {@code outputs[j][x]} is the torus value of f_j(x), each of exactly 2^p entries. With one function it
     * equals {@link LookupTables#fromTorusValues}.
     */
    public static LookupTable accumulator(org.fheml.tfhe.params.PolynomialSize polynomialSize, Encoding input,
            long[][] outputs) {
        int functions = outputs.length;
        int log2 = log2Functions(functions);
        int n = polynomialSize.value();
        for (long[] output : outputs) {
            if (output.length != input.messageModulus()) {
                throw new InvalidParameterException("A lookup table for " + input.precision() + "-bit inputs has "
                        + input.messageModulus() + " entries, got " + output.length);
            }
        }
        if (!fits(n, input.precision(), log2)) {
            throw new InvalidParameterException(functions + " functions of a " + input.precision() + "-bit input need "
                    + "N >= 2^(p+1)·m = " + (input.messageModulus() * 2 * functions) + ", the polynomial size is " + n
                    + ": raise N, lower the precision or evaluate fewer functions per bootstrap");
        }
        int boxSize = (int) (n / input.messageModulus());
        int halfBox = boxSize / 2;
        long[] table = new long[n];
        for (int j = 0; j < n; j++) {
            table[j] = outputs[j & (functions - 1)][j / boxSize];
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

    /**
     * Whether polynomial size {@code polynomialSize} holds 2^log2Functions functions of a {@code precision}-bit input:
     * half a box, N/2^(p+1), is a whole multiple of m (for m = 1, N ≥ 2^p).
     */
    public static boolean fits(int polynomialSize, int precision, int log2Functions) {
        if (log2Functions == 0) {
            return polynomialSize >= (1L << precision);
        }
        return (long) polynomialSize >= (1L << (precision + 1 + log2Functions));
    }

    /** log2 m for m = 1, 2, 4 or 8; refuses other counts. */
    public static int log2Functions(int functions) {
        if (functions < 1 || Integer.bitCount(functions) != 1 || functions > 1 << MAX_LOG2_FUNCTIONS) {
            throw new InvalidParameterException("A many-LUT bootstrap evaluates 1, 2, 4 or 8 functions, got "
                    + functions);
        }
        return Integer.numberOfTrailingZeros(functions);
    }

    /**
     * Bootstraps {@code in} (under the big key) through a {@link #accumulator} of 2^log2Functions functions: output
     * j, for j below m, goes to {@code out.get(firstOutput + j)}. Allocates nothing.
     */
    public static void bootstrap(ServerKey key, LweCiphertext in, LweCiphertextList out, int firstOutput,
            LookupTable accumulator, int log2Functions, ModulusSwitchType modulusSwitch, BootstrapScratch scratch) {
        if (!scratch.parameters.equals(key.parameters())) {
            throw new IllegalArgumentException("The bootstrap scratch was made for other parameters than the server key: "
                    + "create it with new BootstrapScratch(serverKey.parameters())");
        }
        DimensionMismatchException.check("LweDimension", "bootstrap key output",
                key.bootstrapKey().outputLweDimension().value(), "output list", out.dimension().value());
        java.util.Objects.checkFromIndexSize(firstOutput, 1 << log2Functions, out.count());
        LweKeyswitch.keyswitch(key, in, scratch.small, scratch.keyswitchDigits, scratch.keyswitchAccumulator);
        bootstrapSmall(key.bootstrapKey(), scratch.small, out, firstOutput, accumulator, log2Functions, modulusSwitch,
                scratch);
    }

    /** The many-LUT bootstrap without the keyswitch: {@code in} is under the small key (dimension n). */
    public static void bootstrapSmall(FourierBootstrapKey key, LweCiphertext in, LweCiphertextList out,
            int firstOutput, LookupTable accumulator, int log2Functions, ModulusSwitchType modulusSwitch,
            BootstrapScratch scratch) {
        DimensionMismatchException.check("LweDimension", "bootstrap key input", key.inputLweDimension().value(),
                "ciphertext", in.dimension().value());
        int log2TwoN = key.polynomialSize().log2() + 1;
        switchModulus(in, log2TwoN, log2Functions, modulusSwitch, scratch.switched);
        BlindRotation.blindRotate(key, scratch.switched, accumulator, scratch.accumulator, scratch.difference,
                scratch.externalProduct);
        for (int j = 0; j < 1 << log2Functions; j++) {
            SampleExtraction.extract(scratch.accumulator, j, out.get(firstOutput + j));
        }
    }

    /**
     * The modulus switch of a many-LUT bootstrap: to 2N/m, each value then multiplied by m, so that every switched
     * value, and so every rotation, is a multiple of m in [0, 2N). With m = 1 it is {@link ModulusSwitch}'s.
     */
    static void switchModulus(LweCiphertext in, int log2TwoN, int log2Functions, ModulusSwitchType type, int[] out) {
        ModulusSwitch.switchModulus(in, log2TwoN - log2Functions, type, out);
        if (log2Functions > 0) {
            int n = in.dimension().value();
            for (int i = 0; i <= n; i++) {
                out[i] <<= log2Functions;
            }
        }
    }
}
