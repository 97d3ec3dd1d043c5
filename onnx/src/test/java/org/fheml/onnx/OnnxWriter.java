package org.fheml.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side ONNX model writer: builds {@code ModelProto} bytes with {@link CodedOutputStream} from the field numbers
 * of the ONNX specification, so that tests can make models fheml and ONNX Runtime both read.
 */
final class OnnxWriter {

    /** An attribute of a node, already encoded as an {@code AttributeProto}. */
    record Attribute(byte[] bytes) {

        static Attribute i(String name, long v) {
            return new Attribute(message(out -> {
                out.writeString(1, name);
                out.writeInt32(20, 2);
                out.writeInt64(3, v);
            }));
        }

        static Attribute f(String name, float v) {
            return new Attribute(message(out -> {
                out.writeString(1, name);
                out.writeInt32(20, 1);
                out.writeFloat(2, v);
            }));
        }

        static Attribute s(String name, String v) {
            return new Attribute(message(out -> {
                out.writeString(1, name);
                out.writeInt32(20, 3);
                out.writeByteArray(4, v.getBytes(StandardCharsets.UTF_8));
            }));
        }

        static Attribute ints(String name, long... v) {
            return new Attribute(message(out -> {
                out.writeString(1, name);
                out.writeInt32(20, 7);
                for (long x : v) {
                    out.writeInt64(8, x);
                }
            }));
        }

        static Attribute floats(String name, float... v) {
            return new Attribute(message(out -> {
                out.writeString(1, name);
                out.writeInt32(20, 6);
                for (float x : v) {
                    out.writeFloat(7, x);
                }
            }));
        }

        static Attribute tensor(String name, ElementType type, int[] dims, double... values) {
            return new Attribute(message(out -> {
                out.writeString(1, name);
                out.writeInt32(20, 4);
                out.writeByteArray(5, OnnxWriter.tensor("", type, dims, values));
            }));
        }

        /** A GRAPH attribute holding an empty graph, as If and Loop carry. */
        static Attribute graph(String name) {
            return new Attribute(message(out -> {
                out.writeString(1, name);
                out.writeInt32(20, 5);
                out.writeByteArray(6, message(g -> g.writeString(2, "body")));
            }));
        }
    }

    private final int opset;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int counter;

    OnnxWriter(int opset) {
        this.opset = opset;
    }

    /** A float input; each dim is an Integer (static size) or a String (symbolic name). */
    OnnxWriter input(String name, Object... dims) {
        inputs.add(valueInfo(name, ElementType.FLOAT, dims));
        return this;
    }

    OnnxWriter output(String name, Object... dims) {
        outputs.add(valueInfo(name, ElementType.FLOAT, dims));
        return this;
    }

    /** Adds an initializer and returns its name. */
    String initializer(ElementType type, int[] dims, double... values) {
        String name = "c" + counter++;
        initializers.add(tensor(name, type, dims, values));
        return name;
    }

    /** An initializer whose dims claim more values than it carries: a damaged file. */
    String initializerWithClaimedDims(int[] claimedDims, double[] values) {
        String name = "c" + counter++;
        initializers.add(message(t -> {
            for (int d : claimedDims) {
                t.writeInt64(1, d);
            }
            t.writeInt32(2, ElementType.FLOAT.onnxCode());
            t.writeString(8, name);
            for (double v : values) {
                t.writeFloat(4, (float) v);
            }
        }));
        return name;
    }

    String floats(int[] dims, double... values) {
        return initializer(ElementType.FLOAT, dims, values);
    }

    String longs(long... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return initializer(ElementType.INT64, new int[] {values.length}, d);
    }

    /** Adds a node with a fresh output name, which it returns. */
    String node(String opType, List<String> in, Attribute... attributes) {
        String out = "v" + counter++;
        node(opType, in, List.of(out), attributes);
        return out;
    }

    void node(String opType, List<String> in, List<String> out, Attribute... attributes) {
        String name = opType + "_" + counter++;
        nodes.add(message(o -> {
            for (String i : in) {
                o.writeString(1, i);
            }
            for (String x : out) {
                o.writeString(2, x);
            }
            o.writeString(3, name);
            o.writeString(4, opType);
            for (Attribute a : attributes) {
                o.writeByteArray(5, a.bytes());
            }
        }));
    }

    byte[] build() {
        byte[] graph = message(g -> {
            for (byte[] n : nodes) {
                g.writeByteArray(1, n);
            }
            g.writeString(2, "fheml-test");
            for (byte[] t : initializers) {
                g.writeByteArray(5, t);
            }
            for (byte[] i : inputs) {
                g.writeByteArray(11, i);
            }
            for (byte[] o : outputs) {
                g.writeByteArray(12, o);
            }
        });
        return message(m -> {
            m.writeInt64(1, opset >= 21 ? 10 : opset >= 19 ? 9 : 8);
            m.writeString(2, "fheml OnnxWriter");
            m.writeByteArray(7, graph);
            m.writeByteArray(8, message(o -> {
                o.writeString(1, "");
                o.writeInt64(2, opset);
            }));
        });
    }

    static byte[] tensor(String name, ElementType type, int[] dims, double... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Math.max(1, bytes(type))).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (type) {
                case FLOAT -> raw.putFloat((float) v);
                case DOUBLE -> raw.putDouble(v);
                case INT64 -> raw.putLong((long) v);
                case INT32 -> raw.putInt((int) v);
                case INT8, UINT8, BOOL -> raw.put((byte) (long) v);
                case INT16, UINT16 -> raw.putShort((short) (long) v);
                default -> throw new IllegalArgumentException(type.toString());
            }
        }
        return message(t -> {
            for (int d : dims) {
                t.writeInt64(1, d);
            }
            t.writeInt32(2, type.onnxCode());
            if (!name.isEmpty()) {
                t.writeString(8, name);
            }
            t.writeByteArray(9, raw.array());
        });
    }

    private static int bytes(ElementType type) {
        return switch (type) {
            case FLOAT, INT32 -> 4;
            case DOUBLE, INT64 -> 8;
            case INT16, UINT16 -> 2;
            default -> 1;
        };
    }

    private static byte[] valueInfo(String name, ElementType type, Object... dims) {
        return message(v -> {
            v.writeString(1, name);
            v.writeByteArray(2, message(t -> t.writeByteArray(1, message(tensor -> {
                tensor.writeInt32(1, type.onnxCode());
                if (dims.length == 0) {
                    return; // no shape: rank and sizes unknown
                }
                tensor.writeByteArray(2, message(shape -> {
                    for (Object d : dims) {
                        shape.writeByteArray(1, message(dim -> {
                            if (d instanceof Integer size) {
                                dim.writeInt64(1, size);
                            } else {
                                dim.writeString(2, (String) d);
                            }
                        }));
                    }
                }));
            }))));
        });
    }

    interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
