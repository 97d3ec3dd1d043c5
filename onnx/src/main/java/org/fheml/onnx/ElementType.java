package org.fheml.onnx;

import java.util.Optional;

/** The ONNX tensor element types fheml reads, with their DataType numbers and integer ranges. */
public enum ElementType {
    FLOAT(1, 4, false, 0, 0),
    UINT8(2, 1, true, 0, 255),
    INT8(3, 1, true, -128, 127),
    UINT16(4, 2, true, 0, 65535),
    INT16(5, 2, true, -32768, 32767),
    INT32(6, 4, true, Integer.MIN_VALUE, Integer.MAX_VALUE),
    INT64(7, 8, true, Long.MIN_VALUE, Long.MAX_VALUE),
    BOOL(9, 1, true, 0, 1),
    DOUBLE(11, 8, false, 0, 0),
    UINT4(21, 0, true, 0, 15),
    INT4(22, 0, true, -8, 7);

    private final int onnxCode;
    private final int rawBytes;
    private final boolean integer;
    private final long min;
    private final long max;

    ElementType(int onnxCode, int rawBytes, boolean integer, long min, long max) {
        this.onnxCode = onnxCode;
        this.rawBytes = rawBytes;
        this.integer = integer;
        this.min = min;
        this.max = max;
    }

    /** The type of an ONNX DataType number, if fheml reads it. */
    public static Optional<ElementType> of(int onnxCode) {
        for (ElementType t : values()) {
            if (t.onnxCode == onnxCode) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The ONNX DataType number. */
    public int onnxCode() {
        return onnxCode;
    }

    /** Bytes per element in raw_data; 0 for the packed 4-bit types. */
    int rawBytes() {
        return rawBytes;
    }

    public boolean isInteger() {
        return integer;
    }

    /** The smallest value of an integer type (saturation bound of QuantizeLinear). */
    public long min() {
        return min;
    }

    /** The largest value of an integer type. */
    public long max() {
        return max;
    }
}
