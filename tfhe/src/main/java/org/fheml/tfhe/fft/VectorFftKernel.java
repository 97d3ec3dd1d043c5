package org.fheml.tfhe.fft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FftKernel} on jdk.incubator.vector: the butterfly stages at least one vector wide, the fold-and-twist and
 * the complex multiply-accumulate run as SIMD lanes; narrower stages and the final rounding use the scalar code.
 * It performs the same floating-point operations in the same order as {@link ScalarFftKernel} (no fused
 * multiply-add), so both give identical results.
 */
public final class VectorFftKernel implements FftKernel {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final int LANES = D.length();

    private final ScalarFftKernel scalar = new ScalarFftKernel();

    public VectorFftKernel() {
        if (L.length() != LANES) {
            throw new IllegalStateException("Long and double vectors differ in length on this platform");
        }
    }

    @Override
    public String name() {
        return "vector-" + D.vectorBitSize();
    }

    @Override
    public void foldTwist(long[] src, int srcOffset, double[] twistRe, double[] twistIm, double[] re, double[] im,
            int m) {
        if (m < LANES) {
            scalar.foldTwist(src, srcOffset, twistRe, twistIm, re, im, m);
            return;
        }
        for (int j = 0; j < m; j += LANES) {
            DoubleVector x = (DoubleVector) LongVector.fromArray(L, src, srcOffset + j)
                    .convertShape(VectorOperators.L2D, D, 0);
            DoubleVector y = (DoubleVector) LongVector.fromArray(L, src, srcOffset + j + m)
                    .convertShape(VectorOperators.L2D, D, 0);
            DoubleVector tr = DoubleVector.fromArray(D, twistRe, j);
            DoubleVector ti = DoubleVector.fromArray(D, twistIm, j);
            x.mul(tr).sub(y.mul(ti)).intoArray(re, j);
            x.mul(ti).add(y.mul(tr)).intoArray(im, j);
        }
    }

    @Override
    public void forward(FftPlan plan, double[] re, double[] im) {
        int m = plan.size();
        double[] wr = plan.twiddleRe();
        double[] wi = plan.twiddleIm();
        int half = m >> 1;
        for (; half >= LANES; half >>= 1) {
            int tw = half - 1;
            for (int start = 0; start < m; start += 2 * half) {
                for (int j = 0; j < half; j += LANES) {
                    int p = start + j;
                    int q = p + half;
                    DoubleVector ur = DoubleVector.fromArray(D, re, p);
                    DoubleVector ui = DoubleVector.fromArray(D, im, p);
                    DoubleVector vr = DoubleVector.fromArray(D, re, q);
                    DoubleVector vi = DoubleVector.fromArray(D, im, q);
                    ur.add(vr).intoArray(re, p);
                    ui.add(vi).intoArray(im, p);
                    DoubleVector dr = ur.sub(vr);
                    DoubleVector di = ui.sub(vi);
                    DoubleVector c = DoubleVector.fromArray(D, wr, tw + j);
                    DoubleVector s = DoubleVector.fromArray(D, wi, tw + j);
                    dr.mul(c).sub(di.mul(s)).intoArray(re, q);
                    dr.mul(s).add(di.mul(c)).intoArray(im, q);
                }
            }
        }
        ScalarStages.forward(plan, re, im, half);
    }

    @Override
    public void inverse(FftPlan plan, double[] re, double[] im) {
        int m = plan.size();
        double[] wr = plan.twiddleRe();
        double[] wi = plan.twiddleIm();
        int firstVectorHalf = Math.min(LANES, m);
        ScalarStages.inverse(plan, re, im, firstVectorHalf);
        for (int half = firstVectorHalf; half < m; half <<= 1) {
            int tw = half - 1;
            for (int start = 0; start < m; start += 2 * half) {
                for (int j = 0; j < half; j += LANES) {
                    int p = start + j;
                    int q = p + half;
                    DoubleVector c = DoubleVector.fromArray(D, wr, tw + j);
                    DoubleVector s = DoubleVector.fromArray(D, wi, tw + j).neg();
                    DoubleVector xr = DoubleVector.fromArray(D, re, q);
                    DoubleVector xi = DoubleVector.fromArray(D, im, q);
                    DoubleVector vr = xr.mul(c).sub(xi.mul(s));
                    DoubleVector vi = xr.mul(s).add(xi.mul(c));
                    DoubleVector ur = DoubleVector.fromArray(D, re, p);
                    DoubleVector ui = DoubleVector.fromArray(D, im, p);
                    ur.add(vr).intoArray(re, p);
                    ui.add(vi).intoArray(im, p);
                    ur.sub(vr).intoArray(re, q);
                    ui.sub(vi).intoArray(im, q);
                }
            }
        }
    }

    @Override
    public void untwistAdd(double[] re, double[] im, double[] twistRe, double[] twistIm, double scale, long[] dst,
            int dstOffset, int m) {
        scalar.untwistAdd(re, im, twistRe, twistIm, scale, dst, dstOffset, m);
    }

    @Override
    public void multiplyAccumulate(double[] accRe, double[] accIm, int accOffset, double[] aRe, double[] aIm,
            int aOffset, double[] bRe, double[] bIm, int bOffset, int m) {
        int j = 0;
        for (int bound = D.loopBound(m); j < bound; j += LANES) {
            DoubleVector ar = DoubleVector.fromArray(D, aRe, aOffset + j);
            DoubleVector ai = DoubleVector.fromArray(D, aIm, aOffset + j);
            DoubleVector br = DoubleVector.fromArray(D, bRe, bOffset + j);
            DoubleVector bi = DoubleVector.fromArray(D, bIm, bOffset + j);
            DoubleVector.fromArray(D, accRe, accOffset + j).add(ar.mul(br).sub(ai.mul(bi)))
                    .intoArray(accRe, accOffset + j);
            DoubleVector.fromArray(D, accIm, accOffset + j).add(ar.mul(bi).add(ai.mul(br)))
                    .intoArray(accIm, accOffset + j);
        }
        if (j < m) {
            scalar.multiplyAccumulate(accRe, accIm, accOffset + j, aRe, aIm, aOffset + j, bRe, bIm, bOffset + j,
                    m - j);
        }
    }
}
