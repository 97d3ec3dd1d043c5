package org.fheml.onnx;

import java.util.List;

/** Evaluates one {@link FloatOp} on input tensors: the clear float semantics of every op, in double precision. */
final class FloatKernels {

    private FloatKernels() {
    }

    static Tensor apply(FloatOp op, List<Tensor> in, int[] outShape, ElementType outType) {
        Tensor x = in.get(0);
        double[] out = new double[Math.toIntExact(Shapes.size(outShape))];
        switch (op) {
            case FloatOp.Gemm g -> LinearKernels.gemm(g, x.data(), out);
            case FloatOp.Conv c -> LinearKernels.conv(c, x.shape(), x.data(), outShape, out);
            case FloatOp.AveragePool p -> PoolingKernels.averagePool(p, x.shape(), x.data(), outShape, out);
            case FloatOp.MaxPool p -> PoolingKernels.maxPool(p, x.shape(), x.data(), outShape, out);
            case FloatOp.GlobalAveragePool g -> PoolingKernels.globalAveragePool(x.shape(), x.data(), out);
            case FloatOp.BatchNormalization b -> ElementwiseKernels.batchNormalization(b, x.shape(), x.data(), out);
            case FloatOp.Binary b -> ElementwiseKernels.binary(b.operator(), x, in.get(1), outShape, out);
            case FloatOp.Univariate u -> ElementwiseKernels.univariate(u.function(), x.data(), out);
            case FloatOp.Reshape r -> System.arraycopy(x.data(), 0, out, 0, out.length);
            case FloatOp.Transpose t -> LayoutKernels.transpose(t.perm(), x.shape(), x.data(), outShape, out);
            case FloatOp.Concat c -> LayoutKernels.concat(c.axis(), in, outShape, out);
            case FloatOp.Pad p -> LayoutKernels.pad(p, x.shape(), x.data(), outShape, out);
            case FloatOp.Softmax s -> ElementwiseKernels.softmax(s, x.shape(), x.data(), out);
            case FloatOp.QuantizeLinear q -> ElementwiseKernels.quantize(q, x.shape(), x.type(), x.data(), out);
            case FloatOp.DequantizeLinear d -> ElementwiseKernels.dequantize(d, x.shape(), x.data(), out);
        }
        return new Tensor(outType, outShape, out);
    }

    /** The element type of an op's output. */
    static ElementType outputType(FloatOp op, List<ElementType> in) {
        return switch (op) {
            case FloatOp.QuantizeLinear q -> q.type();
            case FloatOp.DequantizeLinear d -> ElementType.FLOAT;
            case FloatOp.Gemm g -> in.get(0);
            case FloatOp.Conv c -> in.get(0);
            case FloatOp.AveragePool p -> in.get(0);
            case FloatOp.MaxPool p -> in.get(0);
            case FloatOp.GlobalAveragePool g -> in.get(0);
            case FloatOp.BatchNormalization b -> in.get(0);
            case FloatOp.Binary b -> in.get(0);
            case FloatOp.Univariate u -> in.get(0);
            case FloatOp.Reshape r -> in.get(0);
            case FloatOp.Transpose t -> in.get(0);
            case FloatOp.Concat c -> in.get(0);
            case FloatOp.Pad p -> in.get(0);
            case FloatOp.Softmax s -> in.get(0);
        };
    }
}
