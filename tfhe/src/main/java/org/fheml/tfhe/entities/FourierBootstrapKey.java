package org.fheml.tfhe.entities;

import java.util.List;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.params.PolynomialSize;

/** The bootstrap key as the blind rotation reads it: one Fourier-domain GGSW per small-key coefficient. */
public record FourierBootstrapKey(List<FourierGgswCiphertext> ggsws) {

    public FourierBootstrapKey {
        ggsws = List.copyOf(ggsws);
        if (ggsws.isEmpty()) {
            throw new IllegalArgumentException("A bootstrap key has one GGSW per small-key coefficient, got none");
        }
    }

    /** The dimension n of the small LWE key: the input dimension of the blind rotation. */
    public LweDimension inputLweDimension() {
        return new LweDimension(ggsws.size());
    }

    public GlweDimension glweDimension() {
        return ggsws.get(0).glweDimension();
    }

    public PolynomialSize polynomialSize() {
        return ggsws.get(0).polynomialSize();
    }

    public DecompositionBaseLog baseLog() {
        return ggsws.get(0).baseLog();
    }

    public DecompositionLevelCount levels() {
        return ggsws.get(0).levels();
    }

    /** The dimension kN of the output (big) LWE key. */
    public LweDimension outputLweDimension() {
        return new LweDimension(glweDimension().value() * polynomialSize().value());
    }

    /** Bytes of the Fourier data: n·l·(k+1)²·N·8. */
    public long sizeInBytes() {
        long perGgsw = 2L * ggsws.get(0).re().length * Double.BYTES;
        return perGgsw * ggsws.size();
    }
}
