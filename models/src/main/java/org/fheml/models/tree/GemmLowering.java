package org.fheml.models.tree;

import java.util.ArrayList;
import java.util.List;
import org.fheml.compilation.Tracer;

/**
 * Lowers a quantized ensemble into a traced integer program in the GEMM formulation of Hummingbird, as Concrete ML
 * does (arXiv:2303.01254), with every tree of the ensemble stacked block-diagonally into one tensor per stage:
 * <ol>
 *   <li>{@code x @ A}: A (features × splits) is 0/1 and gathers each split's feature;</li>
 *   <li>a comparison lookup per split, {@code v <= threshold}, on the feature up to 4 bits, else on the sign of
 *       {@code v − threshold − 1} truncated to 4 bits;</li>
 *   <li>{@code t @ C + c}: C (splits × leaves) is +1 where the leaf lies under the split's true branch, −1 under its
 *       false branch, so that each leaf counts the conditions of its path that hold;</li>
 *   <li>a lookup per leaf, {@code count − depth >= 0}: the count reaches the leaf's depth for exactly one leaf of
 *       each tree;</li>
 *   <li>{@code p @ E}: E (leaves × outputs) holds the quantized leaf values, one output per tree and column.</li>
 * </ol>
 * When every leaf holds a single value (binary classifiers, regressors), stages 4 and 5 merge: each leaf's lookup
 * returns its value when reached and 0 otherwise, and a 0/1 matmul sums them per tree. The output noise then grows
 * with the number of leaves, not with the leaf values, which lets the circuit use far smaller parameters.
 * {@link EnsembleOutputs} finishes the circuit.
 */
final class GemmLowering {

    private record LeafInfo(int tree, int depth, List<int[]> path, long[] values) {
    }

    /** The widest input a comparison lookup reads (Concrete ML's MIN_CIRCUIT_THRESHOLD_FOR_TREES). */
    static final int COMPARISON_BITS = org.fheml.quantization.TreeQuantization.COMPARISON_BITS;

    private final QuantizedEnsemble ensemble;
    private final int featureCount;
    private final int inputBits;
    private final int[] splitFeature;
    private final long[] splitThreshold;
    private final List<LeafInfo> leaves = new ArrayList<>();

    GemmLowering(QuantizedEnsemble ensemble, int featureCount, int inputBits) {
        this.ensemble = ensemble;
        this.featureCount = featureCount;
        this.inputBits = inputBits;
        this.splitFeature = new int[ensemble.splitCount()];
        this.splitThreshold = new long[ensemble.splitCount()];
        for (int t = 0; t < ensemble.trees().size(); t++) {
            collect(ensemble.trees().get(t), t, new ArrayList<>());
        }
    }

    private void collect(QuantizedNode node, int tree, List<int[]> path) {
        switch (node) {
            case QuantizedNode.Split split -> {
                splitFeature[split.index()] = split.feature();
                splitThreshold[split.index()] = split.threshold();
                path.add(new int[] {split.index(), 1});
                collect(split.left(), tree, path);
                path.set(path.size() - 1, new int[] {split.index(), 0});
                collect(split.right(), tree, path);
                path.removeLast();
            }
            case QuantizedNode.Leaf leaf -> leaves.add(new LeafInfo(tree, path.size(), List.copyOf(path),
                    leaf.values()));
        }
    }

    Tracer lower(Tracer x, EnsembleOutput output) {
        Tracer selected = x.matmul(featureSelection());
        Tracer conditions = comparisons(selected);
        Tracer counts = conditions.matmul(pathMatrix()).add(Tracer.constant(pathBias()));
        Tracer perTree = singleColumnLeaves()
                ? counts.lookup(leafValueTables()).matmul(leafToTree())
                : counts.subtract(Tracer.constant(leafDepths())).greaterEqual(0).matmul(leafValues());
        return EnsembleOutputs.finish(perTree, ensemble, output);
    }

