package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.entities.Torus32KeyswitchKey;
import org.fheml.tfhe.math.IntegerKernel;
import org.fheml.tfhe.math.IntegerKernels;
import org.fheml.tfhe.math.SignedDecomposer;

/**
 * LWE keyswitch (tfhe-engine.md §8.6): re-encrypts a ciphertext under another key by decomposing each input mask
 * coefficient and subtracting the digit-weighted keyswitch-key ciphertexts from (0, …, 0, b). With a key rounded to
 * 32 bits ({@link Torus32KeyswitchKey}) the sums run mod 2^32 over half the bytes and are lifted back to the 64-bit
 * torus at the end; the digits still come from the exact 64-bit mask coefficients and the body stays exact.
 */
public final class LweKeyswitch {

    private LweKeyswitch() {
    }

    /** The length of the scratch array {@link #keyswitch(LweKeyswitchKey, LweCiphertext, LweCiphertext, long[])} needs. */
    public static int scratchLength(LweKeyswitchKey key) {
        return key.levels().value();
    }

    /** Keyswitches {@code in} into {@code out}, allocating its small scratch. */
    public static void keyswitch(LweKeyswitchKey key, LweCiphertext in, LweCiphertext out) {
        keyswitch(key, in, out, new long[scratchLength(key)]);
    }

    /** The length of the int scratch a keyswitch with a 32-bit key needs: the output's LWE size. */
    public static int accumulatorLength(Torus32KeyswitchKey key) {
        return key.outputDimension().lweSize();
    }

    /**
     * Keyswitches with the server key's 32-bit keyswitch key when it has one, else with the exact key, without
     * allocating: {@code digits} holds at least l values, {@code accumulator} at least n_out + 1.
     */
    public static void keyswitch(ServerKey key, LweCiphertext in, LweCiphertext out, long[] digits,
            int[] accumulator) {
        if (key.torus32KeyswitchKey().isPresent()) {
            keyswitch(key.torus32KeyswitchKey().get(), in, out, digits, accumulator);
        } else {
            keyswitch(key.keyswitchKey(), in, out, digits);
        }
    }

    /**
     * Keyswitches {@code in} into {@code out} with a key rounded to 32 bits, without allocating: {@code digits}
     * holds at least l values, {@code accumulator} at least {@link #accumulatorLength} values.
     */
    public static void keyswitch(Torus32KeyswitchKey key, LweCiphertext in, LweCiphertext out, long[] digits,
            int[] accumulator) {
        DimensionMismatchException.check("LweDimension", "keyswitch key input", key.inputDimension().value(),
                "ciphertext", in.dimension().value());
        DimensionMismatchException.check("LweDimension", "keyswitch key output", key.outputDimension().value(),
                "output ciphertext", out.dimension().value());
        SignedDecomposer decomposer = new SignedDecomposer(key.baseLog(), key.levels());
        int nIn = key.inputDimension().value();
        int outSize = key.outputDimension().lweSize();
        int levels = key.levels().value();
        int[] ksk = key.data();
        long[] src = in.data();
        int srcOffset = in.offset();
        java.util.Arrays.fill(accumulator, 0, outSize, 0);
        IntegerKernel kernel = IntegerKernels.preferred();
        for (int i = 0; i < nIn; i++) {
            decomposer.decompose(src[srcOffset + i], digits, 0);
            kernel.subtractDigitCombination(accumulator, 0, ksk, key.offsetOf(i, 0), digits, levels, outSize);
        }
        lift(accumulator, in.body(), out, outSize);
    }

    /** The 32-bit sums back on the 64-bit torus: out = (0, …, 0, body) + accumulator·2^32. */
    private static void lift(int[] accumulator, long body, LweCiphertext out, int outSize) {
        long[] dst = out.data();
        int dstOffset = out.offset();
        for (int t = 0; t < outSize - 1; t++) {
            dst[dstOffset + t] = (long) accumulator[t] << 32;
        }
        dst[dstOffset + outSize - 1] = body + ((long) accumulator[outSize - 1] << 32);
    }

    /** Keyswitches {@code in} into {@code out} without allocating; {@code digits} holds at least l values. */
    public static void keyswitch(LweKeyswitchKey key, LweCiphertext in, LweCiphertext out, long[] digits) {
        DimensionMismatchException.check("LweDimension", "keyswitch key input", key.inputDimension().value(),
                "ciphertext", in.dimension().value());
        DimensionMismatchException.check("LweDimension", "keyswitch key output", key.outputDimension().value(),
                "output ciphertext", out.dimension().value());
        SignedDecomposer decomposer = new SignedDecomposer(key.baseLog(), key.levels());
        int nIn = key.inputDimension().value();
        int outSize = key.outputDimension().lweSize();
        int levels = key.levels().value();
        long[] ksk = key.data();
        long[] src = in.data();
        int srcOffset = in.offset();
        long[] dst = out.data();
        int dstOffset = out.offset();
        java.util.Arrays.fill(dst, dstOffset, dstOffset + outSize - 1, 0);
        dst[dstOffset + outSize - 1] = in.body();
        IntegerKernel kernel = IntegerKernels.preferred();
        for (int i = 0; i < nIn; i++) {
            decomposer.decompose(src[srcOffset + i], digits, 0);
            kernel.subtractDigitCombination(dst, dstOffset, ksk, key.offsetOf(i, 0), digits, levels, outSize);
        }
    }

