package org.fheml.compilation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.LeveledParameters;
import org.fheml.tfhe.serialization.ArtifactReader;
import org.fheml.tfhe.serialization.ArtifactType;
import org.fheml.tfhe.serialization.ArtifactWriter;

/**
 * The bytes a server needs to run a circuit, a {@link ArtifactType#CIRCUIT_SPECIFICATION} artifact: its parameters,
 * its nodes in evaluation order (op, operands, shape, bounds) and, for every encrypted lookup, the torus tables the
 * client computed, so that the server never needs the functions the program was written with. No key is part of
 * it. When lookups share many-LUT bootstraps, a last section lists them ({@link ManyLutFusion}), so that the server
 * runs the bootstraps the client's circuit counted. Reading checks every size against the bytes left and every node against its operands (arity, shapes,
 * encryption, tables), so that a damaged or forged specification is refused when it is loaded.
 */
final class CircuitSpecification {

    private static final int MAX_NODES = 1 << 20;
    private static final int MAX_ELEMENTS = 1 << 24;
    private static final int MAX_RANK = 64;
    private static final int MAX_OPERANDS = 1 << 16;
    private static final int MAX_NAME_BYTES = 1024;

    private CircuitSpecification() {
    }

    /** What a server rebuilds from a specification. */
    record Loaded(Graph graph, CircuitParameters parameters, Map<Node, long[][]> tables, ManyLutFusion manyLut) {
    }

    static byte[] write(Graph graph, CircuitParameters parameters) {
        return writer(graph, parameters).toBytes();
    }

    static byte[] write(Graph graph, CircuitParameters parameters, ManyLutFusion manyLut) {
        return writer(graph, parameters, manyLut).toBytes();
    }

    /** The writer holding the specification, which knows where its sizes are. */
    static ArtifactWriter writer(Graph graph, CircuitParameters parameters) {
        return writer(graph, parameters, ManyLutFusion.NONE);
    }

