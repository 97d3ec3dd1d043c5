package org.fheml.tfhe.compression;

import java.util.ArrayList;
import java.util.List;
import org.fheml.tfhe.entities.GgswCiphertext;
import org.fheml.tfhe.entities.LweBootstrapKey;
import org.fheml.tfhe.params.DecompositionBaseLog;
import org.fheml.tfhe.params.DecompositionLevelCount;
import org.fheml.tfhe.params.GlweDimension;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.params.PolynomialSize;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * A standard-domain {@link LweBootstrapKey} whose GGSW rows keep only their body polynomials, the masks being
 * regenerated from a public 16-byte seed: k + 1 times smaller than the key it decompresses into.
 *
 * <p>The masks are the words of one AES-CTR stream keyed by the seed ({@link AesCtrGenerator}, counter from 0),
 * consumed in storage order: for GGSW i = 0.. (small-key coefficient i), level j = 0.. (most significant first) and
 * row r = 0..k, the k·N words of that row's mask polynomials, polynomial 0 first. The bodies are laid out in the
 * same order, N coefficients per row. Generation ({@link SeededBootstrapKeyGeneration}) and {@link #decompress()}
 * both follow that order, so they see the same masks.
 */
public final class SeededLweBootstrapKey {

    private final LweDimension inputLweDimension;
    private final GlweDimension glweDimension;
    private final PolynomialSize polynomialSize;
    private final DecompositionBaseLog baseLog;
    private final DecompositionLevelCount levels;
    private final byte[] maskSeed;
    private final long[] bodies;

    /** A key of zero bodies, to be filled through {@link #bodies()}. */
    public SeededLweBootstrapKey(LweDimension inputLweDimension, GlweDimension glweDimension,
            PolynomialSize polynomialSize, DecompositionBaseLog baseLog, DecompositionLevelCount levels,
            byte[] maskSeed) {
        if (maskSeed.length != 16) {
            throw new IllegalArgumentException("A mask seed has 16 bytes, got " + maskSeed.length);
        }
        if (inputLweDimension.value() < 1) {
            throw new IllegalArgumentException("A bootstrap key has one GGSW per small-key coefficient, got none");
        }
        long length = (long) inputLweDimension.value() * levels.value() * glweDimension.glweSize()
                * polynomialSize.value();
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("A seeded bootstrap key of " + length + " bodies words does not fit in "
                    + "one array: lower the LWE dimension, the level count or the polynomial size");
        }
        this.inputLweDimension = inputLweDimension;
        this.glweDimension = glweDimension;
        this.polynomialSize = polynomialSize;
        this.baseLog = baseLog;
        this.levels = levels;
        this.maskSeed = maskSeed.clone();
        this.bodies = new long[(int) length];
    }

    /** The dimension n of the small LWE key it encrypts: the number of GGSWs. */
    public LweDimension inputLweDimension() {
        return inputLweDimension;
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

    /** A copy of the public seed of the masks. */
    public byte[] maskSeed() {
        return maskSeed.clone();
    }

    /** The backing array of bodies, N words per GGSW row, in the storage order of the class comment. */
    public long[] bodies() {
        return bodies;
    }

    /** The full standard-domain key: every GGSW row's masks regenerated from the seed, followed by its body. */
    public LweBootstrapKey decompress() {
        AesCtrGenerator masks = new AesCtrGenerator(maskSeed);
        int n = polynomialSize.value();
        int maskWords = glweDimension.value() * n;
        List<GgswCiphertext> ggsws = new ArrayList<>(inputLweDimension.value());
        int next = 0;
        for (int i = 0; i < inputLweDimension.value(); i++) {
            GgswCiphertext ggsw = new GgswCiphertext(glweDimension, polynomialSize, baseLog, levels);
            for (int level = 0; level < levels.value(); level++) {
                for (int row = 0; row < glweDimension.glweSize(); row++) {
                    int offset = ggsw.rowOffset(level, row);
                    masks.fillUniform(ggsw.data(), offset, maskWords);
                    System.arraycopy(bodies, next, ggsw.data(), offset + maskWords, n);
                    next += n;
                }
            }
            ggsws.add(ggsw);
        }
        return new LweBootstrapKey(ggsws);
    }

    /** The seed and the bodies, against (k + 1) times the bodies for the standard-domain key. */
    public long sizeInBytes() {
        return maskSeed.length + (long) bodies.length * Long.BYTES;
    }
}
