package org.fheml.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.fheml.onnx.proto.TensorMessage;

/** Turns a decoded {@code TensorProto} into a {@link Tensor}, checking its dims against the data it carries. */
final class TensorDecoding {

    private TensorDecoding() {
    }

    /** @param owner who holds the tensor, for messages ("initializer 'w'", "node 'c' (Constant)") */
    static Tensor decode(TensorMessage m, String owner) {
        if (m.external()) {
            throw new UnsupportedOnnxException(owner, "tensor", "data stored in an external file; save the model "
                    + "with its weights inside (onnx.save(..., save_as_external_data=False))");
        }
        if (m.segmented()) {
            throw new UnsupportedOnnxException(owner, "tensor", "segmented tensors");
        }
        ElementType type = ElementType.of(m.dataType()).orElseThrow(() -> new UnsupportedOnnxException(owner,
                "tensor", "element type " + m.dataType() + " (fheml reads float, double and integer tensors)"));
        int[] shape = new int[m.dims().length];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            long d = m.dims()[i];
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new OnnxFormatException(owner + ": tensor dimension " + d + " is invalid");
            }
            shape[i] = (int) d;
            count *= d;
            if (count > Shapes.MAX_ELEMENTS) {
                throw new UnsupportedOnnxException(owner, "tensor", "a tensor of dims " + Arrays.toString(m.dims())
                        + " (fheml reads tensors of up to " + Shapes.MAX_ELEMENTS + " elements)");
            }
        }
        int n = (int) count;
        double[] data = m.rawData() != null ? raw(m.rawData(), type, n, owner) : typed(m, type, n, owner);
        return new Tensor(type, shape, data);
    }

    private static double[] raw(byte[] raw, ElementType type, int n, String owner) {
        long expected = type.rawBytes() == 0 ? (n + 1L) / 2 : (long) n * type.rawBytes();
        if (raw.length != expected) {
            throw new OnnxFormatException(owner + ": raw_data holds " + raw.length + " bytes, the dims need "
                    + expected);
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case FLOAT -> b.getFloat(4 * i);
                case DOUBLE -> b.getDouble(8 * i);
                case INT64 -> b.getLong(8 * i);
                case INT32 -> b.getInt(4 * i);
                case INT16 -> b.getShort(2 * i);
                case UINT16 -> Short.toUnsignedInt(b.getShort(2 * i));
                case INT8 -> b.get(i);
                case UINT8, BOOL -> Byte.toUnsignedInt(b.get(i));
                case UINT4 -> (b.get(i / 2) >> (4 * (i % 2))) & 0xF;
                case INT4 -> ((b.get(i / 2) >> (4 * (i % 2))) & 0xF) << 28 >> 28;
            };
        }
        return out;
    }

    private static double[] typed(TensorMessage m, ElementType type, int n, String owner) {
        int available = switch (type) {
            case FLOAT -> m.floatData().length;
            case DOUBLE -> m.doubleData().length;
            case INT64 -> m.int64Data().length;
            case INT32, INT16, UINT16, INT8, UINT8, BOOL -> m.int32Data().length;
            case UINT4, INT4 -> throw new UnsupportedOnnxException(owner, "tensor",
                    "4-bit tensors outside raw_data");
        };
        if (available != n) {
            throw new OnnxFormatException(owner + ": the tensor's dims need " + n + " values, its data field holds "
                    + available);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case FLOAT -> m.floatData()[i];
                case DOUBLE -> m.doubleData()[i];
                case INT64 -> m.int64Data()[i];
                default -> m.int32Data()[i];
            };
        }
        return out;
    }
}
