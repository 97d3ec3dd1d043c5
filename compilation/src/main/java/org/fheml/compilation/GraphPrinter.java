package org.fheml.compilation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Concrete's text form of a graph: {@code %3 = matmul(%1, %2)        # EncryptedScalar<uint3>}. */
final class GraphPrinter {

    /** Constants with more elements than this print their shape only. */
    private static final int MAX_PRINTED_ELEMENTS = 16;
    private static final int GAP = 8;

    private GraphPrinter() {
    }

    static String format(Graph graph, boolean showRanges) {
        return format(graph, showRanges, null, ManyLutFusion.NONE);
    }

    /**
     * The text form; for a multi-parameter circuit ({@code parameters} partitioned), every bootstrap node's comment
     * names its partition, and a line per partition after the return gives its bootstraps and parameter set; after
     * each lookup that shares many-LUT bootstraps, which elements do and with whom.
     */
    static String format(Graph graph, boolean showRanges, CircuitParameters parameters, ManyLutFusion manyLut) {
        CircuitParameters.Bootstrapped partitioned = parameters instanceof CircuitParameters.Bootstrapped b
                && b.partitioned() ? b : null;
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (Node node : graph.nodes()) {
            left.add("%" + graph.position(node) + " = " + expression(graph, node));
            String type = type(graph, node);
            if (showRanges && graph.measuredRange(node) != null) {
                Bounds range = graph.measuredRange(node);
                type += " ∈ [" + range.min() + ", " + range.max() + "]";
            }
            if (partitioned != null && node.isEncrypted()
                    && (LookupLowering.isLookup(node) || BitExtraction.isExtraction(node))) {
                type += "  @partition " + partitioned.partitionOf(graph.position(node));
            }
            String fused = manyLut.describe(graph, node);
            if (fused != null) {
                type += "  (" + fused + ")";
            }
            right.add(type);
        }
        int width = left.stream().mapToInt(String::length).max().orElse(0) + GAP;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < left.size(); i++) {
            text.append(String.format("%-" + width + "s", left.get(i))).append("# ").append(right.get(i)).append('\n');
        }
        text.append("return ").append(graph.outputs().stream().map(n -> "%" + graph.position(n))
                .collect(Collectors.joining(", ")));
        if (partitioned != null) {
            for (int i = 0; i < partitioned.partitionCount(); i++) {
                CircuitParameters.Partition partition = partitioned.partitions().get(i);
                var p = partition.pbs();
                text.append(String.format("%n# partition %d: %d bootstraps at %d bits, n %d, k %d, N %d, pbs %d×2^%d, "
                        + "ks %d×2^%d, p_error 2^%.1f", i, partition.bootstrapCount(), partition.precision(),
                        p.lweDimension(), p.glweDimension(), p.polynomialSize(), p.pbsLevel(), p.pbsBaseLog(),
                        p.ksLevel(), p.ksBaseLog(), p.log2PError()));
            }
        }
        return text.toString();
    }

    static String type(Graph graph, Node node) {
        String kind = (node.isEncrypted() ? "Encrypted" : "Clear") + (node.shape().isScalar() ? "Scalar" : "Tensor");
        String integer = graph.bounds(node) == null ? "?" : graph.type(node).toString();
        return node.shape().isScalar()
                ? kind + "<" + integer + ">"
                : kind + "<" + integer + ", shape=" + node.shape() + ">";
    }

    private static String brief(LongTensor value) {
        return value.size() > MAX_PRINTED_ELEMENTS ? "[...] of shape " + value.shape() : value.toString();
    }

    static String expression(Graph graph, Node node) {
        List<String> args = node.operands().stream().map(n -> "%" + graph.position(n)).toList();
        return switch (node.op()) {
            case Op.Input input -> input.name();
            case Op.Constant constant -> brief(constant.value());
            case Op.Add add -> call("add", args);
            case Op.Subtract subtract -> call("subtract", args);
            case Op.Negate negate -> call("negative", args);
            case Op.Multiply multiply -> call("multiply", args);
            case Op.MatMul matmul -> call(matmul.printedAsDot() ? "dot" : "matmul", args);
            case Op.Sum sum -> sum.axis() == null ? call("sum", args) : "sum(" + args.getFirst() + ", axis=" + sum.axis() + ")";
            case Op.Reshape reshape -> "reshape(" + args.getFirst() + ", newshape=" + reshape.shape() + ")";
            case Op.Transpose transpose -> "transpose(" + args.getFirst() + ", axes="
                    + Shape.of(transpose.axes()) + ")";
            case Op.Slice slice -> args.getFirst() + "[" + sliceText(slice) + "]";
            case Op.Index index -> args.getFirst() + "[" + index.index() + "]";
            case Op.Concatenate concatenate -> "concatenate((" + String.join(", ", args) + "), axis="
                    + concatenate.axis() + ")";
            case Op.Lookup lookup -> "tlu(" + args.getFirst() + ", " + lookup.table() + ")";
            case Op.Apply apply -> call(apply.name(), args);
            case Op.RoundBitPattern round -> "round_bit_pattern(" + args.getFirst() + ", lsbs_to_remove="
                    + round.lsbs() + (round.exactness() == Exactness.APPROXIMATE ? ", approximate" : "") + ")";
            case Op.TruncateBitPattern truncate -> "truncate_bit_pattern(" + args.getFirst() + ", lsbs_to_remove="
                    + truncate.lsbs() + ")";
            case Op.AssumeRange assumed -> "assume_range(" + args.getFirst() + ", " + brief(assumed.lower()) + ", "
                    + brief(assumed.upper()) + ")";
        };
    }

    private static String call(String name, List<String> args) {
        return name + "(" + String.join(", ", args) + ")";
    }

    private static String sliceText(Op.Slice slice) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < slice.start().length; i++) {
            parts.add(slice.start()[i] + ":" + slice.stop()[i] + (slice.step()[i] == 1 ? "" : ":" + slice.step()[i]));
        }
        return String.join(", ", parts);
    }
}
