package org.fheml.tfhe.fft;

/** The radix-2 butterfly stages narrower than a vector, shared by the SIMD kernel (scalar arithmetic). */
final class ScalarStages {

    private ScalarStages() {
    }

    /** Forward stages of half-width {@code fromHalf} down to 1. */
    static void forward(FftPlan plan, double[] re, double[] im, int fromHalf) {
        int m = plan.size();
        double[] wr = plan.twiddleRe();
        double[] wi = plan.twiddleIm();
        for (int half = fromHalf; half >= 1; half >>= 1) {
            int tw = half - 1;
            for (int start = 0; start < m; start += 2 * half) {
                for (int j = 0; j < half; j++) {
                    int p = start + j;
                    int q = p + half;
                    double ur = re[p];
                    double ui = im[p];
                    double vr = re[q];
                    double vi = im[q];
                    re[p] = ur + vr;
                    im[p] = ui + vi;
                    double dr = ur - vr;
                    double di = ui - vi;
                    double c = wr[tw + j];
                    double s = wi[tw + j];
                    re[q] = dr * c - di * s;
                    im[q] = dr * s + di * c;
                }
            }
        }
    }

    /** Inverse stages of half-width 1 up to (excluding) {@code toHalf}. */
    static void inverse(FftPlan plan, double[] re, double[] im, int toHalf) {
        int m = plan.size();
        double[] wr = plan.twiddleRe();
        double[] wi = plan.twiddleIm();
        for (int half = 1; half < toHalf; half <<= 1) {
            int tw = half - 1;
            for (int start = 0; start < m; start += 2 * half) {
                for (int j = 0; j < half; j++) {
                    int p = start + j;
                    int q = p + half;
                    double c = wr[tw + j];
                    double s = -wi[tw + j];
                    double vr = re[q] * c - im[q] * s;
                    double vi = re[q] * s + im[q] * c;
                    double ur = re[p];
                    double ui = im[p];
                    re[p] = ur + vr;
                    im[p] = ui + vi;
                    re[q] = ur - vr;
                    im[q] = ui - vi;
                }
            }
        }
    }
}
