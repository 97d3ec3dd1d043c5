package org.fheml.compilation;

import java.util.List;

/**
 * The leveled ops of encrypted values in 64-bit wrapping arithmetic, as ciphertexts compute them (every torus
 * value wraps mod 2^64, so an encoded value wraps mod 2^(bits + 1)). {@link CircuitSimulator} uses it for values
 * that left the compiled bounds, where exact arithmetic could overflow; ops without arithmetic are evaluated as usual.
 */
final class WrappingArithmetic {

    private WrappingArithmetic() {
    }

    static LongTensor apply(Node node, List<LongTensor> in) {
        return switch (node.op()) {
            case Op.Add add -> in.get(0).zip(in.get(1), Long::sum);
            case Op.Subtract subtract -> in.get(0).zip(in.get(1), (a, b) -> a - b);
            case Op.Negate negate -> in.get(0).map(v -> -v);
            case Op.Multiply multiply -> in.get(0).zip(in.get(1), (a, b) -> a * b);
            case Op.MatMul matmul -> matmul(in.get(0), in.get(1));
            case Op.Sum sum -> sum.axis() == null ? sum(in.get(0)) : sum(in.get(0), sum.axis());
            default -> GraphEvaluator.apply(node, in);
        };
    }

    private static LongTensor matmul(LongTensor a, LongTensor b) {
        MatmulShape m = MatmulShape.of(a.shape(), b.shape());
        long[] out = new long[m.rows() * m.columns()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                long sum = 0;
                for (int t = 0; t < m.inner(); t++) {
                    sum += a.get(i * m.inner() + t) * b.get(t * m.columns() + j);
                }
                out[i * m.columns() + j] = sum;
            }
        }
        return LongTensor.wrap(m.result(), out);
    }

    private static LongTensor sum(LongTensor a) {
        long sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += a.get(i);
        }
        return LongTensor.scalar(sum);
    }

    private static LongTensor sum(LongTensor a, int axis) {
        Shape shape = a.shape();
        int k = shape.normalizeAxis(axis);
        int[] dims = shape.dims();
        int outer = 1;
        for (int i = 0; i < k; i++) {
            outer *= dims[i];
        }
        int inner = 1;
        for (int i = k + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        long[] out = new long[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int t = 0; t < dims[k]; t++) {
                for (int i = 0; i < inner; i++) {
                    out[o * inner + i] += a.get((o * dims[k] + t) * inner + i);
                }
            }
        }
        int[] outDims = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != k) {
                outDims[j++] = dims[i];
            }
        }
        return LongTensor.wrap(Shape.of(outDims), out);
    }
}
