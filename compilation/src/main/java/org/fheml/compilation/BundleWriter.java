package org.fheml.compilation;

import org.fheml.tfhe.serialization.ArtifactHeader;
import org.fheml.tfhe.serialization.ArtifactType;
import org.fheml.tfhe.serialization.ArtifactWriter;

/**
 * Writes the body of a {@link ArtifactType#CLIENT_BUNDLE} artifact for modules that do not see the TFHE runtime
 * (models): the same big-endian primitives as the artifact container, sealed by {@link #toBytes()} with its header
 * and CRC-32C. Read back with {@link BundleReader}.
 */
public final class BundleWriter {

    private final ArtifactWriter out = ArtifactWriter.of(ArtifactType.CLIENT_BUNDLE);

    /** A writer of a client bundle. */
    public static BundleWriter clientBundle() {
        return new BundleWriter();
    }

    /** The fheml version that writes, as artifact headers record it. */
    public static String libraryVersion() {
        return ArtifactHeader.currentLibraryVersion();
    }

    private BundleWriter() {
    }

    public BundleWriter writeByte(int value) {
        out.writeByte(value);
        return this;
    }

    public BundleWriter writeBoolean(boolean value) {
        out.writeBoolean(value);
        return this;
    }

    public BundleWriter writeInt(int value) {
        out.writeInt(value);
        return this;
    }

    /** A count, read back by {@link BundleReader#readSize}. */
    public BundleWriter writeSize(int value) {
        out.writeSize(value);
        return this;
    }

    public BundleWriter writeLong(long value) {
        out.writeLong(value);
        return this;
    }

    public BundleWriter writeDouble(double value) {
        out.writeDouble(value);
        return this;
    }

    /** The doubles, without their count. */
    public BundleWriter writeDoubles(double[] values) {
        out.writeDoubles(values);
        return this;
    }

    /** The longs, without their count. */
    public BundleWriter writeLongs(long[] values) {
        out.writeLongs(values);
        return this;
    }

    public BundleWriter writeString(String value, int maxBytes) {
        out.writeString(value, maxBytes);
        return this;
    }

    /** Another artifact (a {@link ClientCircuit}'s, say): its length, then its bytes. */
    public BundleWriter writeArtifact(byte[] artifact) {
        out.writeArtifact(artifact);
        return this;
    }

    /** Header, body and CRC-32C. */
    public byte[] toBytes() {
        return out.toBytes();
    }
}
