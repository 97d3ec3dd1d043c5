package org.fheml.onnx;

/** Gemm on the last axis and 2-D convolution, in double precision. */
final class LinearKernels {

    private LinearKernels() {
    }

    static void gemm(FloatOp.Gemm g, double[] x, double[] out) {
        double[] w = g.weight().data();
        int k = g.weight().shape()[0];
        int m = g.weight().shape()[1];
        int rows = x.length / k;
        double[] bias = g.bias() == null ? null : g.bias().data();
        for (int r = 0; r < rows; r++) {
            int o = r * m;
            for (int j = 0; j < m; j++) {
                out[o + j] = bias == null ? 0 : bias[j];
            }
            for (int i = 0; i < k; i++) {
                double xi = x[r * k + i];
                int wRow = i * m;
                for (int j = 0; j < m; j++) {
                    out[o + j] += xi * w[wRow + j];
                }
            }
        }
    }

    static void conv(FloatOp.Conv c, int[] xShape, double[] x, int[] outShape, double[] out) {
        int n = xShape[0];
        int channels = xShape[1];
        int h = xShape[2];
        int wIn = xShape[3];
        int[] ws = c.weight().shape();
        int m = ws[0];
        int cPerGroup = ws[1];
        int kh = ws[2];
        int kw = ws[3];
        int oh = outShape[2];
        int ow = outShape[3];
        int mPerGroup = m / c.group();
        double[] w = c.weight().data();
        double[] bias = c.bias() == null ? null : c.bias().data();
        int sh = c.strides()[0];
        int sw = c.strides()[1];
        int dh = c.dilations()[0];
        int dw = c.dilations()[1];
        int pt = c.pads()[0];
        int pl = c.pads()[1];
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < m; oc++) {
                int g = oc / mPerGroup;
                for (int y = 0; y < oh; y++) {
                    for (int xo = 0; xo < ow; xo++) {
                        double acc = bias == null ? 0 : bias[oc];
                        for (int ic = 0; ic < cPerGroup; ic++) {
                            int inC = g * cPerGroup + ic;
                            int inBase = (b * channels + inC) * h;
                            int wBase = (oc * cPerGroup + ic) * kh;
                            for (int i = 0; i < kh; i++) {
                                int iy = y * sh - pt + i * dh;
                                if (iy < 0 || iy >= h) {
                                    continue;
                                }
                                for (int j = 0; j < kw; j++) {
                                    int ix = xo * sw - pl + j * dw;
                                    if (ix < 0 || ix >= wIn) {
                                        continue;
                                    }
                                    acc += x[(inBase + iy) * wIn + ix] * w[(wBase + i) * kw + j];
                                }
                            }
                        }
                        out[((b * m + oc) * oh + y) * ow + xo] = acc;
                    }
                }
            }
        }
    }
}
