package org.fheml.tfhe.compression;

import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * An {@link LweKeyswitchKey} whose masks are regenerated from a public 16-byte seed: the seed plus one body per
 * (input coefficient, level), n_out + 1 times smaller than the key it decompresses into.
 *
 * <p>The masks are the words of one AES-CTR stream keyed by the seed ({@link AesCtrGenerator}, counter from 0),
 * consumed in the key's storage order: for input coefficient i = 0.. and level j = 0.. (most significant first), the
 * n_out mask words of ciphertext (i, j). Generation ({@link SeededKeyswitchKeyGeneration}) and {@link #decompress()}
 * both follow that order, so they see the same masks.
 */
public final class SeededLweKeyswitchKey {

    private final LweDimension inputDimension;
    private final LweDimension outputDimension;
    private final DecompositionBaseLog baseLog;
    private final DecompositionLevelCount levels;
    private final byte[] maskSeed;
    private final long[] bodies;

    /** A key of zero bodies, to be filled through {@link #bodies()}. */
    public SeededLweKeyswitchKey(LweDimension inputDimension, LweDimension outputDimension, DecompositionBaseLog baseLog,
            DecompositionLevelCount levels, byte[] maskSeed) {
        if (maskSeed.length != 16) {
            throw new IllegalArgumentException("A mask seed has 16 bytes, got " + maskSeed.length);
        }
        this.inputDimension = inputDimension;
        this.outputDimension = outputDimension;
        this.baseLog = baseLog;
        this.levels = levels;
        this.maskSeed = maskSeed.clone();
        this.bodies = new long[Math.multiplyExact(inputDimension.value(), levels.value())];
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

    /** A copy of the public seed of the masks. */
    public byte[] maskSeed() {
        return maskSeed.clone();
    }

    /** The backing array of bodies: the body of ciphertext (i, j) at i·levels + j. */
    public long[] bodies() {
        return bodies;
    }

    /** The full keyswitch key: the masks regenerated from the seed, each followed by its body. */
    public LweKeyswitchKey decompress() {
        LweKeyswitchKey key = new LweKeyswitchKey(inputDimension, outputDimension, baseLog, levels);
        AesCtrGenerator masks = new AesCtrGenerator(maskSeed);
        long[] data = key.data();
        int n = outputDimension.value();
        for (int i = 0; i < inputDimension.value(); i++) {
            for (int level = 0; level < levels.value(); level++) {
                int offset = key.offsetOf(i, level);
                masks.fillUniform(data, offset, n);
                data[offset + n] = bodies[i * levels.value() + level];
            }
        }
        return key;
    }

    /** The seed and the bodies, against {@link LweKeyswitchKey#sizeInBytes()} decompressed. */
    public long sizeInBytes() {
        return maskSeed.length + (long) bodies.length * Long.BYTES;
    }
}
