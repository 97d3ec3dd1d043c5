package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.LweDimension;

/**
 * An LWE keyswitch key from an input key of dimension n_in to an output key of dimension n_out: for each input key
 * coefficient s_i and level j (0 = most significant), an LWE encryption under the output key of
 * s_i·2^(64 − (j+1)·β). Layout [n_in][level][n_out + 1] in one long array, as in TFHE-rs.
 */
public final class LweKeyswitchKey {

    private final LweDimension inputDimension;
    private final LweDimension outputDimension;
    private final DecompositionBaseLog baseLog;
    private final DecompositionLevelCount levels;
    private final long[] data;

    public LweKeyswitchKey(LweDimension inputDimension, LweDimension outputDimension, DecompositionBaseLog baseLog,
            DecompositionLevelCount levels) {
        long length = (long) inputDimension.value() * levels.value() * outputDimension.lweSize();
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("A keyswitch key of " + length + " words does not fit in one array");
        }
        this.inputDimension = inputDimension;
        this.outputDimension = outputDimension;
        this.baseLog = baseLog;
        this.levels = levels;
        this.data = new long[(int) length];
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

    public long[] data() {
        return data;
    }

    /** The offset of the ciphertext of (input coefficient, level). */
    public int offsetOf(int inputIndex, int level) {
        return (inputIndex * levels.value() + level) * outputDimension.lweSize();
    }

    public long sizeInBytes() {
        return (long) data.length * Long.BYTES;
    }
}
