package org.fheml.tfhe.fft;

import org.fheml.tfhe.math.SignedDecomposer;

/** The scalar reference implementation of {@link FftKernel}: radix-2 decimation in frequency and in time. */
public final class ScalarFftKernel implements FftKernel {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void foldTwist(long[] src, int srcOffset, double[] twistRe, double[] twistIm, double[] re, double[] im,
            int m) {
        for (int j = 0; j < m; j++) {
            double x = src[srcOffset + j];
            double y = src[srcOffset + j + m];
            double tr = twistRe[j];
            double ti = twistIm[j];
            re[j] = x * tr - y * ti;
            im[j] = x * ti + y * tr;
        }
    }

    @Override
    public void forward(FftPlan plan, double[] re, double[] im) {
        ScalarStages.forward(plan, re, im, plan.size() >> 1);
    }

    @Override
    public void inverse(FftPlan plan, double[] re, double[] im) {
        ScalarStages.inverse(plan, re, im, plan.size());
    }

    @Override
    public void untwistAdd(double[] re, double[] im, double[] twistRe, double[] twistIm, double scale, long[] dst,
            int dstOffset, int m) {
        for (int j = 0; j < m; j++) {
            double tr = twistRe[j];
            double ti = twistIm[j];
            double x = (re[j] * tr + im[j] * ti) * scale;
            double y = (im[j] * tr - re[j] * ti) * scale;
            dst[dstOffset + j] += TorusRounding.roundToTorus(x);
            dst[dstOffset + j + m] += TorusRounding.roundToTorus(y);
        }
    }

    @Override
    public void multiplyAccumulate(double[] accRe, double[] accIm, int accOffset, double[] aRe, double[] aIm,
            int aOffset, double[] bRe, double[] bIm, int bOffset, int m) {
        for (int j = 0; j < m; j++) {
            double ar = aRe[aOffset + j];
            double ai = aIm[aOffset + j];
            double br = bRe[bOffset + j];
            double bi = bIm[bOffset + j];
            accRe[accOffset + j] += ar * br - ai * bi;
            accIm[accOffset + j] += ar * bi + ai * br;
        }
    }

    @Override
    public void decomposeFoldTwist(long[] src, int srcOffset, SignedDecomposer decomposer, double[] twistRe,
            double[] twistIm, double[][] re, double[][] im, int first, int stride, int m) {
        int levels = decomposer.levels();
        int baseLog = decomposer.baseLog();
        int totalBits = baseLog * levels;
        long digitMask = (1L << baseLog) - 1;
        for (int j = 0; j < m; j++) {
            long sx = roundedState(src[srcOffset + j], totalBits);
            long sy = roundedState(src[srcOffset + j + m], totalBits);
            double tr = twistRe[j];
            double ti = twistIm[j];
            for (int level = levels - 1; level >= 0; level--) {
                long rx = sx & digitMask;
                sx >>>= baseLog;
                long cx = (((rx - 1) | sx) & rx) >>> (baseLog - 1);
                sx += cx;
                long ry = sy & digitMask;
                sy >>>= baseLog;
                long cy = (((ry - 1) | sy) & ry) >>> (baseLog - 1);
                sy += cy;
                double x = rx - (cx << baseLog);
                double y = ry - (cy << baseLog);
                re[first + level * stride][j] = x * tr - y * ti;
                im[first + level * stride][j] = x * ti + y * tr;
            }
        }
    }

    /** The top {@code totalBits} bits of x rounded to nearest, as in {@link SignedDecomposer}. */
    static long roundedState(long x, int totalBits) {
        if (totalBits == 64) {
            return x;
        }
        int shift = 64 - totalBits;
        return ((((x >>> (shift - 1)) + 1) >>> 1)) & ((1L << totalBits) - 1);
    }

    @Override
    public void multiplyAccumulateSum(double[][] aRe, double[][] aIm, int count, double[] bRe, double[] bIm,
            int bOffset, int bStride, double[] accRe, double[] accIm, int m) {
        java.util.Arrays.fill(accRe, 0, m, 0);
        java.util.Arrays.fill(accIm, 0, m, 0);
        for (int i = 0; i < count; i++) {
            multiplyAccumulate(accRe, accIm, 0, aRe[i], aIm[i], 0, bRe, bIm, bOffset + i * bStride, m);
        }
    }

    @Override
    public void multiplyAccumulateBackwardAdd(FftPlan plan, double[][] aRe, double[][] aIm, int count, int columns,
            double[] bRe, double[] bIm, int bOffset, double[][] workRe, double[][] workIm, double[] twistRe,
            double[] twistIm, double scale, long[] dst, int dstOffset, int fromColumn, int toColumn) {
        int m = plan.size();
        for (int c = fromColumn; c < toColumn; c++) {
            multiplyAccumulateSum(aRe, aIm, count, bRe, bIm, bOffset + c * m, columns * m, workRe[c], workIm[c], m);
            inverse(plan, workRe[c], workIm[c]);
            untwistAdd(workRe[c], workIm[c], twistRe, twistIm, scale, dst, dstOffset + 2 * c * m, m);
        }
    }
}
