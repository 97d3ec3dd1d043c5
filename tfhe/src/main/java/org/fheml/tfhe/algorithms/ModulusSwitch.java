package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.entities.LweCiphertext;

/**
 * Switches an LWE ciphertext from modulus 2^64 to 2N: each mask word becomes round(a·2N / 2^64) mod 2N, i.e.
 * (a + 2^(63 − log2 2N)) >> (64 − log2 2N); the body is floored, b >> (64 − log2 2N). The centred-mean variant first
 * adds Σ(rounded a_i − a_i)/2 to the body.
 *
 * <p>Why the body is floored: the lookup table gives message m the 2h switched phases m·2h − h … m·2h + h − 1
 * (h = N/2^(p+1), half a box), an interval centred half a step below m·2h. Rounding the body would leave the
 * message there, off centre, and a noise of h − ½ steps upwards would already fail while −h would not. Flooring
 * shifts the phase down by that half step on average: a bootstrap then fails exactly when the phase error before the
 * body's rounding leaves [−h, h), symmetric about the message, which is what the noise model's
 * erfc(2^-(p+2) / √(2v)) assumes; the body's rounding error becomes the decision's own discretisation and stays out
 * of v ({@code NoiseModel}).
 */
public final class ModulusSwitch {

    private ModulusSwitch() {
    }

    /**
     * Writes the n switched mask values then the switched body into {@code out[0, n]}.
     *
     * @param log2Modulus log2 of the target modulus, log2(2N)
     */
    public static void switchModulus(LweCiphertext in, int log2Modulus, ModulusSwitchType type, int[] out) {
        int n = in.dimension().value();
        if (out.length < n + 1) {
            throw new IllegalArgumentException("The modulus switch of a dimension-" + n + " ciphertext writes " + (n + 1)
                    + " values, the output holds " + out.length);
        }
        long[] data = in.data();
        int offset = in.offset();
        int shift = 64 - log2Modulus;
        long half = 1L << (shift - 1);
        int mask = (1 << log2Modulus) - 1;
        long roundingErrorSum = 0;
        for (int i = 0; i < n; i++) {
            long a = data[offset + i];
            long switched = (a + half) >>> shift;
            out[i] = (int) (switched & mask);
            roundingErrorSum += (switched << shift) - a;
        }
        long body = in.body();
        if (type == ModulusSwitchType.CENTERED_MEAN) {
            body += roundingErrorSum >> 1;
        }
        out[n] = (int) ((body >>> shift) & mask);
    }
}
