package org.fheml.tfhe.random;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fast cryptographically secure generator of uniform 64-bit words: AES-128 in counter mode over a buffer of zeros,
 * through the JDK's AES (hardware intrinsics where the CPU has them). Masks, noise and secret keys are drawn from it.
 * A seeded generator is fully deterministic, for tests and for regenerating compressed masks.
 * Not thread-safe: give each thread its own generator ({@link #fork()}).
 */
public final class AesCtrGenerator {

    private static final int BUFFER_BYTES = 8192;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Cipher cipher;
    private final byte[] zeros = new byte[BUFFER_BYTES];
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position = BUFFER_BYTES;
    private boolean hasSpareGaussian;
    private double spareGaussian;

    /** A generator keyed by 16 bytes (the seed); the counter starts at zero. */
    public AesCtrGenerator(byte[] seed) {
        if (seed.length != 16) {
            throw new IllegalArgumentException("An AES-CTR seed has 16 bytes, got " + seed.length);
        }
        try {
            cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(seed.clone(), "AES"), new IvParameterSpec(new byte[16]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides no AES/CTR/NoPadding cipher", e);
        }
    }

    /** A generator seeded from the platform's {@link SecureRandom}: use this for secret keys and real encryptions. */
    public static AesCtrGenerator fromSecureRandom() {
        return fromSecureRandom(new SecureRandom());
    }

    /** A generator seeded from {@code random}. */
    public static AesCtrGenerator fromSecureRandom(SecureRandom random) {
        byte[] seed = new byte[16];
        random.nextBytes(seed);
        return new AesCtrGenerator(seed);
    }

    /** A deterministic generator for tests: the seed is hashed into an AES key. Never use it for real data. */
    public static AesCtrGenerator seeded(long seed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(("fheml-test-seed:" + seed).getBytes(StandardCharsets.UTF_8));
            return new AesCtrGenerator(java.util.Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK provides no SHA-256", e);
        }
    }

    /** An independent generator keyed by 16 bytes of this one: one per thread. */
    public AesCtrGenerator fork() {
        byte[] seed = new byte[16];
        nextBytes(seed);
        return new AesCtrGenerator(seed);
    }

    /** A uniform 64-bit word. */
    public long nextLong() {
        if (position > BUFFER_BYTES - 8) {
            refill();
        }
        long value = (long) LONGS.get(buffer, position);
        position += 8;
        return value;
    }

    /** Fills {@code dst[offset, offset + length)} with uniform words (uniform torus elements). */
    public void fillUniform(long[] dst, int offset, int length) {
        for (int i = 0; i < length; i++) {
            dst[offset + i] = nextLong();
        }
    }

    /** Fills {@code dst[offset, offset + length)} with uniform bits 0 or 1 (binary secret keys). */
    public void fillBinary(long[] dst, int offset, int length) {
        int i = 0;
        while (i < length) {
            long word = nextLong();
            for (int b = 0; b < 64 && i < length; b++, i++) {
                dst[offset + i] = (word >>> b) & 1L;
            }
        }
    }

    /** Uniform bytes. */
    public void nextBytes(byte[] dst) {
        for (int i = 0; i < dst.length; i++) {
            if (position >= BUFFER_BYTES) {
                refill();
            }
            dst[i] = buffer[position++];
        }
    }

    /** A uniform double in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1p-53;
    }

    /** A standard normal sample (Box–Muller; the second value of each pair is kept for the next call). */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u1 = ((nextLong() >>> 11) + 1) * 0x1p-53; // (0, 1]: the logarithm stays finite
        double u2 = nextDouble();
        double radius = Math.sqrt(-2 * Math.log(u1));
        double angle = 2 * Math.PI * u2;
        spareGaussian = radius * Math.sin(angle);
        hasSpareGaussian = true;
        return radius * Math.cos(angle);
    }

    /**
     * Gaussian noise on the torus: a centred normal sample of standard deviation {@code std} (a fraction of the
     * torus), reduced mod 1, scaled by 2^64 and rounded to the nearest integer.
     */
    public long nextTorusGaussian(double std) {
        double torus = nextGaussian() * std;
        torus -= Math.rint(torus); // only the fractional part is on the torus
        return Math.round(torus * 0x1p64);
    }

    private void refill() {
        try {
            int written = cipher.update(zeros, 0, BUFFER_BYTES, buffer, 0);
            if (written != BUFFER_BYTES) {
                throw new IllegalStateException("AES-CTR produced " + written + " bytes instead of " + BUFFER_BYTES);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
        position = 0;
    }
}
