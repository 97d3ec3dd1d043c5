package org.fheml.tfhe.compression;

import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * Generates a keyswitch key directly in seeded form: the same encryptions as {@code KeyswitchKeyGeneration}
 * (s_i·2^(64 − (j+1)·β) under the output key), their masks drawn from an AES-CTR stream keyed by a fresh public
 * seed, their noise from the caller's secret generator, and only the bodies kept.
 */
public final class SeededKeyswitchKeyGeneration {

    private SeededKeyswitchKeyGeneration() {
    }

    /**
     * @param noise the secret source of the noise and, first, of the 16-byte mask seed; never serialized
     */
    public static SeededLweKeyswitchKey generate(LweSecretKey inputKey, LweSecretKey outputKey,
            DecompositionBaseLog baseLog, DecompositionLevelCount levels, double lweNoiseStd, AesCtrGenerator noise) {
        byte[] seed = new byte[16];
        noise.nextBytes(seed);
        SeededLweKeyswitchKey key = new SeededLweKeyswitchKey(inputKey.dimension(), outputKey.dimension(), baseLog,
                levels, seed);
        AesCtrGenerator masks = new AesCtrGenerator(seed);
        LweCiphertext scratch = new LweCiphertext(outputKey.dimension());
        long[] bits = inputKey.coefficients();
        long[] bodies = key.bodies();
        for (int i = 0; i < bits.length; i++) {
            for (int level = 0; level < levels.value(); level++) {
                long plaintext = bits[i] << (64 - (level + 1) * baseLog.value());
                LweEncryption.encrypt(outputKey, plaintext, lweNoiseStd, masks, noise, scratch);
                bodies[i * levels.value() + level] = scratch.body();
            }
        }
        return key;
    }
}
