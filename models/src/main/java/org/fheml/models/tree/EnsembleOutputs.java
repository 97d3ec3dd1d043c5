package org.fheml.models.tree;

import org.fheml.compilation.Tracer;

/**
 * The last stage of every tree circuit, from the per-tree outputs on: their exact range declared (one leaf per
 * tree is reached, so a tree's output lies between its smallest and largest leaf value, which interval arithmetic
 * over a sum of lookups cannot see), then, when asked, the per-column sums ({@code @ S}, S 0/1) and a round-robin
 * argmax on their differences ({@link org.fheml.quantization.ArgmaxPlan}).
 */
final class EnsembleOutputs {

    private EnsembleOutputs() {
    }

    static Tracer finish(Tracer perTree, QuantizedEnsemble ensemble, EnsembleOutput output) {
        long[][] bounds = ensemble.perTreeBounds();
        Tracer ranged = perTree.assumeRange(bounds[0], bounds[1]);
        if (output == EnsembleOutput.PER_TREE) {
            return ranged;
        }
        Tracer sums = ranged.matmul(columnSums(ensemble));
        return output == EnsembleOutput.SUM ? sums : ensemble.argmaxPlan().lower(sums);
    }

    private static long[][] columnSums(QuantizedEnsemble ensemble) {
        long[][] s = new long[ensemble.perTreeOutputCount()][ensemble.scoreCount()];
        int output = 0;
        for (int t = 0; t < ensemble.trees().size(); t++) {
            for (int column : ensemble.columns(t)) {
                s[output++][column] = 1;
            }
        }
        return s;
    }
}
