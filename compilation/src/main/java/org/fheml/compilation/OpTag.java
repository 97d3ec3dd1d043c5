package org.fheml.compilation;

/** The tag of each {@link Op} in a circuit specification; the number is what the bytes hold. */
enum OpTag {
    INPUT, CONSTANT, ADD, SUBTRACT, NEGATE, MULTIPLY, MAT_MUL, SUM, RESHAPE, TRANSPOSE, SLICE, INDEX, CONCATENATE,
    LOOKUP, APPLY, ROUND_BIT_PATTERN, TRUNCATE_BIT_PATTERN, ASSUME_RANGE;

    private static final OpTag[] VALUES = values();

    static OpTag of(Op op) {
        return switch (op) {
            case Op.Input o -> INPUT;
            case Op.Constant o -> CONSTANT;
            case Op.Add o -> ADD;
            case Op.Subtract o -> SUBTRACT;
            case Op.Negate o -> NEGATE;
            case Op.Multiply o -> MULTIPLY;
            case Op.MatMul o -> MAT_MUL;
            case Op.Sum o -> SUM;
            case Op.Reshape o -> RESHAPE;
            case Op.Transpose o -> TRANSPOSE;
            case Op.Slice o -> SLICE;
            case Op.Index o -> INDEX;
            case Op.Concatenate o -> CONCATENATE;
            case Op.Lookup o -> LOOKUP;
            case Op.Apply o -> APPLY;
            case Op.RoundBitPattern o -> ROUND_BIT_PATTERN;
            case Op.TruncateBitPattern o -> TRUNCATE_BIT_PATTERN;
            case Op.AssumeRange o -> ASSUME_RANGE;
        };
    }

    /** The tag numbered {@code ordinal}, or null for a number no tag has. */
    static OpTag ofOrdinal(int ordinal) {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}
