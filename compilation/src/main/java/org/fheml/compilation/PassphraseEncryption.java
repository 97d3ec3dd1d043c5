package org.fheml.compilation;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.fheml.tfhe.serialization.ArtifactReader;
import org.fheml.tfhe.serialization.ArtifactType;
import org.fheml.tfhe.serialization.ArtifactWriter;

/**
 * Secret bytes sealed with a passphrase, a {@link ArtifactType#PASSPHRASE_ENCRYPTED} artifact: the key derivation
 * (PBKDF2-HMAC-SHA256, its iterations and a 16-byte random salt), a 12-byte random nonce, then the AES-256-GCM
 * ciphertext with its 128-bit tag. Everything before the ciphertext is authenticated as associated data.
 */
final class PassphraseEncryption {

    private static final int KDF_PBKDF2_SHA256 = 1;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Refused above this when reading, so that a forged file cannot make loading take hours. */
    private static final int MAX_ITERATIONS = 50_000_000;

    private PassphraseEncryption() {
    }

    static byte[] seal(byte[] secret, KeyProtection.Passphrase protection) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] associated = associatedData(protection.iterations(), salt, nonce);
        byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, protection, protection.iterations(), salt, nonce, associated,
                secret);
        return ArtifactWriter.of(ArtifactType.PASSPHRASE_ENCRYPTED).writeBytes(associated).writeArtifact(ciphertext)
                .toBytes();
    }

    /**
     * @throws WrongPassphraseException when the tag does not verify
     * @throws org.fheml.tfhe.serialization.ArtifactException when the container is damaged
     */
    static byte[] open(byte[] sealed, KeyProtection.Passphrase protection, Path file) {
        record Parts(int iterations, byte[] salt, byte[] nonce, byte[] ciphertext) {
        }
        Parts parts = ArtifactReader.read(sealed, ArtifactType.PASSPHRASE_ENCRYPTED, in -> {
            int kdf = in.readUnsignedByte();
            if (kdf != KDF_PBKDF2_SHA256) {
                throw in.error("uses key derivation " + kdf + ", which this fheml does not know: it is damaged or "
                        + "newer than this fheml.");
            }
            int iterations = in.readInt(KeyProtection.DEFAULT_ITERATIONS, MAX_ITERATIONS, "PBKDF2 iteration count");
            return new Parts(iterations, in.readBytes(SALT_BYTES, "salt"), in.readBytes(NONCE_BYTES, "nonce"),
                    in.readArtifact("ciphertext"));
        });
        byte[] associated = associatedData(parts.iterations(), parts.salt(), parts.nonce());
        try {
            return cipher(Cipher.DECRYPT_MODE, protection, parts.iterations(), parts.salt(), parts.nonce(), associated,
                    parts.ciphertext());
        } catch (WrappedBadTag e) {
            throw new WrongPassphraseException(file, e.getCause());
        }
    }

    private static byte[] associatedData(int iterations, byte[] salt, byte[] nonce) {
        byte[] out = new byte[1 + 4 + SALT_BYTES + NONCE_BYTES];
        out[0] = KDF_PBKDF2_SHA256;
        out[1] = (byte) (iterations >>> 24);
        out[2] = (byte) (iterations >>> 16);
        out[3] = (byte) (iterations >>> 8);
        out[4] = (byte) iterations;
        System.arraycopy(salt, 0, out, 5, SALT_BYTES);
        System.arraycopy(nonce, 0, out, 5 + SALT_BYTES, NONCE_BYTES);
        return out;
    }

    private static byte[] cipher(int mode, KeyProtection.Passphrase protection, int iterations, byte[] salt,
            byte[] nonce, byte[] associated, byte[] input) {
        char[] passphrase = protection.passphrase();
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        byte[] key = null;
        try {
            key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new WrappedBadTag(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK lacks PBKDF2WithHmacSHA256 or AES/GCM: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
            Arrays.fill(passphrase, '\0');
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** Carries a failed tag check out of {@link #cipher} to the caller that knows the file. */
    private static final class WrappedBadTag extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrappedBadTag(AEADBadTagException cause) {
            super(cause);
        }
    }
}
