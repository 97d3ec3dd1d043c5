package org.fheml.compilation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of artifacts, in the lowercase hexadecimal form bundles and messages carry. */
final class Digests {

    /** Hexadecimal digits of a SHA-256 digest. */
    static final int HEX_LENGTH = 64;

    private Digests() {
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static boolean isHex(String digest) {
        return digest.length() == HEX_LENGTH && digest.chars().allMatch(c -> (c >= '0' && c <= '9')
                || (c >= 'a' && c <= 'f'));
    }
}
