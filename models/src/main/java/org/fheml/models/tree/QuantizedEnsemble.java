package org.fheml.models.tree;

import java.util.ArrayList;
import java.util.List;
import org.fheml.quantization.ArgmaxPlan;
import org.fheml.quantization.TreeQuantization;
import org.fheml.quantization.UniformQuantizer;

/**
 * A {@link TreeEnsemble} trained on quantized features, as an integer program: thresholds floored onto the
 * integer grid, and every leaf value quantized with one quantizer of op_leaves bits whose zero point is 0
 * (symmetric and signed when any value is negative, else over [0, max]), so that sums over trees stay exact.
 * {@link #evaluate} is the program run in the clear (FheMode.DISABLE), written independently of the circuit.
 */
final class QuantizedEnsemble {

    private final List<QuantizedNode> trees;
    private final int[][] columns;
    private final int scoreCount;
    private final double[] base;
    private final UniformQuantizer leafQuantizer;
    private final int splitCount;
    private final int leafCount;
    private ArgmaxPlan argmaxPlan;

    private QuantizedEnsemble(List<QuantizedNode> trees, int[][] columns, int scoreCount, double[] base,
            UniformQuantizer leafQuantizer, int splitCount, int leafCount) {
        this.trees = trees;
        this.columns = columns;
        this.scoreCount = scoreCount;
        this.base = base;
        this.leafQuantizer = leafQuantizer;
        this.splitCount = splitCount;
        this.leafCount = leafCount;
    }

    /**
     * Quantizes an ensemble trained on integer features of {@code inputBits} bits, with leaves of {@code leafBits}.
     */
    static QuantizedEnsemble quantize(TreeEnsemble ensemble, int inputBits, int leafBits) {
        UniformQuantizer leaves = leafQuantizer(ensemble, leafBits);
        long maxInput = (1L << inputBits) - 1;
        int[] counters = new int[2];
        List<QuantizedNode> trees = new ArrayList<>();
        for (TreeNode tree : ensemble.trees()) {
            trees.add(quantize(tree, leaves, maxInput, counters));
        }
        return new QuantizedEnsemble(List.copyOf(trees), ensemble.columns(), ensemble.scoreCount(),
                ensemble.base().clone(), leaves, counters[0], counters[1]);
    }

