package org.fheml.compilation;

import java.util.function.Function;
import org.fheml.tfhe.serialization.ArtifactException;
import org.fheml.tfhe.serialization.ArtifactReader;
import org.fheml.tfhe.serialization.ArtifactType;

/**
 * Reads the body of a {@link ArtifactType#CLIENT_BUNDLE} artifact written by {@link BundleWriter}, every read
 * bounded by the bytes left; every failure is an {@link ArtifactException} naming the artifact.
 */
public final class BundleReader {

    private final ArtifactReader in;

    private BundleReader(ArtifactReader in) {
        this.in = in;
    }

    /**
     * Checks the CRC-32C and header of a client bundle, then reads its body with {@code body}, which must consume
     * it exactly.
     *
     * @throws ArtifactException when the bytes are damaged, truncated, of another type, or {@code body} refuses them
     *                           (an {@link IllegalArgumentException} it throws becomes one)
     */
    public static <T> T readClientBundle(byte[] bytes, Function<BundleReader, T> body) {
        return ArtifactReader.read(bytes, ArtifactType.CLIENT_BUNDLE, in -> body.apply(new BundleReader(in)));
    }

    /** An {@link ArtifactException} whose message starts with "The CLIENT_BUNDLE artifact ". */
    public RuntimeException error(String message) {
        return in.error(message);
    }

    public int readUnsignedByte() {
        return in.readUnsignedByte();
    }

    public boolean readBoolean(String what) {
        return in.readBoolean(what);
    }

    public int readInt() {
        return in.readInt();
    }

    /** An int in {@code [min, max]}. */
    public int readInt(int min, int max, String what) {
        return in.readInt(min, max, what);
    }

    /** A count in {@code 0..max} of elements of {@code bytesPerElement} bytes, no more than the bytes left hold. */
    public int readSize(int max, long bytesPerElement, String what) {
        return in.readSize(max, bytesPerElement, what);
    }

    public long readLong() {
        return in.readLong();
    }

    public double readDouble() {
        return in.readDouble();
    }

    public void readDoubles(double[] values, String what) {
        in.readDoubles(values, what);
    }

    public long[] readLongs(int count, String what) {
        return in.readLongs(count, what);
    }

    public String readString(int maxBytes, String what) {
        return in.readString(maxBytes, what);
    }

    /** A nested artifact written by {@link BundleWriter#writeArtifact}. */
    public byte[] readArtifact(String what) {
        return in.readArtifact(what);
    }
}
