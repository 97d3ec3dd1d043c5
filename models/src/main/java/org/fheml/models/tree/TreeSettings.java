package org.fheml.models.tree;

/**
 * The growth settings every tree estimator shares, and their translation into Smile's options: depth (0 for
 * unbounded), minimum leaf size, maximum number of leaves (0 for as many as the depth allows) and the random seed.
 */
final class TreeSettings {

    /** Smile needs a finite depth: this stands for "unbounded". */
    private static final int UNBOUNDED_DEPTH = 1000;

    private int maxDepth;
    private int minSamplesLeaf = 1;
    private int maxLeafNodes;
    private long seed = 42;

    TreeSettings(int maxDepth) {
        setMaxDepth(maxDepth);
    }

    void setMaxDepth(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("maxDepth must be at least 1, or 0 for unbounded; got " + depth + ".");
        }
        this.maxDepth = depth;
    }

    int maxDepth() {
        return maxDepth;
    }

    void setMinSamplesLeaf(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("minSamplesLeaf must be at least 1, got " + size + ".");
        }
        this.minSamplesLeaf = size;
    }

    int minSamplesLeaf() {
        return minSamplesLeaf;
    }

    void setMaxLeafNodes(int leaves) {
        if (leaves != 0 && leaves < 2) {
            throw new IllegalArgumentException("maxLeafNodes must be at least 2, or 0 for no limit; got " + leaves
                    + ".");
        }
        this.maxLeafNodes = leaves;
    }

    int maxLeafNodes() {
        return maxLeafNodes;
    }

    void setSeed(long seed) {
        this.seed = seed;
    }

    long seed() {
        return seed;
    }

    /** Smile counts the root as depth 1, so a tree of d split levels (scikit-learn's max_depth) is its d + 1. */
    int smileMaxDepth() {
        return maxDepth == 0 ? UNBOUNDED_DEPTH : maxDepth + 1;
    }

    /** The leaf limit Smile is given for n training rows. */
    int smileMaxNodes(int rows) {
        if (maxLeafNodes != 0) {
            return maxLeafNodes;
        }
        int byRows = Math.max(2, rows);
        return maxDepth == 0 || maxDepth >= 30 ? byRows : Math.min(byRows, 1 << maxDepth);
    }

    /**
     * One seed per tree, all distinct and above 1 (Smile ignores seeds of 0 and 1), derived from the estimator's
     * seed so that forests are reproducible.
     */
    long[] treeSeeds(int trees) {
        long[] seeds = new long[trees];
        long start = Math.floorMod(seed * 0x9E3779B97F4A7C15L, Long.MAX_VALUE / 2) + 2;
        for (int t = 0; t < trees; t++) {
            seeds[t] = start + t;
        }
        return seeds;
    }

    /** {@code value}, if at least 1; else an error naming the setting. */
    static int requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value + ".");
        }
        return value;
    }

    /** {@code value}, if in (0, 1]; else an error naming the setting. */
    static double requireFraction(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in (0, 1], got " + value + ".");
        }
        return value;
    }
}
