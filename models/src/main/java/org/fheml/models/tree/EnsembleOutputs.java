package org.fheml.models.tree;

import org.fheml.compilation.Tracer;

/**
 * The last stage of every tree circuit, from the per-tree outputs on: their exact range declared (one leaf per
 * tree is reached, so a tree's output lies between its smallest and largest leaf value, which interval arithmetic
 * over a sum of lookups cannot see), then, when asked, the per-column sums ({@code @ S}, S 0/1) and a round-robin
 * argmax on their differences.
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
        return output == EnsembleOutput.SUM ? sums : argmax(sums, ensemble.argmaxPlan());
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

    /** The label index, by the tournament of {@link ArgmaxPlan}; only its result leaves the circuit. */
    private static Tracer argmax(Tracer sums, ArgmaxPlan plan) {
        int k = plan.scoreCount();
        if (k == 1) {
            return rounded(sums.subtract(Tracer.constant(new long[] {plan.offset()})), plan).greaterEqual(0);
        }
        int pairs = k * (k - 1) / 2;
        long[][] differences = new long[k][pairs];
        long[][] wins = new long[pairs][k];
        long[] losses = new long[k];
        int p = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                differences[a][p] = 1;
                differences[b][p] = -1;
                wins[p][a] = 1;
                wins[p][b] = -1;
                losses[b]++;
                p++;
            }
        }
        Tracer firstWins = rounded(sums.matmul(differences), plan).greaterEqual(0);
        Tracer winCounts = firstWins.matmul(wins).add(Tracer.constant(losses));
        long[] classIndices = new long[k];
        for (int c = 0; c < k; c++) {
            classIndices[c] = c;
        }
        return winCounts.greaterEqual(k - 1).dot(classIndices);
    }

    private static Tracer rounded(Tracer differences, ArgmaxPlan plan) {
        return plan.lsbs() == 0 ? differences : differences.roundBitPattern(plan.lsbs());
    }
}
