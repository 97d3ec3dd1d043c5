package org.fheml.tfhe.entities;

import org.fheml.tfhe.optimizer.NoiseFormulas;
import org.fheml.tfhe.optimizer.NoiseModel;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.params.TfheParameters;

/**
 * An {@link LweKeyswitchKey} with every entry rounded to its top 32 bits (the torus mod 2^32), in the same layout
 * [n_in][level][n_out + 1] but half the bytes: the keyswitch reads the whole key each time and is bound by memory
 * bandwidth. Derived from the exact key when a {@link ServerKey} is built, never serialized. Rounding adds noise, so
 * it is only used where {@link #isNegligible(TfheParameters)} says the addition is negligible against the noise of
 * every bootstrap decision the keyswitch feeds.
 */
public final class Torus32KeyswitchKey {

    /** The largest fraction of a bootstrap decision's noise the rounding may add. */
    public static final double NEGLIGIBLE_FRACTION = 1e-3;

    private final LweDimension inputDimension;
    private final LweDimension outputDimension;
    private final DecompositionBaseLog baseLog;
    private final DecompositionLevelCount levels;
    private final int[] data;

    private Torus32KeyswitchKey(LweKeyswitchKey key, int[] data) {
        this.inputDimension = key.inputDimension();
        this.outputDimension = key.outputDimension();
        this.baseLog = key.baseLog();
        this.levels = key.levels();
        this.data = data;
    }

    /** Each entry of {@code key} rounded to the nearest multiple of 2^32, stored as its top 32 bits. */
    public static Torus32KeyswitchKey roundedFrom(LweKeyswitchKey key) {
        long[] exact = key.data();
        int[] rounded = new int[exact.length];
        for (int i = 0; i < exact.length; i++) {
            rounded[i] = (int) ((exact[i] + (1L << 31)) >>> 32);
        }
        return new Torus32KeyswitchKey(key, rounded);
    }

    /**
     * Whether a keyswitch with a key rounded to 32 bits keeps the failure bound of every bootstrap it feeds: the
     * variance the rounding adds ({@link NoiseFormulas#keyswitchKeyRoundingTo32Bits}) is at most
     * {@link #NEGLIGIBLE_FRACTION} of {@link #decisionFloor}, the least noise any bootstrap decision of these
     * parameters carries. A fraction f more variance at the decision multiplies the exponent of a failure probability
     * by about 1/(1 + f): at f = 10^-3, a bound of 2^-64 stays below 2^-63.93 and one of 2^-128 below 2^-127.87.
     */
    public static boolean isNegligible(TfheParameters parameters) {
        double added = NoiseFormulas.keyswitchKeyRoundingTo32Bits(parameters.bigLweDimension().value(),
                parameters.lweDimension().value(), parameters.ksBaseLog().value(), parameters.ksLevels().value());
        return added <= NEGLIGIBLE_FRACTION * decisionFloor(parameters);
    }

    /**
     * The least variance a bootstrap decision of these parameters carries: the exact keyswitch's noise and the
     * centred modulus switch's (the smaller of the two variants). Every keyswitch of the runtime feeds a bootstrap,
     * and the noise of the bootstrap outputs that reach it (grown by the dot product between bootstraps) only adds.
     * Where the modulus switch dominates, as with the 8-bit set (N = 32768: 2^-27.5 against a keyswitch of
     * 2^-30.9), the keyswitch's own noise is too small a yardstick.
     */
    public static double decisionFloor(TfheParameters parameters) {
        return NoiseModel.keyswitch(parameters, false) + NoiseModel.modulusSwitch(parameters.lweDimension().value(),
                parameters.polynomialSize().value(), true);
    }

    public LweDimension inputDimension() {
        return inputDimension;
    }

    public LweDimension outputDimension() {
        return outputDimension;
    }

    public DecompositionBaseLog baseLog() {
        return baseLog;
    }

    public DecompositionLevelCount levels() {
        return levels;
    }

    /** The entries' top 32 bits. */
    public int[] data() {
        return data;
    }

    /** The offset of the ciphertext of (input coefficient, level). */
    public int offsetOf(int inputIndex, int level) {
        return (inputIndex * levels.value() + level) * outputDimension.lweSize();
    }

    public long sizeInBytes() {
        return (long) data.length * Integer.BYTES;
    }
}
