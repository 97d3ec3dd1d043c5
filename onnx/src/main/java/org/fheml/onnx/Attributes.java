package org.fheml.onnx;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.fheml.onnx.proto.AttributeMessage;
import org.fheml.onnx.proto.NodeMessage;

/**
 * A node's attributes, read by name with their ONNX defaults. Every attribute must be read (or explicitly ignored)
 * by the op's importer: {@link #finish()} refuses the rest, so an attribute fheml does not understand is never
 * silently dropped.
 */
final class Attributes {

    private final String nodeName;
    private final String opType;
    private final Map<String, AttributeMessage> byName = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    Attributes(String nodeName, NodeMessage node) {
        this.nodeName = nodeName;
        this.opType = node.opType();
        for (AttributeMessage a : node.attributes()) {
            if (!a.refAttrName().isEmpty()) {
                throw new UnsupportedOnnxException(nodeName, opType, "attribute '" + a.name()
                        + "' refers to a function attribute");
            }
            if (a.graphCount() > 0 || a.type() == 5 || a.type() == 10) {
                throw new UnsupportedOnnxException(nodeName, opType, "control flow (attribute '" + a.name()
                        + "' holds a subgraph)");
            }
            byName.put(a.name(), a);
        }
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    long integer(String name, long defaultValue) {
        AttributeMessage a = get(name, AttributeMessage.INT);
        return a == null ? defaultValue : a.i();
    }

    double real(String name, double defaultValue) {
        AttributeMessage a = get(name, AttributeMessage.FLOAT);
        return a == null ? defaultValue : a.f();
    }

    String string(String name, String defaultValue) {
        AttributeMessage a = get(name, AttributeMessage.STRING);
        return a == null ? defaultValue : new String(a.s(), StandardCharsets.UTF_8);
    }

    long[] integers(String name) {
        AttributeMessage a = get(name, AttributeMessage.INTS);
        return a == null ? null : a.ints();
    }

    float[] reals(String name) {
        AttributeMessage a = get(name, AttributeMessage.FLOATS);
        return a == null ? null : a.floats();
    }

    Tensor tensor(String name) {
        AttributeMessage a = get(name, AttributeMessage.TENSOR);
        if (a == null) {
            return null;
        }
        if (a.t() == null) {
            throw new OnnxFormatException(UnsupportedOnnxException.where(nodeName, opType) + ": attribute '" + name
                    + "' has no tensor");
        }
        return TensorDecoding.decode(a.t(), nodeName);
    }

    /** Marks attributes that do not change inference results (seeds, training momentum). */
    void ignore(String... names) {
        read.addAll(Set.of(names));
    }

    void finish() {
        for (String name : byName.keySet()) {
            if (!read.contains(name)) {
                throw new UnsupportedOnnxException(nodeName, opType, "attribute '" + name + "' is not supported");
            }
        }
    }

    private AttributeMessage get(String name, int type) {
        read.add(name);
        AttributeMessage a = byName.get(name);
        if (a != null && a.type() != type && a.type() != 0) {
            throw new OnnxFormatException(UnsupportedOnnxException.where(nodeName, opType) + ": attribute '" + name
                    + "' has attribute type " + a.type() + ", expected " + type);
        }
        return a;
    }
}
