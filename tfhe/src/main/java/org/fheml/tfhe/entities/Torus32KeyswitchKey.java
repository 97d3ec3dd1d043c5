package org.fheml.tfhe.entities;

import org.fheml.tfhe.optimizer.NoiseFormulas;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.params.TfheParameters;

/**
 * An {@link LweKeyswitchKey} with every entry rounded to its top 32 bits (the torus mod 2^32), in the same layout
 * [n_in][level][n_out + 1] but half the bytes: the keyswitch reads the whole key each time and is bound by memory
 * bandwidth. Derived from the exact key when a {@link ServerKey} is built, never serialized. Rounding adds noise, so
 * it is only used where {@link #isNegligible(TfheParameters)} says the addition is negligible against the keyswitch's
 * own noise.
 */
public final class Torus32KeyswitchKey {

    /** The largest fraction of the keyswitch noise the rounding may add. */
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
     * Whether a keyswitch with a key rounded to 32 bits stays as good as the exact one for {@code parameters}: the
     * variance the rounding adds is at most {@link #NEGLIGIBLE_FRACTION} of the keyswitch noise.
     */
    public static boolean isNegligible(TfheParameters parameters) {
        int bigDimension = parameters.bigLweDimension().value();
        int baseLog = parameters.ksBaseLog().value();
        int levels = parameters.ksLevels().value();
        double added = NoiseFormulas.keyswitchKeyRoundingTo32Bits(bigDimension, parameters.lweDimension().value(),
                baseLog, levels);
        double keyswitch = NoiseFormulas.keyswitch(bigDimension, baseLog, levels,
                parameters.lweNoiseStd() * parameters.lweNoiseStd());
        return added <= NEGLIGIBLE_FRACTION * keyswitch;
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
