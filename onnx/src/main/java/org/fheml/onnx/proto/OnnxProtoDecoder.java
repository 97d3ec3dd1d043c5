package org.fheml.onnx.proto;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes an ONNX model file with {@link CodedInputStream}, from the field numbers of the ONNX specification
 * (onnx/onnx.proto, IR version 10). Unknown fields are skipped, as protobuf requires.
 *
 * <p>Reads are bounded: every length is checked against the bytes left before anything is allocated, nesting is
 * limited, and a truncated or corrupt buffer ends in a {@link MalformedProtoException} naming the message and field
 * being read, never in an arbitrary runtime exception or an allocation the file's size does not justify.
 */
public final class OnnxProtoDecoder {

    private static final int VARINT = WireFormat.WIRETYPE_VARINT;
    private static final int FIXED64 = WireFormat.WIRETYPE_FIXED64;
    private static final int LENGTH = WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int FIXED32 = WireFormat.WIRETYPE_FIXED32;

    private final CodedInputStream in;

    private OnnxProtoDecoder(byte[] bytes) {
        this.in = CodedInputStream.newInstance(bytes);
    }

    /** Decodes a whole {@code ModelProto}. */
    public static ModelMessage decodeModel(byte[] bytes) throws MalformedProtoException {
        OnnxProtoDecoder decoder = new OnnxProtoDecoder(bytes);
        try {
            decoder.in.pushLimit(bytes.length);
            return decoder.model();
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedProtoException("the file is not a valid ONNX model (truncated or corrupt protobuf: "
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new MalformedProtoException("the file could not be decoded: " + e.getMessage(), e);
        }
    }

    private ModelMessage model() throws IOException, MalformedProtoException {
        long irVersion = 0;
        String producer = "";
        String producerVersion = "";
        List<OpsetMessage> opsets = new ArrayList<>();
        GraphMessage graph = null;
        int functions = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> irVersion = varint(tag, "ModelProto.ir_version");
                case 2 -> producer = string(tag, "ModelProto.producer_name");
                case 3 -> producerVersion = string(tag, "ModelProto.producer_version");
                case 7 -> {
                    int old = enter(tag, "ModelProto.graph");
                    graph = graph();
                    in.popLimit(old);
                }
                case 8 -> {
                    int old = enter(tag, "ModelProto.opset_import");
                    opsets.add(opset());
                    in.popLimit(old);
                }
                case 25 -> {
                    expect(tag, LENGTH, "ModelProto.functions");
                    functions++;
                    in.skipField(tag);
                }
                default -> in.skipField(tag);
            }
        }
        if (graph == null) {
            throw new MalformedProtoException("the file holds no ONNX graph (ModelProto.graph is missing)");
        }
        return new ModelMessage(irVersion, producer, producerVersion, List.copyOf(opsets), graph, functions);
    }

    private OpsetMessage opset() throws IOException, MalformedProtoException {
        String domain = "";
        long version = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> domain = string(tag, "OperatorSetIdProto.domain");
                case 2 -> version = varint(tag, "OperatorSetIdProto.version");
                default -> in.skipField(tag);
            }
        }
        return new OpsetMessage(domain, version);
    }

    private GraphMessage graph() throws IOException, MalformedProtoException {
        String name = "";
        List<NodeMessage> nodes = new ArrayList<>();
        List<TensorMessage> initializers = new ArrayList<>();
        List<ValueInfoMessage> inputs = new ArrayList<>();
        List<ValueInfoMessage> outputs = new ArrayList<>();
        List<ValueInfoMessage> valueInfos = new ArrayList<>();
        int sparse = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    int old = enter(tag, "GraphProto.node");
                    nodes.add(node());
                    in.popLimit(old);
                }
                case 2 -> name = string(tag, "GraphProto.name");
                case 5 -> {
                    int old = enter(tag, "GraphProto.initializer");
                    initializers.add(tensor());
                    in.popLimit(old);
                }
                case 11 -> inputs.add(valueInfoField(tag, "GraphProto.input"));
                case 12 -> outputs.add(valueInfoField(tag, "GraphProto.output"));
                case 13 -> valueInfos.add(valueInfoField(tag, "GraphProto.value_info"));
                case 15 -> {
                    expect(tag, LENGTH, "GraphProto.sparse_initializer");
                    sparse++;
                    in.skipField(tag);
                }
                default -> in.skipField(tag);
            }
        }
        return new GraphMessage(name, List.copyOf(nodes), List.copyOf(initializers), List.copyOf(inputs),
                List.copyOf(outputs), List.copyOf(valueInfos), sparse);
    }

    private NodeMessage node() throws IOException, MalformedProtoException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String opType = "";
        String domain = "";
        List<AttributeMessage> attributes = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inputs.add(string(tag, "NodeProto.input"));
                case 2 -> outputs.add(string(tag, "NodeProto.output"));
                case 3 -> name = string(tag, "NodeProto.name");
                case 4 -> opType = string(tag, "NodeProto.op_type");
                case 5 -> {
                    int old = enter(tag, "NodeProto.attribute");
                    attributes.add(attribute());
                    in.popLimit(old);
                }
                case 7 -> domain = string(tag, "NodeProto.domain");
                default -> in.skipField(tag);
            }
        }
        return new NodeMessage(name, opType, domain, List.copyOf(inputs), List.copyOf(outputs),
                List.copyOf(attributes));
    }

    private AttributeMessage attribute() throws IOException, MalformedProtoException {
        String name = "";
        int type = 0;
        float f = 0;
        long i = 0;
        byte[] s = new byte[0];
        TensorMessage t = null;
        FloatBuffer floats = new FloatBuffer();
        LongBuffer ints = new LongBuffer();
        List<byte[]> strings = new ArrayList<>();
        int graphs = 0;
        String ref = "";
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = string(tag, "AttributeProto.name");
                case 2 -> {
                    expect(tag, FIXED32, "AttributeProto.f");
                    f = in.readFloat();
                }
                case 3 -> i = varint(tag, "AttributeProto.i");
                case 4 -> {
                    expect(tag, LENGTH, "AttributeProto.s");
                    s = in.readByteArray();
                }
                case 5 -> {
                    int old = enter(tag, "AttributeProto.t");
                    t = tensor();
                    in.popLimit(old);
                }
                case 6, 11 -> {
                    expect(tag, LENGTH, "AttributeProto.g");
                    graphs++;
                    in.skipField(tag);
                }
                case 7 -> floats(tag, floats, "AttributeProto.floats");
                case 8 -> varints(tag, ints, "AttributeProto.ints");
                case 9 -> {
                    expect(tag, LENGTH, "AttributeProto.strings");
                    strings.add(in.readByteArray());
                }
                case 20 -> type = (int) varint(tag, "AttributeProto.type");
                case 21 -> ref = string(tag, "AttributeProto.ref_attr_name");
                default -> in.skipField(tag);
            }
        }
        return new AttributeMessage(name, type, f, i, s, t, floats.toArray(), ints.toArray(), List.copyOf(strings),
                graphs, ref);
    }

    private TensorMessage tensor() throws IOException, MalformedProtoException {
        LongBuffer dims = new LongBuffer();
        int dataType = 0;
        FloatBuffer floatData = new FloatBuffer();
        LongBuffer int32Data = new LongBuffer();
        LongBuffer int64Data = new LongBuffer();
        DoubleBuffer doubleData = new DoubleBuffer();
        LongBuffer uint64Data = new LongBuffer();
        byte[] raw = null;
        String name = "";
        int strings = 0;
        boolean external = false;
        boolean segmented = false;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> varints(tag, dims, "TensorProto.dims");
                case 2 -> dataType = (int) varint(tag, "TensorProto.data_type");
                case 3 -> {
                    expect(tag, LENGTH, "TensorProto.segment");
                    segmented = true;
                    in.skipField(tag);
                }
                case 4 -> floats(tag, floatData, "TensorProto.float_data");
                case 5 -> varints(tag, int32Data, "TensorProto.int32_data");
                case 6 -> {
                    expect(tag, LENGTH, "TensorProto.string_data");
                    strings++;
                    in.skipField(tag);
                }
                case 7 -> varints(tag, int64Data, "TensorProto.int64_data");
                case 8 -> name = string(tag, "TensorProto.name");
                case 9 -> {
                    expect(tag, LENGTH, "TensorProto.raw_data");
                    raw = in.readByteArray();
                }
                case 10 -> doubles(tag, doubleData, "TensorProto.double_data");
                case 11 -> varints(tag, uint64Data, "TensorProto.uint64_data");
                case 13 -> {
                    expect(tag, LENGTH, "TensorProto.external_data");
                    external = true;
                    in.skipField(tag);
                }
                case 14 -> external |= varint(tag, "TensorProto.data_location") == 1;
                default -> in.skipField(tag);
            }
        }
        long[] int32Wide = int32Data.toArray();
        int[] int32 = new int[int32Wide.length];
        for (int k = 0; k < int32.length; k++) {
            int32[k] = (int) int32Wide[k];
        }
        return new TensorMessage(name, dims.toArray(), dataType, floatData.toArray(), int32, int64Data.toArray(),
                doubleData.toArray(), uint64Data.toArray(), raw, strings, external, segmented);
    }

    private ValueInfoMessage valueInfoField(int tag, String field) throws IOException, MalformedProtoException {
        int old = enter(tag, field);
        String name = "";
        boolean tensorType = false;
        int elemType = 0;
        List<ValueInfoMessage.Dim> dims = null;
        int t;
        while ((t = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(t)) {
                case 1 -> name = string(t, "ValueInfoProto.name");
                case 2 -> {
                    int typeLimit = enter(t, "ValueInfoProto.type");
                    int u;
                    while ((u = in.readTag()) != 0) {
                        if (WireFormat.getTagFieldNumber(u) == 1) {
                            tensorType = true;
                            int tensorLimit = enter(u, "TypeProto.tensor_type");
                            int v;
                            while ((v = in.readTag()) != 0) {
                                switch (WireFormat.getTagFieldNumber(v)) {
                                    case 1 -> elemType = (int) varint(v, "TypeProto.Tensor.elem_type");
                                    case 2 -> dims = shape(v);
                                    default -> in.skipField(v);
                                }
                            }
                            in.popLimit(tensorLimit);
                        } else {
                            in.skipField(u);
                        }
                    }
                    in.popLimit(typeLimit);
                }
                default -> in.skipField(t);
            }
        }
        in.popLimit(old);
        return new ValueInfoMessage(name, tensorType, elemType, dims == null ? null : List.copyOf(dims));
    }

    private List<ValueInfoMessage.Dim> shape(int tag) throws IOException, MalformedProtoException {
        int old = enter(tag, "TypeProto.Tensor.shape");
        List<ValueInfoMessage.Dim> dims = new ArrayList<>();
        int t;
        while ((t = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(t) != 1) {
                in.skipField(t);
                continue;
            }
            int dimLimit = enter(t, "TensorShapeProto.dim");
            long value = 0;
            boolean hasValue = false;
            String param = "";
            int u;
            while ((u = in.readTag()) != 0) {
                switch (WireFormat.getTagFieldNumber(u)) {
                    case 1 -> {
                        value = varint(u, "Dimension.dim_value");
                        hasValue = true;
                    }
                    case 2 -> param = string(u, "Dimension.dim_param");
                    default -> in.skipField(u);
                }
            }
            in.popLimit(dimLimit);
            dims.add(new ValueInfoMessage.Dim(value, hasValue, param));
        }
        in.popLimit(old);
        return dims;
    }

    // ---- field helpers: each checks the wire type, and every length against the bytes left.

    private int enter(int tag, String field) throws IOException, MalformedProtoException {
        expect(tag, LENGTH, field);
        int length = in.readRawVarint32();
        checkLength(length, field);
        return in.pushLimit(length);
    }

    private void checkLength(int length, String field) throws MalformedProtoException {
        int left = in.getBytesUntilLimit();
        if (length < 0 || length > left) {
            throw new MalformedProtoException("truncated or corrupt file: " + field + " declares " + length
                    + " bytes but only " + left + " remain");
        }
    }

    private void expect(int tag, int wireType, String field) throws MalformedProtoException {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new MalformedProtoException("corrupt file: " + field + " has wire type "
                    + WireFormat.getTagWireType(tag) + ", expected " + wireType);
        }
    }

    private long varint(int tag, String field) throws IOException, MalformedProtoException {
        expect(tag, VARINT, field);
        return in.readInt64();
    }

    private String string(int tag, String field) throws IOException, MalformedProtoException {
        expect(tag, LENGTH, field);
        return in.readString();
    }

    private void varints(int tag, LongBuffer out, String field) throws IOException, MalformedProtoException {
        switch (WireFormat.getTagWireType(tag)) {
            case VARINT -> out.add(in.readInt64());
            case LENGTH -> {
                int length = in.readRawVarint32();
                checkLength(length, field);
                int old = in.pushLimit(length);
                while (!in.isAtEnd()) {
                    out.add(in.readInt64());
                }
                in.popLimit(old);
            }
            default -> expect(tag, VARINT, field);
        }
    }

    private void floats(int tag, FloatBuffer out, String field) throws IOException, MalformedProtoException {
        switch (WireFormat.getTagWireType(tag)) {
            case FIXED32 -> out.add(in.readFloat());
            case LENGTH -> {
                int length = in.readRawVarint32();
                checkLength(length, field);
                if (length % Float.BYTES != 0) {
                    throw new MalformedProtoException("corrupt file: packed " + field + " of " + length + " bytes");
                }
                out.reserve(length / Float.BYTES);
                for (int k = 0; k < length / Float.BYTES; k++) {
                    out.add(in.readFloat());
                }
            }
            default -> expect(tag, FIXED32, field);
        }
    }

    private void doubles(int tag, DoubleBuffer out, String field) throws IOException, MalformedProtoException {
        switch (WireFormat.getTagWireType(tag)) {
            case FIXED64 -> out.add(in.readDouble());
            case LENGTH -> {
                int length = in.readRawVarint32();
                checkLength(length, field);
                if (length % Double.BYTES != 0) {
                    throw new MalformedProtoException("corrupt file: packed " + field + " of " + length + " bytes");
                }
                out.reserve(length / Double.BYTES);
                for (int k = 0; k < length / Double.BYTES; k++) {
                    out.add(in.readDouble());
                }
            }
            default -> expect(tag, FIXED64, field);
        }
    }

    private static final class LongBuffer {
        private long[] values = new long[4];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class FloatBuffer {
        private float[] values = new float[4];
        private int size;

        void reserve(int more) {
            if (size + more > values.length) {
                values = Arrays.copyOf(values, size + more);
            }
        }

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class DoubleBuffer {
        private double[] values = new double[4];
        private int size;

        void reserve(int more) {
            if (size + more > values.length) {
                values = Arrays.copyOf(values, size + more);
            }
        }

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
