package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.DimensionMismatchException;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.ServerKey;

/**
 * KS-PBS of a group of ciphertexts in lockstep: the keyswitch walks the keyswitch key once for the whole group, and
 * the blind rotation applies each GGSW of the bootstrap key to every member's accumulator before moving to the next,
 * so that every key block is read from memory once per group rather than once per ciphertext. The keys are far
 * larger than the caches, so this is what a batch of bootstraps is bound by. Each output equals
 * {@link ProgrammableBootstrap#bootstrap}'s, bit for bit. Allocates nothing.
 */
public final class GroupBootstrap {

    private GroupBootstrap() {
    }

    /** out[i] = PBS(in[i]) through luts[i] for i in [from, to), in groups of {@code scratch.members()}. */
    public static void bootstrap(ServerKey key, LweCiphertextList in, LweCiphertextList out, LookupTable[] luts,
            int from, int to, ModulusSwitchType modulusSwitch, GroupBootstrapScratch scratch) {
        bootstrap(key, in, out, luts, null, null, from, to, modulusSwitch, scratch);
    }

    /**
     * Many-LUT bootstraps in lockstep ({@link ManyLutBootstrap}): input i goes through accumulator luts[i] of
     * 2^log2Functions[i] functions, whose outputs go to out[firstOutputs[i]] onwards, for i in [from, to). Null arrays
     * mean one function per input, written to out[i].
     */
    public static void bootstrap(ServerKey key, LweCiphertextList in, LweCiphertextList out, LookupTable[] luts,
            int[] log2Functions, int[] firstOutputs, int from, int to, ModulusSwitchType modulusSwitch,
            GroupBootstrapScratch scratch) {
        if (!scratch.parameters.equals(key.parameters())) {
            throw new IllegalArgumentException("The group scratch was made for other parameters than the server key: "
                    + "create it with new GroupBootstrapScratch(serverKey.parameters())");
        }
        DimensionMismatchException.check("LweDimension", "bootstrap key output",
                key.bootstrapKey().outputLweDimension().value(), "output list", out.dimension().value());
        int bigN = key.parameters().polynomialSize().value();
        for (int i = from; i < to; i++) {
            DimensionMismatchException.check("PolynomialSize", "bootstrap key", bigN, "lookup table " + i,
                    luts[i].coefficients().length);
        }
        for (int start = from; start < to; start += scratch.members()) {
            int size = Math.min(scratch.members(), to - start);
            group(key, in, out, luts, log2Functions, firstOutputs, start, size, modulusSwitch, scratch);
        }
    }

    private static void group(ServerKey key, LweCiphertextList in, LweCiphertextList out, LookupTable[] luts,
            int[] log2Functions, int[] firstOutputs, int start, int size, ModulusSwitchType modulusSwitch,
            GroupBootstrapScratch scratch) {
        LweCiphertext[] small = scratch.small;
        LweKeyswitch.keyswitchGroup(key, in, start, small, size, scratch.keyswitchDigits,
                scratch.keyswitchAccumulators);
        int n = key.parameters().lweDimension().value();
        int log2TwoN = key.parameters().polynomialSize().log2() + 1;
        for (int g = 0; g < size; g++) {
            ManyLutBootstrap.switchModulus(small[g], log2TwoN, log2Functions == null ? 0 : log2Functions[start + g],
                    modulusSwitch, scratch.switched[g]);
            BlindRotation.initialize(scratch.accumulators[g], luts[start + g], scratch.switched[g][n]);
        }
        for (int i = 0; i < n; i++) {
            for (int g = 0; g < size; g++) {
                BlindRotation.rotate(key.bootstrapKey(), i, scratch.switched[g][i], scratch.accumulators[g],
                        scratch.differences[g], scratch.externalProduct);
            }
        }
        for (int g = 0; g < size; g++) {
            if (log2Functions == null) {
                SampleExtraction.extract(scratch.accumulators[g], 0, out.get(start + g));
                continue;
            }
            for (int j = 0; j < 1 << log2Functions[start + g]; j++) {
                SampleExtraction.extract(scratch.accumulators[g], j, out.get(firstOutputs[start + g] + j));
            }
        }
    }
}
