package org.fheml.tfhe.optimizer;

/**
 * What a circuit without bootstraps asks of its parameters: values of {@code precision} bits that must decrypt
 * exactly after dot products of 2-norm {@code norm2}, with failure probability at most {@code pError}.
 */
public record LeveledQuery(int precision, double norm2, double pError, SecurityLevel security) {

    public LeveledQuery {
        if (precision < 1 || precision > 60) {
            throw new IllegalArgumentException("precision must be 1..60 bits, got " + precision + ".");
        }
        if (!(norm2 > 0) || Double.isInfinite(norm2)) {
            throw new IllegalArgumentException("norm2 must be a positive finite 2-norm, got " + norm2 + ".");
        }
        if (!(pError > 0 && pError < 1)) {
            throw new IllegalArgumentException("p_error must lie strictly between 0 and 1, got " + pError + ".");
        }
        if (security == null) {
            throw new IllegalArgumentException("security level is null: use SecurityLevel.BITS_128.");
        }
    }
}
