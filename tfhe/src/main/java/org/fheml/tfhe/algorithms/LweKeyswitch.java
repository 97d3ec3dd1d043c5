package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.math.IntegerKernel;
import org.fheml.tfhe.math.IntegerKernels;
import org.fheml.tfhe.math.SignedDecomposer;

/**
 * LWE keyswitch (tfhe-engine.md §8.6): re-encrypts a ciphertext under another key by decomposing each input mask
 * coefficient and subtracting the digit-weighted keyswitch-key ciphertexts from (0, …, 0, b).
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
