package org.fheml.tfhe.fft;

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
}