    static ArtifactWriter writer(Graph graph, CircuitParameters parameters, ManyLutFusion manyLut) {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.CIRCUIT_SPECIFICATION);
        writeParameters(out, parameters);
        List<Node> nodes = graph.nodes();
        Map<Node, Integer> index = new IdentityHashMap<>();
        out.writeSize(nodes.size());
        for (Node node : nodes) {
            index.put(node, index.size());
            writeNode(out, graph, node, index, parameters);
        }
        writeIndices(out, graph.inputs(), index);
        writeIndices(out, graph.outputs(), index);
        if (!manyLut.isEmpty()) {
            writeManyLut(out, manyLut, index);
        }
        return out;
    }

    static Loaded read(byte[] bytes) {
        return ArtifactReader.read(bytes, ArtifactType.CIRCUIT_SPECIFICATION, in -> {
            CircuitParameters parameters = readParameters(in);
            int count = in.readSize(MAX_NODES, 8, "node count");
            List<Node> nodes = new ArrayList<>();
            Map<Node, Bounds> bounds = new IdentityHashMap<>();
            Map<Node, long[][]> tables = new HashMap<>();
            for (int i = 0; i < count; i++) {
                readNode(in, nodes, bounds, tables, parameters);
            }
            List<Node> inputs = readIndices(in, nodes, "input");
            List<Node> outputs = readIndices(in, nodes, "output");
            for (int i = 0; i < inputs.size(); i++) {
                if (!(inputs.get(i).op() instanceof Op.Input input) || input.position() != i) {
                    throw in.error("names node " + nodes.indexOf(inputs.get(i)) + " as argument " + i
                            + ", which is not that input: it is damaged.");
                }
            }
            if (inputs.size() != nodes.stream().filter(n -> n.op() instanceof Op.Input).count()) {
                throw in.error("lists " + inputs.size() + " arguments but holds another number of inputs: it is "
                        + "damaged.");
            }
            if (outputs.isEmpty()) {
                throw in.error("has no output: it is damaged.");
            }
            Graph graph = new Graph(inputs, outputs, bounds, new IdentityHashMap<>());
            CircuitParameters numbered = renumbered(in, parameters, nodes, graph);
            ManyLutFusion manyLut = in.remaining() > 0 ? readManyLut(in, graph, nodes, numbered) : ManyLutFusion.NONE;
            return new Loaded(graph, numbered, tables, manyLut);
        });
    }

    /**
     * The parameters with each partition's nodes named by their position in the rebuilt graph, which may order the
     * nodes otherwise than the specification (which names them by their order in it).
     */
    private static CircuitParameters renumbered(ArtifactReader in, CircuitParameters parameters, List<Node> nodes,
            Graph graph) {
        if (!(parameters instanceof CircuitParameters.Bootstrapped b) || !b.partitioned()) {
            return parameters;
        }
        List<CircuitParameters.Partition> partitions = new ArrayList<>();
        for (CircuitParameters.Partition partition : b.partitions()) {
            int[] positions = partition.nodes();
            for (int i = 0; i < positions.length; i++) {
                if (positions[i] >= nodes.size()) {
                    throw in.error("names node " + positions[i] + " of " + nodes.size() + " in a partition: it is "
                            + "damaged.");
                }
                positions[i] = graph.position(nodes.get(positions[i]));
            }
            partitions.add(new CircuitParameters.Partition(partition.precision(), partition.bootstrapCount(),
                    partition.pbs(), positions));
        }
        return new CircuitParameters.Bootstrapped(b.encodingBits(), b.pbsPrecision(), b.bootstrapCount(), b.pbs(),
                partitions);
    }

    // ---- parameters ----------------------------------------------------------------------------------------------

    /** The parameters as an artifact of their own: what a key-set id digests. */
    static byte[] parameterBytes(CircuitParameters parameters) {
        ArtifactWriter out = ArtifactWriter.of(ArtifactType.CIRCUIT_SPECIFICATION);
        writeParameters(out, parameters);
        return out.toBytes();
    }

    static void writeParameters(ArtifactWriter out, CircuitParameters parameters) {
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
                // Kind 2 (partitioned) is unknown to readers before multi-parameter circuits, which refuse it.
                out.writeByte(b.partitioned() ? 2 : 1);
                out.writeInt(b.encodingBits());
                out.writeInt(b.pbsPrecision());
                out.writeLong(b.bootstrapCount());
                writeBootstrap(out, b.pbs());
                if (b.partitioned()) {
                    out.writeSize(b.partitions().size());
                    for (CircuitParameters.Partition partition : b.partitions()) {
                        out.writeInt(partition.precision());
                        out.writeLong(partition.bootstrapCount());
                        writeBootstrap(out, partition.pbs());
                        writeInts(out, partition.nodes());
                    }
                }
            }
        }
    }

    private static void writeBootstrap(ArtifactWriter out, BootstrapParameters p) {
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

    static CircuitParameters readParameters(ArtifactReader in) {
        int kind = in.readUnsignedByte();
        int encodingBits = in.readInt(1, 63, "encoding width");
        if (kind == 0) {
            int precision = in.readInt(0, 63, "precision");
            int dimension = in.readInt(1, 1 << 20, "LWE dimension");
            return new CircuitParameters.Leveled(encodingBits, new LeveledParameters(precision, dimension,
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readLong()));
        }
        if (kind != 1 && kind != 2) {
            throw in.error("has an unknown parameters kind " + kind + ": it is damaged or newer than this fheml.");
        }
        int pbsPrecision = in.readInt(1, 16, "bootstrap precision");
        long count = in.readLong();
        BootstrapParameters pbs = readBootstrap(in);
        if (kind == 1) {
            return new CircuitParameters.Bootstrapped(encodingBits, pbsPrecision, count, pbs);
        }
        int partitionCount = in.readSize(64, 8, "partition count");
        List<CircuitParameters.Partition> partitions = new ArrayList<>();
        for (int i = 0; i < partitionCount; i++) {
            int precision = in.readInt(1, 16, "partition precision");
            long bootstraps = in.readLong();
            BootstrapParameters parameters = readBootstrap(in);
            partitions.add(new CircuitParameters.Partition(precision, bootstraps, parameters,
                    readInts(in, MAX_NODES, "partition nodes")));
        }
        try {
            return new CircuitParameters.Bootstrapped(encodingBits, pbsPrecision, count, pbs, partitions);
        } catch (IllegalArgumentException e) {
            throw in.error("has partitions that do not fit together (" + e.getMessage() + "): it is damaged.");
        }
    }

    private static BootstrapParameters readBootstrap(ArtifactReader in) {
        int[] ints = new int[8];
        String[] names = {"precision", "LWE dimension", "GLWE dimension", "polynomial size", "bootstrap base log",
                "bootstrap levels", "keyswitch base log", "keyswitch levels"};
        int[] max = {63, 1 << 15, 16, 1 << 17, 64, 64, 64, 64};
        for (int i = 0; i < ints.length; i++) {
            ints[i] = in.readInt(0, max[i], names[i]);
        }
        double[] doubles = new double[6];
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = in.readDouble();
        }
        BootstrapParameters pbs = new BootstrapParameters(ints[0], ints[1], ints[2], ints[3], doubles[0], doubles[1],
                ints[4], ints[5], ints[6], ints[7], in.readBoolean("centered modulus switch"), doubles[2], doubles[3],
                doubles[4], doubles[5], in.readLong(), in.readLong());
        pbs.toTfheParameters();
        return pbs;
    }

    // ---- nodes ---------------------------------------------------------------------------------------------------

    private static void writeNode(ArtifactWriter out, Graph graph, Node node, Map<Node, Integer> index,
            CircuitParameters parameters) {
        out.writeByte(OpTag.of(node.op()).ordinal());
        out.writeBoolean(node.isEncrypted());
        writeInts(out, node.shape().dims());
        out.writeSize(node.operands().size());
        for (Node operand : node.operands()) {
            out.writeInt(index.get(operand));
        }
        Bounds bounds = graph.bounds(node);
        out.writeLongArray(bounds.lower().toArray());
        out.writeLongArray(bounds.upper().toArray());
        switch (node.op()) {
            case Op.Input input -> {
                out.writeString(input.name(), MAX_NAME_BYTES);
                out.writeInt(input.position());
            }
            case Op.Constant constant -> out.writeLongArray(constant.value().toArray());
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
                out.writeSize(lookup.table().values().length);
                for (long[] table : lookup.table().values()) {
                    out.writeLongArray(table);
                }
            }
            case Op.Apply apply -> {
                if (!node.isEncrypted()) {
                    throw new CompilationException("%" + graph.position(node) + " = " + GraphPrinter.expression(graph, node)
                            + " applies a Java function to a clear value at run time, which a server cannot do from "
                            + "bytes: use a lookup table, or compute it before the circuit.");
                }
                out.writeString(apply.name(), MAX_NAME_BYTES);
            }
            case Op.RoundBitPattern round -> {
                out.writeInt(round.lsbs());
                out.writeBoolean(round.exactness() == Exactness.EXACT);
            }
            case Op.TruncateBitPattern truncate -> out.writeInt(truncate.lsbs());
            case Op.AssumeRange assumed -> {
                out.writeLongArray(assumed.lower().toArray());
                out.writeLongArray(assumed.upper().toArray());
            }
        }
        boolean tables = parameters instanceof CircuitParameters.Bootstrapped && LookupLowering.isLookup(node);
        out.writeBoolean(tables);
        if (tables) {
            long[][] torus = CiphertextEvaluator.torusTables(graph, node, (CircuitParameters.Bootstrapped) parameters);
            out.writeSize(torus.length);
            for (int e = 0; e < torus.length; e++) {
                boolean repeated = e > 0 && torus[e] == torus[e - 1];
                out.writeBoolean(repeated);
                if (!repeated) {
                    out.writeLongArray(torus[e]);
                }
            }
        }
    }

    private static void readNode(ArtifactReader in, List<Node> nodes, Map<Node, Bounds> bounds,
            Map<Node, long[][]> tables, CircuitParameters parameters) {
        int position = nodes.size();
        int tagNumber = in.readUnsignedByte();
        OpTag tag = OpTag.ofOrdinal(tagNumber);
        if (tag == null) {
            throw in.error("has an unknown op " + tagNumber + " at node " + position + ": it is damaged or newer "
                    + "than this fheml.");
        }
        boolean encrypted = in.readBoolean("encryption flag");
        Shape shape = Shape.of(readInts(in));
        int operandCount = in.readSize(MAX_OPERANDS, 4, "operand count");
        List<Node> operands = new ArrayList<>();
        for (int i = 0; i < operandCount; i++) {
            int operand = in.readInt();
            if (operand < 0 || operand >= position) {
                throw in.error("has node " + position + " read node " + operand
                        + ", which does not come before it: it is damaged.");
            }
            operands.add(nodes.get(operand));
        }
        LongTensor lower = LongTensor.of(shape, in.readLongArray(MAX_ELEMENTS, "lower bounds"));
        LongTensor upper = LongTensor.of(shape, in.readLongArray(MAX_ELEMENTS, "upper bounds"));
        Op op = switch (tag) {
            case INPUT -> new Op.Input(in.readString(MAX_NAME_BYTES, "input name"), in.readInt(0, MAX_OPERANDS,
                    "argument position"), encrypted ? Encryption.ENCRYPTED : Encryption.CLEAR);
            case CONSTANT -> new Op.Constant(LongTensor.of(shape, in.readLongArray(MAX_ELEMENTS, "constant")));
            case ADD -> new Op.Add();
            case SUBTRACT -> new Op.Subtract();
            case NEGATE -> new Op.Negate();
            case MULTIPLY -> new Op.Multiply();
            case MAT_MUL -> new Op.MatMul(in.readBoolean("dot flag"));
            case SUM -> {
                int axis = in.readInt(-1, MAX_RANK, "sum axis");
                yield new Op.Sum(axis < 0 ? null : axis);
            }
            case RESHAPE -> new Op.Reshape(Shape.of(readInts(in)));
            case TRANSPOSE -> new Op.Transpose(readInts(in));
            case SLICE -> new Op.Slice(readInts(in), readInts(in), readInts(in));
            case INDEX -> new Op.Index(in.readInt());
            case CONCATENATE -> new Op.Concatenate(in.readInt(0, MAX_RANK, "concatenation axis"));
            case LOOKUP -> {
                long offset = in.readLong();
                long[][] values = new long[in.readSize(MAX_ELEMENTS, 4, "table count")][];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readLongArray(MAX_ELEMENTS, "lookup table");
                }
                yield new Op.Lookup(new LookupTable(offset, values));
            }
            case APPLY -> {
                String name = in.readString(MAX_NAME_BYTES, "function name");
                yield new Op.Apply(name, v -> {
                    throw new IllegalStateException(name + " was tabulated by the client; the server reads its tables");
                });
            }
            case ROUND_BIT_PATTERN -> new Op.RoundBitPattern(in.readInt(0, 62, "rounded bits"),
                    in.readBoolean("exactness") ? Exactness.EXACT : Exactness.APPROXIMATE);
            case TRUNCATE_BIT_PATTERN -> new Op.TruncateBitPattern(in.readInt(0, 62, "truncated bits"));
            case ASSUME_RANGE -> new Op.AssumeRange(LongTensor.of(shape, in.readLongArray(MAX_ELEMENTS, "range")),
                    LongTensor.of(shape, in.readLongArray(MAX_ELEMENTS, "range")));
        };
        Node node = new Node(op, operands, shape, encrypted);
        SpecificationCheck.node(in, position, node, bounds);
        nodes.add(node);
        bounds.put(node, new Bounds(lower, upper));
        boolean shipped = in.readBoolean("tables flag");
        boolean needed = parameters instanceof CircuitParameters.Bootstrapped && encrypted
                && (op instanceof Op.Lookup || op instanceof Op.Apply);
        if (shipped != needed) {
            throw in.error((needed ? "lacks" : "has") + " the torus tables of node " + position + ": it is damaged.");
        }
        if (shipped) {
            CircuitParameters.Bootstrapped b = (CircuitParameters.Bootstrapped) parameters;
            int size = 1 << b.precision(b.partitionOf(position));
            int count = in.readSize(MAX_ELEMENTS, 1, "torus table count");
            if (count != shape.size()) {
                throw in.error("has " + count + " torus tables for node " + position + " of " + shape.size()
                        + " elements: it is damaged.");
            }
            long[][] torus = new long[count][];
            for (int e = 0; e < torus.length; e++) {
                boolean repeated = in.readBoolean("repeated table flag");
                if (repeated && e == 0) {
                    throw in.error("repeats a torus table before the first one of node " + position + ".");
                }
                torus[e] = repeated ? torus[e - 1] : in.readLongArray(MAX_ELEMENTS, "torus table");
                if (torus[e].length != size) {
                    throw in.error("has a torus table of " + torus[e].length + " entries for node " + position
                            + ", not the " + size + " its bootstraps read: it is damaged.");
                }
            }
            tables.put(node, torus);
        }
    }

    // ---- many-LUT bootstraps -------------------------------------------------------------------------------------

    private static void writeManyLut(ArtifactWriter out, ManyLutFusion manyLut, Map<Node, Integer> index) {
        out.writeSize(manyLut.bootstraps().size());
        for (ManyLutFusion.Bootstrap shared : manyLut.bootstraps()) {
            out.writeInt(index.get(shared.source()));
            out.writeInt(shared.sourceElement());
            out.writeInt(shared.log2Functions());
            out.writeDouble(shared.log2PError());
            out.writeSize(shared.members().size());
            for (ManyLutFusion.Member member : shared.members()) {
                out.writeInt(index.get(member.node()));
                out.writeInt(member.element());
            }
        }
    }

    /** The shared bootstraps, each checked against the graph: its members read its source, each element once. */
    private static ManyLutFusion readManyLut(ArtifactReader in, Graph graph, List<Node> nodes,
            CircuitParameters parameters) {
        if (!(parameters instanceof CircuitParameters.Bootstrapped b)) {
            throw in.error("lists many-LUT bootstraps for a circuit without bootstraps: it is damaged.");
        }
        int count = in.readSize(MAX_ELEMENTS, 28, "many-LUT bootstrap count");
        List<ManyLutFusion.Bootstrap> bootstraps = new ArrayList<>();
        java.util.Set<ManyLutFusion.Member> seen = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            Node source = node(in, nodes, "a many-LUT source");
            int sourceElement = element(in, source, "a many-LUT source");
            int log2 = in.readInt(1, org.fheml.tfhe.algorithms.ManyLutBootstrap.MAX_LOG2_FUNCTIONS,
                    "many-LUT function count (log2)");
            if (!org.fheml.tfhe.algorithms.ManyLutBootstrap.fits(b.pbs().polynomialSize(), b.pbsPrecision(), log2)) {
                throw in.error("lists a many-LUT bootstrap of " + (1 << log2) + " functions that its parameters cannot "
                        + "hold: it is damaged.");
            }
            double log2PError = in.readDouble();
            if (!(log2PError <= 0)) {
                throw in.error("gives a many-LUT bootstrap the failure probability 2^" + log2PError + ": it is damaged.");
            }
            int members = in.readSize(1 << log2, 8, "many-LUT member count");
            if (members < 2) {
                throw in.error("lists a many-LUT bootstrap of " + members + " member: it is damaged.");
            }
            List<ManyLutFusion.Member> list = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                Node node = node(in, nodes, "a many-LUT member");
                if (!LookupLowering.isLookup(node) || LookupLowering.of(graph, node).source() != source) {
                    throw in.error("names node " + nodes.indexOf(node) + " as a many-LUT member of node "
                            + nodes.indexOf(source) + ", which it does not read as a lookup: it is damaged.");
                }
                ManyLutFusion.Member member = new ManyLutFusion.Member(node, element(in, node, "a many-LUT member"));
                if (!seen.add(member)) {
                    throw in.error("lists element " + member.element() + " of node " + nodes.indexOf(node)
                            + " in two many-LUT bootstraps: it is damaged.");
                }
                list.add(member);
            }
            bootstraps.add(new ManyLutFusion.Bootstrap(source, sourceElement, log2, log2PError, list));
        }
        return new ManyLutFusion(bootstraps);
    }

    private static Node node(ArtifactReader in, List<Node> nodes, String what) {
        int at = in.readInt();
        if (at < 0 || at >= nodes.size()) {
            throw in.error("names node " + at + " of " + nodes.size() + " as " + what + ": it is damaged.");
        }
        return nodes.get(at);
    }

    private static int element(ArtifactReader in, Node node, String what) {
        int element = in.readInt();
        if (element < 0 || element >= node.shape().size()) {
            throw in.error("names element " + element + " of node " + node + " (" + node.shape().size()
                    + " elements) as " + what + ": it is damaged.");
        }
        return element;
    }

    // ---- primitives ----------------------------------------------------------------------------------------------

    private static void writeIndices(ArtifactWriter out, List<Node> nodes, Map<Node, Integer> index) {
        out.writeSize(nodes.size());
        for (Node node : nodes) {
            out.writeInt(index.get(node));
        }
    }

    private static List<Node> readIndices(ArtifactReader in, List<Node> nodes, String what) {
        int count = in.readSize(nodes.size(), 4, what + " count");
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = in.readInt();
            if (at < 0 || at >= nodes.size()) {
                throw in.error("names node " + at + " of " + nodes.size() + " as an " + what + ": it is damaged.");
            }
            out.add(nodes.get(at));
        }
        return out;
    }

    private static void writeInts(ArtifactWriter out, int[] values) {
        out.writeSize(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(ArtifactReader in, int max, String what) {
        int[] values = new int[in.readSize(max, 4, what)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt(0, MAX_NODES, what);
        }
        return values;
    }

    private static int[] readInts(ArtifactReader in) {
        int[] values = new int[in.readSize(MAX_RANK, 4, "rank")];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }
}
