package org.fheml.tfhe.algorithms;

import java.util.ArrayList;
import java.util.List;
import org.fheml.tfhe.entities.GgswCiphertext;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.entities.LweBootstrapKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.random.AesCtrGenerator;

/** Generates a bootstrap key: the GGSW encryption, under the GLWE key, of every bit of the small LWE key. */
public final class BootstrapKeyGeneration {

    private BootstrapKeyGeneration() {
    }

    public static LweBootstrapKey generate(LweSecretKey inputKey, GlweSecretKey outputKey, DecompositionBaseLog baseLog,
            DecompositionLevelCount levels, double glweNoiseStd, AesCtrGenerator random) {
        long[] bits = inputKey.coefficients();
        List<GgswCiphertext> ggsws = new ArrayList<>(bits.length);
        for (long bit : bits) {
            GgswCiphertext ggsw = new GgswCiphertext(outputKey.glweDimension(), outputKey.polynomialSize(), baseLog,
                    levels);
            GgswEncryption.encrypt(outputKey, bit, glweNoiseStd, random, ggsw);
            ggsws.add(ggsw);
        }
        return new LweBootstrapKey(ggsws);
    }
}
