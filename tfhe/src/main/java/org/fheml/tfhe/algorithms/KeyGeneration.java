package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.FourierBootstrapKey;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.entities.LweBootstrapKey;
import org.fheml.tfhe.entities.LweKeyswitchKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.fft.NegacyclicFft;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;

/** Generates the client's secret keys and the server's evaluation keys for a parameter set. */
public final class KeyGeneration {

    private KeyGeneration() {
    }

    /** Secret keys drawn from {@code secretRandom} (seed it from a SecureRandom: {@link AesCtrGenerator#fromSecureRandom()}). */
    public static ClientKey generateClientKey(TfheParameters parameters, AesCtrGenerator secretRandom) {
        GlweSecretKey glweKey = GlweSecretKey.generate(parameters.glweDimension(), parameters.polynomialSize(),
                secretRandom);
        LweSecretKey smallKey = LweSecretKey.generate(parameters.lweDimension(), secretRandom);
        return new ClientKey(parameters, glweKey, smallKey);
    }

    /** The keyswitch key (big → small) and the Fourier bootstrap key (small → GLWE) of {@code clientKey}. */
    public static ServerKey generateServerKey(ClientKey clientKey, AesCtrGenerator noiseRandom) {
        TfheParameters p = clientKey.parameters();
        LweKeyswitchKey ksk = KeyswitchKeyGeneration.generate(clientKey.bigLweKey(), clientKey.smallLweKey(),
                p.ksBaseLog(), p.ksLevels(), p.lweNoiseStd(), noiseRandom);
        LweBootstrapKey bsk = BootstrapKeyGeneration.generate(clientKey.smallLweKey(), clientKey.glweKey(),
                p.pbsBaseLog(), p.pbsLevels(), p.glweNoiseStd(), noiseRandom);
        FourierBootstrapKey fourier = FourierConversion.toFourier(bsk, NegacyclicFft.of(p.polynomialSize()));
        return new ServerKey(p, ksk, fourier);
    }
}
