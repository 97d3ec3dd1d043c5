package org.fheml.tfhe.entities;

import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.PolynomialSize;

/**
 * One GGSW ciphertext in the standard (coefficient) domain: l·(k + 1) GLWE rows. Row (level j, row r) is a GLWE
 * encryption of 0 whose polynomial r has m·2^(64 − (j+1)·β) added, j = 0 being the most significant level
 * (equivalently, with the mask left uniform, an encryption of −m·2^(64 − (j+1)·β)·S_r for r &lt; k).
 * Layout: [level][row][polynomial][coefficient], one long array.
 */
public final class GgswCiphertext {

    private final GlweDimension glweDimension;
    private final PolynomialSize polynomialSize;
    private final DecompositionBaseLog baseLog;
    private final DecompositionLevelCount levels;
    private final long[] data;

    public GgswCiphertext(GlweDimension glweDimension, PolynomialSize polynomialSize, DecompositionBaseLog baseLog,
            DecompositionLevelCount levels) {
        this.glweDimension = glweDimension;
        this.polynomialSize = polynomialSize;
        this.baseLog = baseLog;
        this.levels = levels;
        int rows = levels.value() * glweDimension.glweSize();
        this.data = new long[Math.multiplyExact(rows, glweDimension.glweSize() * polynomialSize.value())];
    }

    public GlweDimension glweDimension() {
        return glweDimension;
    }

    public PolynomialSize polynomialSize() {
        return polynomialSize;
    }

    public DecompositionBaseLog baseLog() {
        return baseLog;
    }

    public DecompositionLevelCount levels() {
        return levels;
    }

    public long[] data() {
        return data;
    }

    /** The offset of the GLWE row (level, row). */
    public int rowOffset(int level, int row) {
        int glweSize = glweDimension.glweSize();
        return (level * glweSize + row) * glweSize * polynomialSize.value();
    }
}
