package org.fheml.onnx.proto;

/**
 * ONNX {@code TensorProto} as stored: dims, the DataType number and whichever of the typed data fields or
 * little-endian {@code raw_data} the writer used. {@code external} is set when the data lives in another file.
 */
public record TensorMessage(String name, long[] dims, int dataType, float[] floatData, int[] int32Data,
        long[] int64Data, double[] doubleData, long[] uint64Data, byte[] rawData, int stringCount, boolean external,
        boolean segmented) {
}
