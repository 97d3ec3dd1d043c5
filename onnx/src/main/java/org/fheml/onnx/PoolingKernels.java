package org.fheml.onnx;

/** Average, max and global average pooling of NCHW tensors. */
final class PoolingKernels {

    private PoolingKernels() {
    }

    static void averagePool(FloatOp.AveragePool p, int[] xShape, double[] x, int[] outShape, double[] out) {
        int planes = xShape[0] * xShape[1];
        int h = xShape[2];
        int w = xShape[3];
        int oh = outShape[2];
        int ow = outShape[3];
        int kh = p.kernel()[0];
        int kw = p.kernel()[1];
        for (int plane = 0; plane < planes; plane++) {
            for (int y = 0; y < oh; y++) {
                for (int xo = 0; xo < ow; xo++) {
                    double sum = 0;
                    int count = 0;
                    for (int i = 0; i < kh; i++) {
                        int iy = y * p.strides()[0] - p.pads()[0] + i;
                        for (int j = 0; j < kw; j++) {
                            int ix = xo * p.strides()[1] - p.pads()[1] + j;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                sum += x[(plane * h + iy) * w + ix];
                                count++;
                            }
                        }
                    }
                    out[(plane * oh + y) * ow + xo] = sum / (p.countIncludePad() ? kh * kw : count);
                }
            }
        }
    }

    static void maxPool(FloatOp.MaxPool p, int[] xShape, double[] x, int[] outShape, double[] out) {
        int planes = xShape[0] * xShape[1];
        int h = xShape[2];
        int w = xShape[3];
        int oh = outShape[2];
        int ow = outShape[3];
        for (int plane = 0; plane < planes; plane++) {
            for (int y = 0; y < oh; y++) {
                for (int xo = 0; xo < ow; xo++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < p.kernel()[0]; i++) {
                        int iy = y * p.strides()[0] - p.pads()[0] + i * p.dilations()[0];
                        for (int j = 0; j < p.kernel()[1]; j++) {
                            int ix = xo * p.strides()[1] - p.pads()[1] + j * p.dilations()[1];
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                max = Math.max(max, x[(plane * h + iy) * w + ix]);
                            }
                        }
                    }
                    out[(plane * oh + y) * ow + xo] = max;
                }
            }
        }
    }

    static void globalAveragePool(int[] xShape, double[] x, double[] out) {
        int planes = xShape[0] * xShape[1];
        int area = x.length / planes;
        for (int plane = 0; plane < planes; plane++) {
            double sum = 0;
            for (int i = 0; i < area; i++) {
                sum += x[plane * area + i];
            }
            out[plane] = sum / area;
        }
    }
}
