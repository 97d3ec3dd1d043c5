package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.random.AesCtrGenerator;

/** Generates an LWE keyswitch key: encryptions under the output key of each input key bit times each gadget weight. */
public final class KeyswitchKeyGeneration {

    private KeyswitchKeyGeneration() {
    }

    public static LweKeyswitchKey generate(LweSecretKey inputKey, LweSecretKey outputKey, DecompositionBaseLog baseLog,
            DecompositionLevelCount levels, double lweNoiseStd, AesCtrGenerator random) {
        LweKeyswitchKey key = new LweKeyswitchKey(inputKey.dimension(), outputKey.dimension(), baseLog, levels);
        long[] bits = inputKey.coefficients();
        for (int i = 0; i < bits.length; i++) {
            for (int level = 0; level < levels.value(); level++) {
                long plaintext = bits[i] << (64 - (level + 1) * baseLog.value());
                LweCiphertext target = new LweCiphertext(outputKey.dimension(), key.data(), key.offsetOf(i, level));
                LweEncryption.encrypt(outputKey, plaintext, lweNoiseStd, random, target);
            }
        }
        return key;
    }
}
