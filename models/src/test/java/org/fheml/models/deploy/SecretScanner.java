package org.fheml.models.deploy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks for pieces of a secret key in bytes: any run of {@value #WINDOW} consecutive key coefficients, in every
 * form a serializer might give them (one byte per coefficient, big- or little-endian longs, bits packed either
 * way). A random binary key matches unrelated bytes by chance with probability about 2^-64 per position. (The
 * secret key artifact as a whole is not a pattern: its key-set id and parameters are public and rightly appear in
 * the evaluation keys; its secret part is the coefficients.)
 */
final class SecretScanner {

    static final int WINDOW = 64;

    private record Form(String name, byte[] bytes, int windowBytes, int step) {
    }

    private final List<Form> forms = new ArrayList<>();
    private final Map<Long, List<int[]>> index = new HashMap<>();

    SecretScanner(long[]... keys) {
        for (long[] key : keys) {
            forms.add(new Form("byte per coefficient", perByte(key), WINDOW, 1));
            forms.add(new Form("big-endian longs", longs(key, ByteOrder.BIG_ENDIAN), 8 * WINDOW, 8));
            forms.add(new Form("little-endian longs", longs(key, ByteOrder.LITTLE_ENDIAN), 8 * WINDOW, 8));
            forms.add(new Form("packed bits, first coefficient high", packed(key, true), WINDOW / 8, 1));
            forms.add(new Form("packed bits, first coefficient low", packed(key, false), WINDOW / 8, 1));
        }
        for (int f = 0; f < forms.size(); f++) {
            Form form = forms.get(f);
            for (int start = 0; start + form.windowBytes() <= form.bytes().length; start += form.step()) {
                long head = ByteBuffer.wrap(form.bytes(), start, 8).getLong();
                index.computeIfAbsent(head, k -> new ArrayList<>()).add(new int[] {f, start});
            }
        }
    }

    /** Where a piece of the secret sits in {@code haystack}, described, or null when none does. */
    String find(byte[] haystack) {
        ByteBuffer buffer = ByteBuffer.wrap(haystack);
        for (int p = 0; p + 8 <= haystack.length; p++) {
            List<int[]> candidates = index.get(buffer.getLong(p));
            if (candidates == null) {
                continue;
            }
            for (int[] candidate : candidates) {
                Form form = forms.get(candidate[0]);
                int end = p + form.windowBytes();
                if (end <= haystack.length && Arrays.equals(haystack, p, end, form.bytes(), candidate[1],
                        candidate[1] + form.windowBytes())) {
                    return form.name() + " at offset " + p + " (secret offset " + candidate[1] + ")";
                }
            }
        }
        return null;
    }

    private static byte[] perByte(long[] key) {
        byte[] out = new byte[key.length];
        for (int i = 0; i < key.length; i++) {
            out[i] = (byte) key[i];
        }
        return out;
    }

    private static byte[] longs(long[] key, ByteOrder order) {
        ByteBuffer out = ByteBuffer.allocate(8 * key.length).order(order);
        for (long k : key) {
            out.putLong(k);
        }
        return out.array();
    }

    private static byte[] packed(long[] key, boolean highFirst) {
        byte[] out = new byte[key.length / 8];
        for (int i = 0; i < out.length * 8; i++) {
            if (key[i] != 0) {
                out[i / 8] |= (byte) (highFirst ? 0x80 >>> (i % 8) : 1 << (i % 8));
            }
        }
        return out;
    }
}
