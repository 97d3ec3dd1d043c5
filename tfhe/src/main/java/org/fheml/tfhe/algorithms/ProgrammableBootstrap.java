package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.FourierBootstrapKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.ServerKey;

/**
 * The programmable bootstrap in KS→PBS order: a ciphertext under the big key (dimension kN) is keyswitched to the
 * small key (n), switched to modulus 2N, blindly rotated through the lookup table and sample-extracted, which gives
 * an encryption of lut(m) under the big key again, with fresh noise independent of the input's.
 */
public final class ProgrammableBootstrap {

    private ProgrammableBootstrap() {
    }

    /** Bootstraps {@code in} into {@code out} with a centred-mean modulus switch, allocating its scratch. */
    public static void bootstrap(ServerKey key, LweCiphertext in, LweCiphertext out, LookupTable lut) {
        bootstrap(key, in, out, lut, ModulusSwitchType.CENTERED_MEAN, new BootstrapScratch(key.parameters()));
    }

    /** Bootstraps {@code in} into {@code out} without allocating. {@code in} and {@code out} may be the same. */
    public static void bootstrap(ServerKey key, LweCiphertext in, LweCiphertext out, LookupTable lut,
            ModulusSwitchType modulusSwitch, BootstrapScratch scratch) {
        if (!scratch.parameters.equals(key.parameters())) {
            throw new IllegalArgumentException("The bootstrap scratch was made for other parameters than the server key: "
                    + "create it with new BootstrapScratch(serverKey.parameters())");
        }
        DimensionMismatchException.check("LweDimension", "bootstrap key output",
                key.bootstrapKey().outputLweDimension().value(), "output ciphertext", out.dimension().value());
        LweKeyswitch.keyswitch(key, in, scratch.small, scratch.keyswitchDigits, scratch.keyswitchAccumulator);
        bootstrapSmall(key.bootstrapKey(), scratch.small, out, lut, modulusSwitch, scratch);
    }

    /**
     * The bootstrap without the keyswitch: {@code in} is under the small key (dimension n), the output under the
     * GLWE key (dimension kN).
     */
    public static void bootstrapSmall(FourierBootstrapKey key, LweCiphertext in, LweCiphertext out, LookupTable lut,
            ModulusSwitchType modulusSwitch, BootstrapScratch scratch) {
        DimensionMismatchException.check("LweDimension", "bootstrap key input", key.inputLweDimension().value(),
                "ciphertext", in.dimension().value());
        int log2TwoN = key.polynomialSize().log2() + 1;
        ModulusSwitch.switchModulus(in, log2TwoN, modulusSwitch, scratch.switched);
        BlindRotation.blindRotate(key, scratch.switched, lut, scratch.accumulator, scratch.difference,
                scratch.externalProduct);
        SampleExtraction.extract(scratch.accumulator, 0, out);
    }
}
