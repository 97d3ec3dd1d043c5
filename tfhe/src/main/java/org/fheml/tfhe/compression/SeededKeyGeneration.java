package org.fheml.tfhe.compression;

import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;

/** Generates a client's evaluation keys directly in seeded form, for a server to decompress. */
public final class SeededKeyGeneration {

    private SeededKeyGeneration() {
    }

    /**
     * The seeded keyswitch key (big → small) and bootstrap key (small → GLWE) of {@code clientKey}, in that order
     * from {@code noiseRandom}: each first draws its 16-byte mask seed from it, then its noise.
     *
     * @param noiseRandom secret (seed it from a SecureRandom: {@link AesCtrGenerator#fromSecureRandom()})
     */
    public static SeededServerKey generateServerKey(ClientKey clientKey, AesCtrGenerator noiseRandom) {
        TfheParameters p = clientKey.parameters();
        SeededLweKeyswitchKey ksk = SeededKeyswitchKeyGeneration.generate(clientKey.bigLweKey(),
                clientKey.smallLweKey(), p.ksBaseLog(), p.ksLevels(), p.lweNoiseStd(), noiseRandom);
        SeededLweBootstrapKey bsk = SeededBootstrapKeyGeneration.generate(clientKey.smallLweKey(), clientKey.glweKey(),
                p.pbsBaseLog(), p.pbsLevels(), p.glweNoiseStd(), noiseRandom);
        return new SeededServerKey(p, ksk, bsk);
    }
}
