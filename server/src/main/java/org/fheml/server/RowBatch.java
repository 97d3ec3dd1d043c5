package org.fheml.server;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of a prediction request and of its response: a batch of rows, each row the bytes of one circuit run
 * (encrypted arguments in a request, encrypted results in a response). Layout, big-endian: the 8 ASCII bytes
 * {@code FHEROWS1}, the row count (int), then per row its length (int) and its bytes. Decoding checks every length
 * against the bytes left, so a truncated or forged body is refused before any row is run.
 */
public final class RowBatch {

    private static final byte[] MAGIC = "FHEROWS1".getBytes(StandardCharsets.US_ASCII);

    /** Bytes of a batch before its first row. */
    public static final int HEADER_BYTES = 12;
    /** Bytes a batch adds to each row. */
    public static final int ROW_OVERHEAD_BYTES = 4;

    /** The media type of a batch body. */
    public static final String MEDIA_TYPE = "application/vnd.fheml.rows";

    private RowBatch() {
    }

    public static byte[] encode(List<byte[]> rows) {
        long size = HEADER_BYTES;
        for (byte[] row : rows) {
            size += ROW_OVERHEAD_BYTES + row.length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("A batch of " + rows.size() + " rows takes " + size
                    + " bytes, more than one body can hold: send fewer rows per request.");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(rows.size());
            for (byte[] row : rows) {
                out.writeInt(row.length);
                out.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a batch of at most {@code maxRows} rows.
     *
     * @throws ApiException 400 when the bytes are not a batch, 413 when it has more rows than allowed
     */
    public static List<byte[]> decode(byte[] body, int maxRows) {
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw malformed("it does not start with " + new String(MAGIC, StandardCharsets.US_ASCII)
                        + ": it is not a batch of encrypted rows");
            }
            int count = in.getInt();
            if (count < 1) {
                throw malformed("it holds " + count + " rows; send at least one");
            }
            if (count > maxRows) {
                throw new ApiException(413, "too_many_rows", "The request holds " + count + " rows, more than the "
                        + maxRows + " this server runs in one request: split it.");
            }
            List<byte[]> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw malformed("row " + i + " claims " + length + " bytes but " + in.remaining()
                            + " are left: the body is truncated or damaged");
                }
                byte[] row = new byte[length];
                in.get(row);
                rows.add(row);
            }
            if (in.hasRemaining()) {
                throw malformed(in.remaining() + " bytes follow the last row: the body is damaged");
            }
            return rows;
        } catch (BufferUnderflowException e) {
            throw malformed("it ends after " + body.length + " bytes, inside its header: it is truncated");
        }
    }

    private static ApiException malformed(String why) {
        return new ApiException(400, "malformed_batch", "The request body is not a valid batch of rows: " + why
                + ".");
    }
}
