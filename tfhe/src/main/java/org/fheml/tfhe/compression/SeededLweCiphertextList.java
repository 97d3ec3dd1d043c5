package org.fheml.tfhe.compression;

import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * LWE ciphertexts whose masks are not stored but regenerated from a public 16-byte seed: a seed plus one body per
 * ciphertext instead of n + 1 words each. What a client sends; the server expands it once with {@link #expand()}.
 * Masks drawn from a seeded AES-CTR stream are as good as uniform for LWE security; the seed is not secret.
 */
public record SeededLweCiphertextList(LweDimension dimension, byte[] maskSeed, long[] bodies) {

    public SeededLweCiphertextList {
        if (maskSeed.length != 16) {
            throw new IllegalArgumentException("A mask seed has 16 bytes, got " + maskSeed.length);
        }
        maskSeed = maskSeed.clone();
        bodies = bodies.clone();
    }

    public int count() {
        return bodies.length;
    }

    @Override
    public byte[] maskSeed() {
        return maskSeed.clone();
    }

    @Override
    public long[] bodies() {
        return bodies.clone();
    }

    /** The masks regenerated in encryption order, each followed by its body. */
    public LweCiphertextList expand() {
        LweCiphertextList out = new LweCiphertextList(dimension, bodies.length);
        AesCtrGenerator masks = new AesCtrGenerator(maskSeed);
        int n = dimension.value();
        for (int i = 0; i < bodies.length; i++) {
            int offset = out.offsetOf(i);
            masks.fillUniform(out.data(), offset, n);
            out.data()[offset + n] = bodies[i];
        }
        return out;
    }

    /** The bytes this form takes, against (n + 1)·8 per ciphertext expanded. */
    public long sizeInBytes() {
        return maskSeed.length + (long) bodies.length * Long.BYTES;
    }
}