    /**
     * {@link #keyswitchGroup} with the server key's 32-bit keyswitch key when it has one, else with the exact key;
     * {@code accumulators[g]} holds at least n_out + 1 ints for each member g.
     */
    public static void keyswitchGroup(ServerKey key, LweCiphertextList in, int from, LweCiphertext[] out, int count,
            long[] digits, int[][] accumulators) {
        if (key.torus32KeyswitchKey().isPresent()) {
            keyswitchGroup(key.torus32KeyswitchKey().get(), in, from, out, count, digits, accumulators);
        } else {
            keyswitchGroup(key.keyswitchKey(), in, from, out, count, digits);
        }
    }

    /** {@link #keyswitchGroup} with a key rounded to 32 bits, each member summing into its own accumulator. */
    public static void keyswitchGroup(Torus32KeyswitchKey key, LweCiphertextList in, int from, LweCiphertext[] out,
            int count, long[] digits, int[][] accumulators) {
        DimensionMismatchException.check("LweDimension", "keyswitch key input", key.inputDimension().value(),
                "ciphertext list", in.dimension().value());
        SignedDecomposer decomposer = new SignedDecomposer(key.baseLog(), key.levels());
        int nIn = key.inputDimension().value();
        int outSize = key.outputDimension().lweSize();
        int levels = key.levels().value();
        int[] ksk = key.data();
        long[] src = in.data();
        for (int g = 0; g < count; g++) {
            DimensionMismatchException.check("LweDimension", "keyswitch key output", key.outputDimension().value(),
                    "output ciphertext", out[g].dimension().value());
            java.util.Arrays.fill(accumulators[g], 0, outSize, 0);
        }
        IntegerKernel kernel = IntegerKernels.preferred();
        for (int i = 0; i < nIn; i++) {
            int keyOffset = key.offsetOf(i, 0);
            for (int g = 0; g < count; g++) {
                decomposer.decompose(src[in.offsetOf(from + g) + i], digits, 0);
                kernel.subtractDigitCombination(accumulators[g], 0, ksk, keyOffset, digits, levels, outSize);
            }
        }
        for (int g = 0; g < count; g++) {
            lift(accumulators[g], in.get(from + g).body(), out[g], outSize);
        }
    }

    /**
     * Keyswitches {@code count} ciphertexts, in[from, from + count), into out[0, count), in lockstep: each input coefficient's key
     * rows are read once for the whole group instead of once per ciphertext, which is what bounds a keyswitch when
     * the key does not fit in the caches. Each output equals {@link #keyswitch}'s, bit for bit.
     */
    public static void keyswitchGroup(LweKeyswitchKey key, LweCiphertextList in, int from, LweCiphertext[] out,
            int count, long[] digits) {
        DimensionMismatchException.check("LweDimension", "keyswitch key input", key.inputDimension().value(),
                "ciphertext list", in.dimension().value());
        SignedDecomposer decomposer = new SignedDecomposer(key.baseLog(), key.levels());
        int nIn = key.inputDimension().value();
        int outSize = key.outputDimension().lweSize();
        int levels = key.levels().value();
        long[] ksk = key.data();
        long[] src = in.data();
        for (int g = 0; g < count; g++) {
            DimensionMismatchException.check("LweDimension", "keyswitch key output", key.outputDimension().value(),
                    "output ciphertext", out[g].dimension().value());
            long[] dst = out[g].data();
            java.util.Arrays.fill(dst, out[g].offset(), out[g].offset() + outSize - 1, 0);
            dst[out[g].offset() + outSize - 1] = in.get(from + g).body();
        }
        IntegerKernel kernel = IntegerKernels.preferred();
        for (int i = 0; i < nIn; i++) {
            int keyOffset = key.offsetOf(i, 0);
            for (int g = 0; g < count; g++) {
                decomposer.decompose(src[in.offsetOf(from + g) + i], digits, 0);
                kernel.subtractDigitCombination(out[g].data(), out[g].offset(), ksk, keyOffset, digits, levels,
                        outSize);
            }
        }
    }
}
