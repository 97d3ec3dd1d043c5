package org.fheml.compilation;

import java.util.Arrays;

/** What a node of an integer program computes. Every evaluator handles every op through an exhaustive switch. */
public sealed interface Op {

    /** A circuit argument; {@code position} is its place in the argument list. */
    record Input(String name, int position, Encryption encryption) implements Op {
    }

    /** A clear value fixed at tracing time. */
    record Constant(LongTensor value) implements Op {
    }

    /** Element-wise sum of two operands, broadcast. */
    record Add() implements Op {
    }

    /** Element-wise difference of two operands, broadcast. */
    record Subtract() implements Op {
    }

    /** Element-wise negation. */
    record Negate() implements Op {
    }

    /** Element-wise product of two operands, broadcast; at most one of them is encrypted. */
    record Multiply() implements Op {
    }

    /** numpy's matmul (or dot, as printed) of two operands of rank 1 or 2; at most one of them is encrypted. */
    record MatMul(boolean printedAsDot) implements Op {
    }

    /** The sum over one axis, or over every element when {@code axis} is null. */
    record Sum(Integer axis) implements Op {
    }

    record Reshape(Shape shape) implements Op {
    }

    /** Output axis i is input axis {@code axes[i]}. */
    record Transpose(int[] axes) implements Op {
        @Override
        public boolean equals(Object other) {
            return other instanceof Transpose t && Arrays.equals(axes, t.axes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(axes);
        }

        @Override
        public String toString() {
            return "Transpose" + Arrays.toString(axes);
        }
    }

    /** A strided slice that keeps the rank. */
    record Slice(int[] start, int[] stop, int[] step) implements Op {
        @Override
        public boolean equals(Object other) {
            return other instanceof Slice s && Arrays.equals(start, s.start) && Arrays.equals(stop, s.stop)
                    && Arrays.equals(step, s.step);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(start) + Arrays.hashCode(stop)) + Arrays.hashCode(step);
        }

        @Override
        public String toString() {
            return "Slice" + Arrays.toString(start) + Arrays.toString(stop) + Arrays.toString(step);
        }
    }

    /** The sub-tensor at one position of the first axis. */
    record Index(int index) implements Op {
    }

    /** The operands joined along an axis. */
    record Concatenate(int axis) implements Op {
    }

    /** A table lookup, the one op that needs a bootstrap on encrypted input. */
    record Lookup(LookupTable table) implements Op {
    }

    /** f applied element-wise, tabulated over the input's range when the circuit is compiled. */
    record Apply(String name, java.util.function.LongUnaryOperator function) implements Op {
    }

    /** The value rounded to the nearest multiple of 2^lsbs (ties upwards). */
    record RoundBitPattern(int lsbs, Exactness exactness) implements Op {
    }

    /** The value with its {@code lsbs} lowest bits cleared (rounded down to a multiple of 2^lsbs). */
    record TruncateBitPattern(int lsbs) implements Op {
    }

    /**
     * The value unchanged, with bounds the program guarantees but interval arithmetic cannot see (a sum of one-hot
     * selected values, say); evaluation in the clear checks them.
     */
    record AssumeRange(LongTensor lower, LongTensor upper) implements Op {
    }
}