    /**
     * Each split's condition q ≤ t. Up to {@value #COMPARISON_BITS} input bits, one lookup on q; wider, as in Concrete
     * ML, q − (t + 1) (n + 1 bits, negative exactly when the condition holds) has its low bits truncated, which
     * keeps its sign, so that the sign lookup reads {@value #COMPARISON_BITS} bits.
     */
    private Tracer comparisons(Tracer selected) {
        if (inputBits <= COMPARISON_BITS) {
            return selected.lookup(comparisonTables());
        }
        long[] next = new long[splitThreshold.length];
        for (int s = 0; s < next.length; s++) {
            next[s] = splitThreshold[s] + 1;
        }
        return selected.subtract(Tracer.constant(next)).truncateBitPattern(inputBits + 1 - COMPARISON_BITS).less(0);
    }

    private long[][] featureSelection() {
        long[][] a = new long[featureCount][splitFeature.length];
        for (int s = 0; s < splitFeature.length; s++) {
            a[splitFeature[s]][s] = 1;
        }
        return a;
    }

    private long[][] comparisonTables() {
        long[][] tables = new long[splitThreshold.length][1 << inputBits];
        for (int s = 0; s < tables.length; s++) {
            for (int v = 0; v < tables[s].length; v++) {
                tables[s][v] = v <= splitThreshold[s] ? 1 : 0;
            }
        }
        return tables;
    }

    private long[][] pathMatrix() {
        long[][] c = new long[splitFeature.length][leaves.size()];
        for (int l = 0; l < leaves.size(); l++) {
            for (int[] step : leaves.get(l).path()) {
                c[step[0]][l] = step[1] == 1 ? 1 : -1;
            }
        }
        return c;
    }

    /** Per leaf, its false branches: a false branch is satisfied when its condition is 0, i.e. 1 − t. */
    private long[] pathBias() {
        long[] bias = new long[leaves.size()];
        for (int l = 0; l < bias.length; l++) {
            bias[l] = leaves.get(l).path().stream().filter(step -> step[1] == 0).count();
        }
        return bias;
    }

    private long[] leafDepths() {
        return leaves.stream().mapToLong(LeafInfo::depth).toArray();
    }

    /** Whether every leaf holds one value, so that the leaf lookup can return it directly. */
    private boolean singleColumnLeaves() {
        return leaves.stream().allMatch(leaf -> leaf.values().length == 1);
    }

    /**
     * Per leaf, the table of its condition count: the leaf's value where the count reaches its depth, 0 elsewhere.
     * The leaf value then rides in the bootstrap's table instead of multiplying the bootstrap's output noise.
     */
    private long[][] leafValueTables() {
        int maxDepth = leaves.stream().mapToInt(LeafInfo::depth).max().orElse(0);
        long[][] tables = new long[leaves.size()][maxDepth + 1];
        for (int l = 0; l < tables.length; l++) {
            tables[l][leaves.get(l).depth()] = leaves.get(l).values()[0];
        }
        return tables;
    }

    /** 0/1: leaf l feeds the output of its tree. */
    private long[][] leafToTree() {
        long[][] s = new long[leaves.size()][ensemble.trees().size()];
        for (int l = 0; l < leaves.size(); l++) {
            s[l][leaves.get(l).tree()] = 1;
        }
        return s;
    }

    private long[][] leafValues() {
        int[] firstOutput = new int[ensemble.trees().size()];
        for (int t = 1; t < firstOutput.length; t++) {
            firstOutput[t] = firstOutput[t - 1] + ensemble.columns(t - 1).length;
        }
        long[][] e = new long[leaves.size()][ensemble.perTreeOutputCount()];
        for (int l = 0; l < leaves.size(); l++) {
            LeafInfo leaf = leaves.get(l);
            System.arraycopy(leaf.values(), 0, e[l], firstOutput[leaf.tree()], leaf.values().length);
        }
        return e;
    }
}
