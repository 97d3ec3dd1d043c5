package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.entities.Torus32KeyswitchKey;
import org.fheml.tfhe.math.IntegerKernel;
import org.fheml.tfhe.math.IntegerKernels;
import org.fheml.tfhe.math.SignedDecomposer;

/**
 * One thread's share of an LWE keyswitch split by output coefficient: share s of S computes the output coefficients
 * [s·(n + 1)/S, (s + 1)·(n + 1)/S) (body included in the last share), decomposing every input coefficient itself.
 * Integer arithmetic is exact in any order, so the shares together equal {@link LweKeyswitch#keyswitch}'s output bit
 * for bit.
 */
final class KeyswitchShare {

    private KeyswitchShare() {
    }

    /**
     * @param accumulator the 32-bit sums, at least n + 1 ints, shared by the shares (each writes its own range)
     * @param digits this share's l digits
     * @param digit this share's single-digit scratch (one long)
     */
    static void run(ServerKey key, LweCiphertext in, LweCiphertext out, int[] accumulator, long[] digits,
            long[] digit, int share, int shares) {
        int outSize = out.dimension().lweSize();
        int from = (int) ((long) share * outSize / shares);
        int to = (int) ((long) (share + 1) * outSize / shares);
        if (key.torus32KeyswitchKey().isPresent()) {
            run32(key.torus32KeyswitchKey().get(), in, out, accumulator, digits, digit, from, to);
        } else {
            run64(key.keyswitchKey(), in, out, digits, digit, from, to);
        }
    }

    private static void run32(Torus32KeyswitchKey key, LweCiphertext in, LweCiphertext out, int[] accumulator,
            long[] digits, long[] digit, int from, int to) {
        SignedDecomposer decomposer = new SignedDecomposer(key.baseLog(), key.levels());
        IntegerKernel kernel = IntegerKernels.preferred();
        int levels = key.levels().value();
        int outSize = key.outputDimension().lweSize();
        int[] ksk = key.data();
        long[] src = in.data();
        java.util.Arrays.fill(accumulator, from, to, 0);
        for (int i = 0; i < key.inputDimension().value(); i++) {
            decomposer.decompose(src[in.offset() + i], digits, 0);
            for (int level = 0; level < levels; level++) {
                digit[0] = digits[level];
                kernel.subtractDigitCombination(accumulator, from, ksk, key.offsetOf(i, level) + from, digit, 1,
                        to - from);
            }
        }
        long[] dst = out.data();
        for (int t = from; t < to; t++) {
            dst[out.offset() + t] = (long) accumulator[t] << 32;
        }
        if (to == outSize) {
            dst[out.offset() + outSize - 1] += in.body();
        }
    }

    private static void run64(LweKeyswitchKey key, LweCiphertext in, LweCiphertext out, long[] digits,
            long[] digit, int from, int to) {
        SignedDecomposer decomposer = new SignedDecomposer(key.baseLog(), key.levels());
        IntegerKernel kernel = IntegerKernels.preferred();
        int levels = key.levels().value();
        int outSize = key.outputDimension().lweSize();
        long[] ksk = key.data();
        long[] src = in.data();
        long[] dst = out.data();
        java.util.Arrays.fill(dst, out.offset() + from, out.offset() + to, 0);
        if (to == outSize) {
            dst[out.offset() + outSize - 1] = in.body();
        }
        for (int i = 0; i < key.inputDimension().value(); i++) {
            decomposer.decompose(src[in.offset() + i], digits, 0);
            for (int level = 0; level < levels; level++) {
                digit[0] = digits[level];
                kernel.subtractDigitCombination(dst, out.offset() + from, ksk, key.offsetOf(i, level) + from, digit,
                        1, to - from);
            }
        }
    }
}
