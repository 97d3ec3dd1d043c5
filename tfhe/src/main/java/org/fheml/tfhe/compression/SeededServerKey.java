package org.fheml.tfhe.compression;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.algorithms.FourierConversion;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.fft.NegacyclicFft;
import org.fheml.tfhe.params.TfheParameters;

/**
 * The evaluation keys in the seeded form a client sends: a {@link SeededLweKeyswitchKey} and a standard-domain
 * {@link SeededLweBootstrapKey}, about half the size of a {@link ServerKey} for k = 1 (1/(k+1) for the bootstrap key,
 * 1/(n+1) for the keyswitch key). The server calls {@link #decompress()} once. Holds no secret.
 */
public record SeededServerKey(TfheParameters parameters, SeededLweKeyswitchKey keyswitchKey,
        SeededLweBootstrapKey bootstrapKey) {

    public SeededServerKey {
        DimensionMismatchException.check("keyswitch input LweDimension", "parameters",
                parameters.bigLweDimension().value(), "keyswitch key", keyswitchKey.inputDimension().value());
        DimensionMismatchException.check("keyswitch output LweDimension", "parameters",
                parameters.lweDimension().value(), "keyswitch key", keyswitchKey.outputDimension().value());
        DimensionMismatchException.check("bootstrap input LweDimension", "parameters",
                parameters.lweDimension().value(), "bootstrap key", bootstrapKey.inputLweDimension().value());
        DimensionMismatchException.check("PolynomialSize", "parameters", parameters.polynomialSize().value(),
                "bootstrap key", bootstrapKey.polynomialSize().value());
        DimensionMismatchException.check("GlweDimension", "parameters", parameters.glweDimension().value(),
                "bootstrap key", bootstrapKey.glweDimension().value());
        DimensionMismatchException.check("keyswitch DecompositionBaseLog", "parameters", parameters.ksBaseLog().value(),
                "keyswitch key", keyswitchKey.baseLog().value());
        DimensionMismatchException.check("keyswitch DecompositionLevelCount", "parameters",
                parameters.ksLevels().value(), "keyswitch key", keyswitchKey.levels().value());
        DimensionMismatchException.check("bootstrap DecompositionBaseLog", "parameters",
                parameters.pbsBaseLog().value(), "bootstrap key", bootstrapKey.baseLog().value());
        DimensionMismatchException.check("bootstrap DecompositionLevelCount", "parameters",
                parameters.pbsLevels().value(), "bootstrap key", bootstrapKey.levels().value());
    }

    /** The server key: both masks regenerated, the bootstrap key converted to the Fourier domain. */
    public ServerKey decompress() {
        return new ServerKey(parameters, keyswitchKey.decompress(),
                FourierConversion.toFourier(bootstrapKey.decompress(), NegacyclicFft.of(parameters.polynomialSize())));
    }

    /** Both seeds and both sets of bodies. */
    public long sizeInBytes() {
        return keyswitchKey.sizeInBytes() + bootstrapKey.sizeInBytes();
    }
}
