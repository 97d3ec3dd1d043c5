package org.fheml.compilation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.LeveledParameters;

/**
 * The bytes a server needs to run a circuit: its parameters, its nodes in evaluation order (op, operands, shape,
 * bounds) and, for every encrypted lookup, the torus tables the client computed, so that the server never needs
 * the functions the program was written with. No key is part of it.
 */
final class CircuitSpecification {

    private static final byte[] MAGIC = {'F', 'H', 'E', 'M', 'L', 'C'};
    private static final int FORMAT_VERSION = 1;
    private static final int MAX_NODES = 1 << 20;
    private static final int MAX_ELEMENTS = 1 << 24;

    private CircuitSpecification() {
    }

    /** What a server rebuilds from a specification. */
    record Loaded(Graph graph, CircuitParameters parameters, Map<Node, long[][]> tables) {
    }

    static byte[] write(Graph graph, CircuitParameters parameters) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeShort(FORMAT_VERSION);
            writeParameters(out, parameters);
            List<Node> nodes = graph.nodes();
            Map<Node, Integer> index = new IdentityHashMap<>();
            out.writeInt(nodes.size());
            for (Node node : nodes) {
                index.put(node, index.size());
                writeNode(out, graph, node, index, parameters);
            }
            writeIndices(out, graph.inputs(), index);
            writeIndices(out, graph.outputs(), index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static Loaded read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CompilationException("Not an fheml circuit specification.");
            }
            int version = in.readUnsignedShort();
            if (version != FORMAT_VERSION) {
                throw new CompilationException("Circuit specification format " + version + " is not the version "
                        + FORMAT_VERSION + " this fheml reads.");
            }
            CircuitParameters parameters = readParameters(in);
            int count = bounded(in.readInt(), MAX_NODES, "node count");
            List<Node> nodes = new ArrayList<>();
            Map<Node, Bounds> bounds = new IdentityHashMap<>();
            Map<Node, long[][]> tables = new HashMap<>();
            for (int i = 0; i < count; i++) {
                readNode(in, nodes, bounds, tables);
            }
            List<Node> inputs = readIndices(in, nodes);
            List<Node> outputs = readIndices(in, nodes);
            if (in.available() > 0) {
                throw new CompilationException("The circuit specification has unexpected bytes after its end.");
            }
            return new Loaded(new Graph(inputs, outputs, bounds, new IdentityHashMap<>()), parameters, tables);
        } catch (EOFException e) {
            throw new CompilationException("The circuit specification is truncated.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- parameters ----------------------------------------------------------------------------------------------

    private static void writeParameters(DataOutputStream out, CircuitParameters parameters) throws IOException {
        switch (parameters) {
            case CircuitParameters.Leveled l -> {
                out.writeByte(0);
                out.writeInt(l.encodingBits());
                LeveledParameters p = l.lwe();
                out.writeInt(p.precision());
                out.writeInt(p.lweDimension());
                out.writeDouble(p.lweNoiseStd());
                out.writeDouble(p.norm2());
                out.writeDouble(p.log2PError());
                out.writeDouble(p.securityBits());
                out.writeLong(p.ciphertextBytes());
            }
            case CircuitParameters.Bootstrapped b -> {
                out.writeByte(1);
                out.writeInt(b.encodingBits());
                out.writeInt(b.pbsPrecision());
                out.writeLong(b.bootstrapCount());
                BootstrapParameters p = b.pbs();
                for (int v : new int[] {p.precision(), p.lweDimension(), p.glweDimension(), p.polynomialSize(),
                        p.pbsBaseLog(), p.pbsLevel(), p.ksBaseLog(), p.ksLevel()}) {
                    out.writeInt(v);
                }
                for (double v : new double[] {p.lweNoiseStd(), p.glweNoiseStd(), p.norm2(), p.log2PError(),
                        p.securityBits(), p.cost()}) {
                    out.writeDouble(v);
                }
                out.writeBoolean(p.centeredModulusSwitch());
                out.writeLong(p.bootstrapKeyBytes());
                out.writeLong(p.keyswitchKeyBytes());
            }
        }
    }

    private static CircuitParameters readParameters(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        int encodingBits = in.readInt();
        if (kind == 0) {
            return new CircuitParameters.Leveled(encodingBits, new LeveledParameters(in.readInt(), in.readInt(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readLong()));
        }
        if (kind != 1) {
            throw new CompilationException("Unknown circuit parameters kind " + kind + ".");
        }
        int pbsPrecision = in.readInt();
        long count = in.readLong();
        int[] ints = new int[8];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = in.readInt();
        }
        double[] doubles = new double[6];
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = in.readDouble();
        }
        BootstrapParameters pbs = new BootstrapParameters(ints[0], ints[1], ints[2], ints[3], doubles[0], doubles[1],
                ints[4], ints[5], ints[6], ints[7], in.readBoolean(), doubles[2], doubles[3], doubles[4], doubles[5],
                in.readLong(), in.readLong());
        return new CircuitParameters.Bootstrapped(encodingBits, pbsPrecision, count, pbs);
    }

    // ---- nodes ---------------------------------------------------------------------------------------------------

    private static void writeNode(DataOutputStream out, Graph graph, Node node, Map<Node, Integer> index,
            CircuitParameters parameters) throws IOException {
        out.writeByte(tag(node.op()));
        out.writeBoolean(node.isEncrypted());
        writeInts(out, node.shape().dims());
        out.writeInt(node.operands().size());
        for (Node operand : node.operands()) {
            out.writeInt(index.get(operand));
        }
        Bounds bounds = graph.bounds(node);
        writeLongs(out, bounds.lower().toArray());
        writeLongs(out, bounds.upper().toArray());
        switch (node.op()) {
            case Op.Input input -> {
                out.writeUTF(input.name());
                out.writeInt(input.position());
            }
            case Op.Constant constant -> writeLongs(out, constant.value().toArray());
            case Op.Add add -> { }
            case Op.Subtract subtract -> { }
            case Op.Negate negate -> { }
            case Op.Multiply multiply -> { }
            case Op.MatMul matmul -> out.writeBoolean(matmul.printedAsDot());
            case Op.Sum sum -> out.writeInt(sum.axis() == null ? -1 : sum.axis());
            case Op.Reshape reshape -> writeInts(out, reshape.shape().dims());
            case Op.Transpose transpose -> writeInts(out, transpose.axes());
            case Op.Slice slice -> {
                writeInts(out, slice.start());
                writeInts(out, slice.stop());
                writeInts(out, slice.step());
            }
            case Op.Index op -> out.writeInt(op.index());
            case Op.Concatenate concatenate -> out.writeInt(concatenate.axis());
            case Op.Lookup lookup -> {
                out.writeLong(lookup.table().offset());
                out.writeInt(lookup.table().values().length);
                for (long[] table : lookup.table().values()) {
                    writeLongs(out, table);
                }
            }
            case Op.Apply apply -> {
                if (!node.isEncrypted()) {
                    throw new CompilationException("%" + graph.position(node) + " = " + GraphPrinter.expression(graph, node)
                            + " applies a Java function to a clear value at run time, which a server cannot do from "
                            + "bytes: use a lookup table, or compute it before the circuit.");
                }
                out.writeUTF(apply.name());
            }
            case Op.RoundBitPattern round -> {
                out.writeInt(round.lsbs());
                out.writeBoolean(round.exactness() == Exactness.EXACT);
            }
            case Op.TruncateBitPattern truncate -> out.writeInt(truncate.lsbs());
            case Op.AssumeRange assumed -> {
                writeLongs(out, assumed.lower().toArray());
                writeLongs(out, assumed.upper().toArray());
            }
        }
        boolean tables = parameters instanceof CircuitParameters.Bootstrapped && LookupLowering.isLookup(node);
        out.writeBoolean(tables);
        if (tables) {
            long[][] torus = CiphertextEvaluator.torusTables(graph, node, (CircuitParameters.Bootstrapped) parameters);
            out.writeInt(torus.length);
            for (int e = 0; e < torus.length; e++) {
                boolean repeated = e > 0 && torus[e] == torus[e - 1];
                out.writeBoolean(repeated);
                if (!repeated) {
                    writeLongs(out, torus[e]);
                }
            }
        }
    }

    private static void readNode(DataInputStream in, List<Node> nodes, Map<Node, Bounds> bounds,
            Map<Node, long[][]> tables) throws IOException {
        int tag = in.readUnsignedByte();
        boolean encrypted = in.readBoolean();
        Shape shape = Shape.of(readInts(in));
        int operandCount = bounded(in.readInt(), 1 << 16, "operand count");
        List<Node> operands = new ArrayList<>();
        for (int i = 0; i < operandCount; i++) {
            int operand = in.readInt();
            if (operand < 0 || operand >= nodes.size()) {
                throw new CompilationException("Node " + nodes.size() + " reads node " + operand
                        + ", which does not come before it: the specification is damaged.");
            }
            operands.add(nodes.get(operand));
        }
        LongTensor lower = LongTensor.of(shape, readLongs(in));
        LongTensor upper = LongTensor.of(shape, readLongs(in));
        Op op = switch (tag) {
            case 0 -> new Op.Input(in.readUTF(), in.readInt(), encrypted ? Encryption.ENCRYPTED : Encryption.CLEAR);
            case 1 -> new Op.Constant(LongTensor.of(shape, readLongs(in)));
            case 2 -> new Op.Add();
            case 3 -> new Op.Subtract();
            case 4 -> new Op.Negate();
            case 5 -> new Op.Multiply();
            case 6 -> new Op.MatMul(in.readBoolean());
            case 7 -> {
                int axis = in.readInt();
                yield new Op.Sum(axis < 0 ? null : axis);
            }
            case 8 -> new Op.Reshape(Shape.of(readInts(in)));
            case 9 -> new Op.Transpose(readInts(in));
            case 10 -> new Op.Slice(readInts(in), readInts(in), readInts(in));
            case 11 -> new Op.Index(in.readInt());
            case 12 -> new Op.Concatenate(in.readInt());
            case 13 -> {
                long offset = in.readLong();
                long[][] values = new long[bounded(in.readInt(), MAX_ELEMENTS, "table count")][];
                for (int i = 0; i < values.length; i++) {
                    values[i] = readLongs(in);
                }
                yield new Op.Lookup(new LookupTable(offset, values));
            }
            case 14 -> {
                String name = in.readUTF();
                yield new Op.Apply(name, v -> {
                    throw new IllegalStateException(name + " was tabulated by the client; the server reads its tables");
                });
            }
            case 15 -> new Op.RoundBitPattern(in.readInt(), in.readBoolean() ? Exactness.EXACT : Exactness.APPROXIMATE);
            case 16 -> new Op.TruncateBitPattern(in.readInt());
            case 17 -> new Op.AssumeRange(LongTensor.of(shape, readLongs(in)), LongTensor.of(shape, readLongs(in)));
            default -> throw new CompilationException("Unknown op " + tag + " in the circuit specification.");
        };
        Node node = new Node(op, operands, shape, encrypted);
        nodes.add(node);
        bounds.put(node, new Bounds(lower, upper));
        if (in.readBoolean()) {
            long[][] torus = new long[bounded(in.readInt(), MAX_ELEMENTS, "table count")][];
            for (int e = 0; e < torus.length; e++) {
                torus[e] = in.readBoolean() && e > 0 ? torus[e - 1] : readLongs(in);
            }
            tables.put(node, torus);
        }
    }

    private static int tag(Op op) {
        return switch (op) {
            case Op.Input o -> 0;
            case Op.Constant o -> 1;
            case Op.Add o -> 2;
            case Op.Subtract o -> 3;
            case Op.Negate o -> 4;
            case Op.Multiply o -> 5;
            case Op.MatMul o -> 6;
            case Op.Sum o -> 7;
            case Op.Reshape o -> 8;
            case Op.Transpose o -> 9;
            case Op.Slice o -> 10;
            case Op.Index o -> 11;
            case Op.Concatenate o -> 12;
            case Op.Lookup o -> 13;
            case Op.Apply o -> 14;
            case Op.RoundBitPattern o -> 15;
            case Op.TruncateBitPattern o -> 16;
            case Op.AssumeRange o -> 17;
        };
    }

    // ---- primitives ----------------------------------------------------------------------------------------------

    private static void writeIndices(DataOutputStream out, List<Node> nodes, Map<Node, Integer> index)
            throws IOException {
        out.writeInt(nodes.size());
        for (Node node : nodes) {
            out.writeInt(index.get(node));
        }
    }

    private static List<Node> readIndices(DataInputStream in, List<Node> nodes) throws IOException {
        int count = bounded(in.readInt(), nodes.size(), "index count");
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = in.readInt();
            if (at < 0 || at >= nodes.size()) {
                throw new CompilationException("The circuit specification names node " + at + " of " + nodes.size() + ".");
            }
            out.add(nodes.get(at));
        }
        return out;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[bounded(in.readInt(), 64, "rank")];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        int length = bounded(in.readInt(), MAX_ELEMENTS, "array length");
        if (8L * length > in.available()) {
            throw new CompilationException("The circuit specification announces " + length + " values but holds "
                    + in.available() / 8 + ": it is truncated or forged.");
        }
        long[] values = new long[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    private static int bounded(int value, int max, String what) {
        if (value < 0 || value > max) {
            throw new CompilationException("The circuit specification's " + what + " is " + value + ", outside 0.."
                    + max + ": it is damaged.");
        }
        return value;
    }
}
