package org.fheml.onnx;

import java.util.List;

/** Ops that move data without arithmetic: transpose, concat, pad. */
final class LayoutKernels {

    private LayoutKernels() {
    }

    static void transpose(int[] perm, int[] inShape, double[] x, int[] outShape, double[] out) {
        int[] inStrides = Shapes.strides(inShape);
        int rank = outShape.length;
        int[] walk = new int[rank];
        for (int i = 0; i < rank; i++) {
            walk[i] = inStrides[perm[i]];
        }
        int[] index = new int[rank];
        int src = 0;
        for (int o = 0; o < out.length; o++) {
            out[o] = x[src];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                src += walk[d];
                if (index[d] < outShape[d]) {
                    break;
                }
                src -= walk[d] * outShape[d];
                index[d] = 0;
            }
        }
    }

    static void concat(int axis, List<Tensor> inputs, int[] outShape, double[] out) {
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= outShape[d];
        }
        int inner = 1;
        for (int d = axis + 1; d < outShape.length; d++) {
            inner *= outShape[d];
        }
        int outBlock = outShape[axis] * inner;
        int offset = 0;
        for (Tensor t : inputs) {
            int block = t.shape()[axis] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(t.data(), o * block, out, o * outBlock + offset, block);
            }
            offset += block;
        }
    }

    static void pad(FloatOp.Pad p, int[] inShape, double[] x, int[] outShape, double[] out) {
        int rank = inShape.length;
        int[] inStrides = Shapes.strides(inShape);
        int[] index = new int[rank];
        for (int o = 0; o < out.length; o++) {
            int src = 0;
            boolean inside = true;
            for (int d = 0; d < rank; d++) {
                int i = index[d] - p.pads()[d];
                int n = inShape[d];
                if (i < 0 || i >= n) {
                    switch (p.mode()) {
                        case CONSTANT -> inside = false;
                        case EDGE -> i = i < 0 ? 0 : n - 1;
                        case REFLECT -> i = i < 0 ? -i : 2 * (n - 1) - i;
                    }
                }
                src += i * inStrides[d];
            }
            out[o] = inside ? x[src] : p.value();
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < outShape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
    }
}
