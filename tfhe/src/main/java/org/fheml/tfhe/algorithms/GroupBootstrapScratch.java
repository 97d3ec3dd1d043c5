package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.params.TfheParameters;

/**
 * The working memory of {@link GroupBootstrap}: per member of a group, its keyswitched ciphertext (and its 32-bit
 * sums), switched coefficients, accumulator and difference; one external-product scratch and one digit buffer shared by the
 * members, which use them in turn. The group is as large as keeps the members' GLWEs within about half a megabyte
 * (1 to 8 members), so that they stay in a core's L2 cache beside the key block they share.
 */
public final class GroupBootstrapScratch {

    private static final long MEMBER_BUDGET_BYTES = 512 * 1024;
    private static final int MAX_MEMBERS = 8;

    final TfheParameters parameters;
    final LweCiphertext[] small;
    final int[][] switched;
    final GlweCiphertext[] accumulators;
    final GlweCiphertext[] differences;
    final int[][] keyswitchAccumulators;
    final long[] keyswitchDigits;
    final ExternalProductScratch externalProduct;

    public GroupBootstrapScratch(TfheParameters parameters) {
        this.parameters = parameters;
        int members = members(parameters);
        this.small = new LweCiphertext[members];
        this.switched = new int[members][];
        this.accumulators = new GlweCiphertext[members];
        this.differences = new GlweCiphertext[members];
        this.keyswitchAccumulators = new int[members][parameters.lweDimension().lweSize()];
        for (int g = 0; g < members; g++) {
            small[g] = new LweCiphertext(parameters.lweDimension());
            switched[g] = new int[parameters.lweDimension().lweSize()];
            accumulators[g] = new GlweCiphertext(parameters.glweDimension(), parameters.polynomialSize());
            differences[g] = new GlweCiphertext(parameters.glweDimension(), parameters.polynomialSize());
        }
        this.keyswitchDigits = new long[parameters.ksLevels().value()];
        this.externalProduct = new ExternalProductScratch(parameters.glweDimension(), parameters.polynomialSize(),
                parameters.pbsBaseLog(), parameters.pbsLevels());
    }

    /** The members of a group for these parameters. */
    public static int members(TfheParameters parameters) {
        long glwe = (long) parameters.glweDimension().glweSize() * parameters.polynomialSize().value() * Long.BYTES;
        return (int) Math.max(1, Math.min(MAX_MEMBERS, MEMBER_BUDGET_BYTES / (2 * glwe)));
    }

    public int members() {
        return accumulators.length;
    }
}