    private static UniformQuantizer leafQuantizer(TreeEnsemble ensemble, int bits) {
        double min = 0;
        double max = 0;
        for (TreeNode tree : ensemble.trees()) {
            for (double[] values : leafValues(tree, new ArrayList<>())) {
                for (double v : values) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return TreeQuantization.leafQuantizer(min, max, bits);
    }

    private static List<double[]> leafValues(TreeNode node, List<double[]> out) {
        switch (node) {
            case TreeNode.Split split -> {
                leafValues(split.left(), out);
                leafValues(split.right(), out);
            }
            case TreeNode.Leaf leaf -> out.add(leaf.values());
        }
        return out;
    }

    private static QuantizedNode quantize(TreeNode node, UniformQuantizer leaves, long maxInput, int[] counters) {
        return switch (node) {
            case TreeNode.Split split -> {
                int index = counters[0]++;
                long threshold = TreeQuantization.floorThreshold(split.threshold(), maxInput);
                yield new QuantizedNode.Split(index, split.feature(), threshold,
                        quantize(split.left(), leaves, maxInput, counters),
                        quantize(split.right(), leaves, maxInput, counters));
            }
            case TreeNode.Leaf leaf -> new QuantizedNode.Leaf(counters[1]++, leaves.quantize(leaf.values()));
        };
    }

    List<QuantizedNode> trees() {
        return trees;
    }

    /** Per tree, the score column each of its values feeds. */
    int[] columns(int tree) {
        return columns[tree];
    }

    int scoreCount() {
        return scoreCount;
    }

    int splitCount() {
        return splitCount;
    }

    int leafCount() {
        return leafCount;
    }

    /** The number of per-tree outputs: the sum of the trees' widths. */
    int perTreeOutputCount() {
        int count = 0;
        for (int[] c : columns) {
            count += c.length;
        }
        return count;
    }

    UniformQuantizer leafQuantizer() {
        return leafQuantizer;
    }

    /**
     * The tournament for an in-circuit argmax. With one score (binary boosting, label = [base + S·sum > 0]), the
     * offset is the least integer sum above −base / S.
     */
    ArgmaxPlan argmaxPlan() {
        if (argmaxPlan == null) {
            argmaxPlan = newArgmaxPlan();
        }
        return argmaxPlan;
    }

    private ArgmaxPlan newArgmaxPlan() {
        long[][] bounds = scoreBounds();
        long offset = 0;
        if (scoreCount == 1) {
            offset = (long) Math.floor(-base[0] / leafQuantizer.scale()) + 1;
        } else {
            for (double b : base) {
                if (b != 0) {
                    throw new IllegalStateException("An in-circuit argmax over several scores needs a zero base.");
                }
            }
        }
        return ArgmaxPlan.of(bounds[0], bounds[1], offset);
    }

    /**
     * Bounds on each summed score that hold for every input: a leaf indicator lies in [0, 1], so a tree's output is
     * bounded by the sums of its negative and positive leaf values. They are looser than the circuit's own, which
     * declare each tree's output within its smallest and largest leaf ({@link #perTreeBounds}), so an argmax planned
     * on them reads no more bits than its lookups can.
     */
    long[][] scoreBounds() {
        long[] lower = new long[scoreCount];
        long[] upper = new long[scoreCount];
        for (int t = 0; t < trees.size(); t++) {
            for (long[] values : quantizedLeaves(trees.get(t), new ArrayList<>())) {
                for (int v = 0; v < values.length; v++) {
                    lower[columns[t][v]] += Math.min(0, values[v]);
                    upper[columns[t][v]] += Math.max(0, values[v]);
                }
            }
        }
        return new long[][] {lower, upper};
    }

    /**
     * Exact bounds on each per-tree output: exactly one leaf of a tree is reached, so each of its outputs lies
     * between the smallest and the largest value its leaves hold for it.
     */
    long[][] perTreeBounds() {
        long[] lower = new long[perTreeOutputCount()];
        long[] upper = new long[lower.length];
        java.util.Arrays.fill(lower, Long.MAX_VALUE);
        java.util.Arrays.fill(upper, Long.MIN_VALUE);
        int first = 0;
        for (int t = 0; t < trees.size(); t++) {
            for (long[] values : quantizedLeaves(trees.get(t), new ArrayList<>())) {
                for (int v = 0; v < values.length; v++) {
                    lower[first + v] = Math.min(lower[first + v], values[v]);
                    upper[first + v] = Math.max(upper[first + v], values[v]);
                }
            }
            first += columns[t].length;
        }
        return new long[][] {lower, upper};
    }

    static List<long[]> quantizedLeaves(QuantizedNode node, List<long[]> out) {
        switch (node) {
            case QuantizedNode.Split split -> {
                quantizedLeaves(split.left(), out);
                quantizedLeaves(split.right(), out);
            }
            case QuantizedNode.Leaf leaf -> out.add(leaf.values());
        }
        return out;
    }

    /** The integer program in the clear: what the circuit returns for this quantized row. */
    long[] evaluate(long[] q, EnsembleOutput output) {
        long[] perTree = new long[perTreeOutputCount()];
        int position = 0;
        for (QuantizedNode tree : trees) {
            long[] values = tree.leafOf(q).values();
            System.arraycopy(values, 0, perTree, position, values.length);
            position += values.length;
        }
        return switch (output) {
            case PER_TREE -> perTree;
            case SUM -> sums(perTree);
            case ARGMAX -> new long[] {argmaxPlan().label(sums(perTree))};
        };
    }

    /** The per-column sums of per-tree outputs. */
    long[] sums(long[] perTree) {
        long[] sums = new long[scoreCount];
        int position = 0;
        for (int[] c : columns) {
            for (int column : c) {
                sums[column] += perTree[position++];
            }
        }
        return sums;
    }

    /** What a client does with a circuit's output of this kind: {@link #dequantize}, or read the label. */
    org.fheml.models.deploy.OutputDecoding clientDecoding(EnsembleOutput kind) {
        int[] resultColumns = switch (kind) {
            case PER_TREE -> java.util.Arrays.stream(columns).flatMapToInt(java.util.Arrays::stream).toArray();
            case SUM -> java.util.stream.IntStream.range(0, scoreCount).toArray();
            case ARGMAX -> null;
        };
        return resultColumns == null ? new org.fheml.models.deploy.OutputDecoding.ClassIndex()
                : new org.fheml.models.deploy.OutputDecoding.Summed(resultColumns, leafQuantizer.scale(),
                        leafQuantizer.zeroPoint(), base);
    }

    /** The real scores of a circuit's output (PER_TREE or SUM), before any link. */
    double[] dequantize(long[] output, EnsembleOutput kind) {
        long[] sums = switch (kind) {
            case PER_TREE -> sums(output);
            case SUM -> output;
            case ARGMAX -> throw new IllegalArgumentException("An in-circuit argmax returns a label, not scores.");
        };
        double[] scores = new double[scoreCount];
        for (int c = 0; c < scoreCount; c++) {
            scores[c] = base[c] + leafQuantizer.dequantize(sums[c]);
        }
        return scores;
    }
}
