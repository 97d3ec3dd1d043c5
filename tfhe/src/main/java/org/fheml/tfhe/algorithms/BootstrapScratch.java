package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.params.TfheParameters;

/**
 * The working memory of one programmable bootstrap: the keyswitched small ciphertext with the keyswitch's digits and
 * 32-bit sums, the switched coefficients, the accumulator and difference GLWEs and the external-product scratch. One
 * per thread; reused across calls.
 */
public final class BootstrapScratch {

    final TfheParameters parameters;
    final LweCiphertext small;
    final long[] keyswitchDigits;
    final int[] keyswitchAccumulator;
    final int[] switched;
    final GlweCiphertext accumulator;
    final GlweCiphertext difference;
    final ExternalProductScratch externalProduct;

    public BootstrapScratch(TfheParameters parameters) {
        this.parameters = parameters;
        this.small = new LweCiphertext(parameters.lweDimension());
        this.keyswitchDigits = new long[parameters.ksLevels().value()];
        this.keyswitchAccumulator = new int[parameters.lweDimension().lweSize()];
        this.switched = new int[parameters.lweDimension().lweSize()];
        this.accumulator = new GlweCiphertext(parameters.glweDimension(), parameters.polynomialSize());
        this.difference = new GlweCiphertext(parameters.glweDimension(), parameters.polynomialSize());
        this.externalProduct = new ExternalProductScratch(parameters.glweDimension(), parameters.polynomialSize(),
                parameters.pbsBaseLog(), parameters.pbsLevels());
    }

    /** The bytes one scratch holds for {@code parameters}. */
    public static long sizeInBytes(TfheParameters parameters) {
        long glwe = (long) parameters.glweDimension().glweSize() * parameters.polynomialSize().value() * Long.BYTES;
        return 2 * glwe + (long) parameters.lweDimension().lweSize() * (Long.BYTES + 2 * Integer.BYTES)
                + ExternalProductScratch.sizeInBytes(parameters.glweDimension(), parameters.polynomialSize(),
                        parameters.pbsLevels());
    }

    /** The GLWE accumulator after the last blind rotation (its coefficient 0 is the bootstrap output). */
    public GlweCiphertext accumulator() {
        return accumulator;
    }
}
