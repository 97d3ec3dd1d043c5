package org.fheml.models.tree;

import java.util.ArrayList;
import java.util.List;
import org.fheml.compilation.IntegerType;
import org.fheml.compilation.Tracer;

/**
 * Lowers a quantized ensemble into a circuit on the thermometer code of its inputs ({@link ThermometerCode}), where
 * every split condition is a bit or its complement, so that no comparison needs a bootstrap:
 * <ol>
 *   <li>{@code bits @ W + w}: for each lookup unit, the number of conditions on its path that fail, a sum of
 *       thermometer bits (W entries ±1, w the complemented ones);</li>
 *   <li>one lookup per unit and output column, returning the leaf's value when no condition fails and 0 otherwise;
 *       a unit is a leaf (index = failures on its path), or two sibling leaves (index = 2·failures on their
 *       parent's path + [the parent's condition fails]) whenever that does not widen the lookups, which halves
 *       the bootstraps of balanced trees;</li>
 *   <li>{@code @ O} (O 0/1) gathers each tree's unit outputs into its per-tree outputs, of which exactly one unit
 *       per tree is non-zero; {@link EnsembleOutputs} finishes the circuit.</li>
 * </ol>
 */
final class ThermometerLowering {

    /** Pairs are formed while their index stays within this many bits, or within the widest single leaf's. */
    private static final int CHEAP_LOOKUP_BITS = 3;

    /** A lookup unit: the weights of its index over the code's bits, its constant, and its per-column tables. */
    private record Unit(int tree, long[] weights, long constant, long[][] tables) {
    }

    private final QuantizedEnsemble ensemble;
    private final ThermometerCode code;
    private final int featureCount;
    private final int indexBits;
    private final List<Unit> units = new ArrayList<>();

    ThermometerLowering(QuantizedEnsemble ensemble, int featureCount, ThermometerCode code) {
        this.ensemble = ensemble;
        this.code = code;
        this.featureCount = featureCount;
        int deepestLeaf = 0;
        for (QuantizedNode tree : ensemble.trees()) {
            deepestLeaf = Math.max(deepestLeaf, deepestLeaf(tree, 0));
        }
        this.indexBits = Math.max(CHEAP_LOOKUP_BITS, bitsOf(deepestLeaf));
        for (int t = 0; t < ensemble.trees().size(); t++) {
            collect(ensemble.trees().get(t), t, new ArrayList<>());
        }
    }

    private static int deepestLeaf(QuantizedNode node, int depth) {
        return node instanceof QuantizedNode.Split split
                ? Math.max(deepestLeaf(split.left(), depth + 1), deepestLeaf(split.right(), depth + 1)) : depth;
    }

    private static int bitsOf(long highest) {
        return IntegerType.of(0, highest).bits();
    }

    /** A step of a path: the split, and whether the path takes its true (left, q ≤ t) branch. */
    private record Step(QuantizedNode.Split split, boolean left) {
    }

    private void collect(QuantizedNode node, int tree, List<Step> path) {
        switch (node) {
            case QuantizedNode.Split split when split.left() instanceof QuantizedNode.Leaf left
                    && split.right() instanceof QuantizedNode.Leaf right
                    && bitsOf(2L * path.size() + 1) <= indexBits -> units.add(pair(tree, path, split, left, right));
            case QuantizedNode.Split split -> {
                path.add(new Step(split, true));
                collect(split.left(), tree, path);
                path.set(path.size() - 1, new Step(split, false));
                collect(split.right(), tree, path);
                path.removeLast();
            }
            case QuantizedNode.Leaf leaf -> units.add(single(tree, path, leaf));
        }
    }

    private Unit single(int tree, List<Step> path, QuantizedNode.Leaf leaf) {
        long[] weights = new long[featureCount * code.levels()];
        long constant = failures(path, weights, 1);
        long[][] tables = new long[leaf.values().length][path.size() + 1];
        for (int c = 0; c < tables.length; c++) {
            tables[c][0] = leaf.values()[c];
        }
        return new Unit(tree, weights, constant, tables);
    }

    private Unit pair(int tree, List<Step> path, QuantizedNode.Split parent, QuantizedNode.Leaf left,
            QuantizedNode.Leaf right) {
        long[] weights = new long[featureCount * code.levels()];
        long constant = failures(path, weights, 2) + failure(new Step(parent, true), weights, 1);
        long[][] tables = new long[left.values().length][2 * path.size() + 2];
        for (int c = 0; c < tables.length; c++) {
            tables[c][0] = left.values()[c];
            tables[c][1] = right.values()[c];
        }
        return new Unit(tree, weights, constant, tables);
    }

    /** Adds factor × (the failed conditions of a path) to the weights; returns the constant part of that sum. */
    private long failures(List<Step> path, long[] weights, long factor) {
        long constant = 0;
        for (Step step : path) {
            constant += failure(step, weights, factor);
        }
        return constant;
    }

    /**
     * Adds factor × [the step's condition fails] to the weights, and returns the constant part. With T = [q ≥ t+1],
     * the true branch (q ≤ t) fails when T = 1, the false branch when T = 0; T is a constant for thresholds outside
     * the code's levels.
     */
    private long failure(Step step, long[] weights, long factor) {
        long level = step.split().threshold() + 1;
        if (!code.isBit(level)) {
            boolean alwaysAtLeast = level <= 0;
            return step.left() == alwaysAtLeast ? factor : 0;
        }
        int position = code.position(step.split().feature(), level);
        if (step.left()) {
            weights[position] += factor;
            return 0;
        }
        weights[position] -= factor;
        return factor;
    }

    Tracer lower(Tracer bits, EnsembleOutput output) {
        int elements = units.stream().mapToInt(u -> u.tables().length).sum();
        long[][] weights = new long[featureCount * code.levels()][elements];
        long[] constants = new long[elements];
        long[][] tables = new long[elements][];
        long[][] gather = new long[elements][ensemble.perTreeOutputCount()];
        int[] firstOutput = firstOutputs();
        int tableLength = units.stream().mapToInt(u -> u.tables()[0].length).max().orElse(1);
        int e = 0;
        for (Unit unit : units) {
            for (int c = 0; c < unit.tables().length; c++, e++) {
                for (int b = 0; b < weights.length; b++) {
                    weights[b][e] = unit.weights()[b];
                }
                constants[e] = unit.constant();
                tables[e] = java.util.Arrays.copyOf(unit.tables()[c], tableLength);
                gather[e][firstOutput[unit.tree()] + c] = 1;
            }
        }
        Tracer perTree = bits.matmul(weights).add(Tracer.constant(constants)).lookup(tables).matmul(gather);
        return EnsembleOutputs.finish(perTree, ensemble, output);
    }

    private int[] firstOutputs() {
        int[] first = new int[ensemble.trees().size()];
        for (int t = 1; t < first.length; t++) {
            first[t] = first[t - 1] + ensemble.columns(t - 1).length;
        }
        return first;
    }
}
