package org.fheml.tfhe.algorithms;

import org.fheml.tfhe.fft.NegacyclicFft;
import org.fheml.tfhe.math.Polynomials;
import org.fheml.tfhe.params.PolynomialSize;

/**
 * out += a·s for a polynomial a of 64-bit words and a binary key polynomial s, negacyclic, exactly mod 2^64: what
 * key generation and encryption compute for every mask. For N ≥ 512 it goes through the FFT: a is cut into four
 * 16-bit limbs whose products with s stay below 2^16·N ≤ 2^33, far inside a double's 53 bits, so every rounded
 * coefficient is exact; the limbs are recombined with shifts. Below that, the schoolbook product is cheaper.
 */
final class BinaryKeyProduct {

    private static final int FFT_FROM = 512;
    private static final int LIMB_BITS = 16;
    private static final int LIMBS = Long.SIZE / LIMB_BITS;

    private BinaryKeyProduct() {
    }

    static void addMultiply(long[] out, int outOffset, long[] a, int aOffset, long[] s, int sOffset, int n) {
        if (n < FFT_FROM) {
            Polynomials.addMultiplyBinary(out, outOffset, a, aOffset, s, sOffset, n);
            return;
        }
        NegacyclicFft fft = NegacyclicFft.of(new PolynomialSize(n));
        int m = fft.fourierSize();
        double[] keyRe = new double[m];
        double[] keyIm = new double[m];
        fft.forward(s, sOffset, keyRe, keyIm);
        long[] limb = new long[n];
        long[] product = new long[n];
        double[] re = new double[m];
        double[] im = new double[m];
        double[] accRe = new double[m];
        double[] accIm = new double[m];
        for (int j = 0; j < LIMBS; j++) {
            int shift = j * LIMB_BITS;
            for (int i = 0; i < n; i++) {
                limb[i] = (a[aOffset + i] >>> shift) & 0xFFFF;
            }
            fft.forward(limb, 0, re, im);
            java.util.Arrays.fill(accRe, 0);
            java.util.Arrays.fill(accIm, 0);
            fft.multiplyAccumulate(accRe, accIm, 0, re, im, 0, keyRe, keyIm, 0);
            fft.backward(accRe, accIm, product, 0);
            for (int i = 0; i < n; i++) {
                out[outOffset + i] += product[i] << shift;
            }
        }
    }
}
