package org.fheml.onnx.proto;

import java.util.List;

/**
 * ONNX {@code AttributeProto}. {@code type} is the AttributeType number (1 FLOAT, 2 INT, 3 STRING, 4 TENSOR,
 * 5 GRAPH, 6 FLOATS, 7 INTS, 8 STRINGS, ...); graphs are not decoded, only counted, since fheml refuses control flow.
 */
public record AttributeMessage(String name, int type, float f, long i, byte[] s, TensorMessage t, float[] floats,
        long[] ints, List<byte[]> strings, int graphCount, String refAttrName) {

    public static final int FLOAT = 1;
    public static final int INT = 2;
    public static final int STRING = 3;
    public static final int TENSOR = 4;
    public static final int GRAPH = 5;
    public static final int FLOATS = 6;
    public static final int INTS = 7;
    public static final int STRINGS = 8;
}
