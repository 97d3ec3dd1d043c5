package org.fheml.quantization;

import org.fheml.compilation.Tracer;

/**
 * A new logical shape of the same elements, row-major (ONNX Reshape and Flatten): circuits carry tensors flat, so
 * it computes nothing.
 */
public record ReshapeOp(TensorQuantization output) implements QuantizedOp {

    public static ReshapeOp of(TensorQuantization input, int... shape) {
        return new ReshapeOp(input.reshaped(shape));
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public long[] evaluate(long[]... operands) {
        QuantizedOp.requireArity(this, operands.length);
        return operands[0].clone();
    }

    @Override
    public double[] reference(double[]... operands) {
        return operands[0].clone();
    }

    @Override
    public Tracer lower(Tracer... operands) {
        return operands[0];
    }

    @Override
    public IntegerBounds bounds(IntegerBounds... operands) {
        return operands[0];
    }
}
