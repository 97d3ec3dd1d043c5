package org.fheml.models.tree;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * fheml's own CART trainer, written to grow the trees scikit-learn grows at the same hyper-parameters: exact
 * best split over every distinct value of each feature (thresholds at midpoints, {@code x <= t} going left),
 * Gini, entropy or squared error, splits accepted down to zero gain (a zero-gain split can enable a useful one
 * below it), constant features skipped, {@code max_features} features drawn per node without replacement (more
 * when drawn ones are constant), depth-first growth, or best-first when the number of leaves is bounded, and
 * bootstrap samples given as per-row counts. A classification leaf holds its class shares (weighted counts over
 * the node's weight), a regression leaf its weighted mean.
 *
 * <p>Each feature's rows are sorted once per tree; a split partitions every feature's order stably, so that a
 * node's rows stay sorted on every feature without sorting again.
 */
final class CartTrainer {

    /** The impurity a split reduces. */
    enum Criterion {
        GINI, ENTROPY, SQUARED_ERROR
    }

    /**
     * How a tree grows.
     *
     * @param criterion      the impurity
     * @param maxDepth       the most splits on a path, or 0 for unbounded
     * @param minSamplesLeaf the fewest distinct training rows in a leaf
     * @param maxLeafNodes   the most leaves (grown best-first), or 0 for no limit (grown depth-first)
     * @param maxFeatures    the features examined per node, or 0 for all of them
     */
    record Options(Criterion criterion, int maxDepth, int minSamplesLeaf, int maxLeafNodes, int maxFeatures) {

        static Options of(Criterion criterion, TreeSettings settings, int maxFeatures) {
            return new Options(criterion, settings.maxDepth(), settings.minSamplesLeaf(), settings.maxLeafNodes(),
                    maxFeatures);
        }
    }

    private static final double EPSILON = 1e-12;

    private final double[][] x;
    private final int classCount;
    private final int[] classes;
    private final double[] targets;
    private final Options options;
    private final int features;
    private final double[] weight;
    private final int[][] order;
    private final int[] scratch;
    private final boolean[] goesLeft;
    private final SplittableRandom random;

    private CartTrainer(double[][] x, int[][] presorted, int[] classes, int classCount, double[] targets,
            int[] counts, Options options, long seed) {
        this.x = x;
        this.classes = classes;
        this.classCount = classCount;
        this.targets = targets;
        this.options = options;
        this.features = x[0].length;
        this.random = new SplittableRandom(seed);
        this.weight = new double[x.length];
        int rows = 0;
        for (int i = 0; i < x.length; i++) {
            weight[i] = counts == null ? 1 : counts[i];
            rows += weight[i] > 0 ? 1 : 0;
        }
        this.order = new int[features][];
        for (int j = 0; j < features; j++) {
            order[j] = new int[rows];
            int r = 0;
            for (int i : presorted[j]) {
                if (weight[i] > 0) {
                    order[j][r++] = i;
                }
            }
        }
        this.scratch = new int[rows];
        this.goesLeft = new boolean[x.length];
    }

    /**
     * A classification tree on class indices 0..classCount−1; {@code counts[i]} is how often row i is drawn (null
     * for once each).
     */
    static TreeNode classification(double[][] x, int[][] presorted, int[] classIndices, int classCount, int[] counts,
            Options options, long seed) {
        return new CartTrainer(x, presorted, classIndices, classCount, null, counts, options, seed).grow();
    }

    /** A regression tree; {@code counts[i]} is how often row i is drawn (null for once each). */
    static TreeNode regression(double[][] x, int[][] presorted, double[] y, int[] counts, Options options,
            long seed) {
        return new CartTrainer(x, presorted, null, 0, y, counts, options, seed).grow();
    }

    /**
     * Per feature, the rows of x in increasing order of that feature (ties in row order): what every tree grown
     * on x starts from.
     */
    static int[][] presort(double[][] x) {
        int n = x.length;
        int[][] order = new int[x[0].length][];
        double[] values = new double[n];
        int[] buffer = new int[n];
        for (int j = 0; j < order.length; j++) {
            for (int i = 0; i < n; i++) {
                values[i] = x[i][j];
            }
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            mergeSort(rows, buffer, values);
            order[j] = rows;
        }
        return order;
    }

    /** A stable bottom-up merge sort of row indices by their values. */
    private static void mergeSort(int[] rows, int[] buffer, double[] values) {
        int n = rows.length;
        int[] from = rows;
        int[] to = buffer;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    if (a < mid && (b >= hi || Double.compare(values[from[a]], values[from[b]]) <= 0)) {
                        to[k] = from[a++];
                    } else {
                        to[k] = from[b++];
                    }
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != rows) {
            System.arraycopy(from, 0, rows, 0, n);
        }
    }

    /** Bootstrap counts: n rows drawn with replacement from n. */
    static int[] bootstrap(int n, SplittableRandom random) {
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[random.nextInt(n)]++;
        }
        return counts;
    }

    /** A node being grown: its rows are positions lo..hi−1 of every feature's order. */
    private final class Node {
        final int lo;
        final int hi;
        final int depth;
        final double[] stats;
        final double totalWeight;
        final double impurity;
        final boolean[] constant;
        Split best;

        Node(int lo, int hi, int depth, boolean[] constant) {
            this.lo = lo;
            this.hi = hi;
            this.depth = depth;
            this.constant = constant;
            this.stats = new double[statCount()];
            for (int p = lo; p < hi; p++) {
                add(stats, order[0][p], 1);
            }
            this.totalWeight = totalWeight(stats);
            this.impurity = impurity(stats, totalWeight);
        }

        TreeNode leaf() {
            double[] values;
            if (classes != null) {
                values = new double[classCount];
                for (int c = 0; c < classCount; c++) {
                    values[c] = stats[c] / totalWeight;
                }
            } else {
                values = new double[] {stats[0] / totalWeight};
            }
            return new TreeNode.Leaf(values);
        }
    }

    /** The best split of a node: {@code x[feature] <= threshold} holds for its first {@code leftRows} rows. */
    private record Split(int feature, double threshold, int leftRows, double gain) {
    }

    /**
     * The grown tree. A tree without any split still needs one comparison to be a circuit: its leaf is returned
     * under an always-true split.
     */
    private TreeNode grow() {
        Node root = new Node(0, scratch.length, 0, new boolean[features]);
        TreeNode tree = options.maxLeafNodes() == 0 ? growDepthFirst(root) : growBestFirst(root);
        return tree instanceof TreeNode.Leaf leaf ? new TreeNode.Split(0, Double.POSITIVE_INFINITY, leaf, leaf) : tree;
    }

    private TreeNode growDepthFirst(Node node) {
        Split split = findSplit(node);
        if (split == null) {
            return node.leaf();
        }
        Node[] children = partition(node, split);
        return new TreeNode.Split(split.feature(), split.threshold(), growDepthFirst(children[0]),
                growDepthFirst(children[1]));
    }

    /** Splits the open leaf whose split reduces the total impurity most, until maxLeafNodes leaves exist. */
    private TreeNode growBestFirst(Node root) {
        record Open(Node node, Split split) {
        }
        PriorityQueue<Open> queue = new PriorityQueue<>((a, b) -> Double.compare(b.split().gain(),
                a.split().gain()));
        java.util.Map<Node, Node[]> childrenOf = new java.util.IdentityHashMap<>();
        Split first = findSplit(root);
        if (first != null) {
            queue.add(new Open(root, first));
        }
        int leaves = 1;
        while (!queue.isEmpty() && leaves < options.maxLeafNodes()) {
            Open open = queue.poll();
            open.node().best = open.split();
            Node[] children = partition(open.node(), open.split());
            childrenOf.put(open.node(), children);
            leaves++;
            for (Node child : children) {
                Split split = findSplit(child);
                if (split != null) {
                    queue.add(new Open(child, split));
                }
            }
        }
        return build(root, childrenOf);
    }

    private TreeNode build(Node node, java.util.Map<Node, Node[]> childrenOf) {
        Node[] children = childrenOf.get(node);
        if (children == null) {
            return node.leaf();
        }
        return new TreeNode.Split(node.best.feature(), node.best.threshold(), build(children[0], childrenOf),
                build(children[1], childrenOf));
    }

    /** The best split of the node, or null when it must stay a leaf. */
    private Split findSplit(Node node) {
        int rows = node.hi - node.lo;
        boolean depthLeft = options.maxDepth() == 0 || node.depth < options.maxDepth();
        if (!depthLeft || rows < 2 * options.minSamplesLeaf() || node.impurity <= EPSILON) {
            return null;
        }
        int[] candidates = new int[features];
        int count = 0;
        for (int j = 0; j < features; j++) {
            if (!node.constant[j]) {
                candidates[count++] = j;
            }
        }
        int wanted = options.maxFeatures() == 0 ? features : options.maxFeatures();
        int visited = 0;
        Split best = null;
        double[] left = new double[statCount()];
        double[] right = new double[statCount()];
        // Fisher-Yates over the non-constant features, drawn until `wanted` non-constant ones were examined.
        for (int drawn = 0; drawn < count && visited < wanted; drawn++) {
            int pick = drawn + random.nextInt(count - drawn);
            int feature = candidates[pick];
            candidates[pick] = candidates[drawn];
            candidates[drawn] = feature;
            int[] rowsByValue = order[feature];
            if (x[rowsByValue[node.lo]][feature] >= x[rowsByValue[node.hi - 1]][feature]) {
                node.constant[feature] = true;
                continue;
            }
            visited++;
            Split split = bestSplitOn(node, feature, left, right);
            if (split != null && (best == null || split.gain() > best.gain())) {
                best = split;
            }
        }
        return best;
    }

    private Split bestSplitOn(Node node, int feature, double[] left, double[] right) {
        int[] rowsByValue = order[feature];
        Arrays.fill(left, 0);
        System.arraycopy(node.stats, 0, right, 0, right.length);
        int minLeaf = options.minSamplesLeaf();
        Split best = null;
        double bestProxy = Double.NEGATIVE_INFINITY;
        for (int p = node.lo; p < node.hi - 1; p++) {
            int row = rowsByValue[p];
            add(left, row, 1);
            add(right, row, -1);
            double here = x[row][feature];
            double next = x[rowsByValue[p + 1]][feature];
            int leftRows = p + 1 - node.lo;
            if (next <= here || leftRows < minLeaf || node.hi - node.lo - leftRows < minLeaf) {
                continue;
            }
            double proxy = proxy(left, right);
            if (proxy > bestProxy + EPSILON * Math.abs(bestProxy) || best == null) {
                bestProxy = proxy;
                double threshold = here + (next - here) / 2;
                if (threshold >= next || threshold < here) {
                    threshold = here;
                }
                best = new Split(feature, threshold, leftRows, 0);
            }
        }
        if (best == null) {
            return null;
        }
        return new Split(best.feature(), best.threshold(), best.leftRows(), gain(node, best));
    }

    /** The decrease of weighted impurity the split brings, as a share of the whole tree's weight. */
    private double gain(Node node, Split split) {
        double[] left = new double[statCount()];
        int[] rowsByValue = order[split.feature()];
        for (int p = node.lo; p < node.lo + split.leftRows(); p++) {
            add(left, rowsByValue[p], 1);
        }
        double[] right = node.stats.clone();
        for (int s = 0; s < right.length; s++) {
            right[s] -= left[s];
        }
        double wl = totalWeight(left);
        double wr = totalWeight(right);
        return node.totalWeight * node.impurity - wl * impurity(left, wl) - wr * impurity(right, wr);
    }

    /** Partitions every feature's order of the node's rows, stably, into the rows going left and right. */
    private Node[] partition(Node node, Split split) {
        int[] byFeature = order[split.feature()];
        for (int p = node.lo; p < node.hi; p++) {
            goesLeft[byFeature[p]] = p < node.lo + split.leftRows();
        }
        int mid = node.lo + split.leftRows();
        for (int j = 0; j < features; j++) {
            int[] rows = order[j];
            int l = node.lo;
            int r = 0;
            for (int p = node.lo; p < node.hi; p++) {
                if (goesLeft[rows[p]]) {
                    rows[l++] = rows[p];
                } else {
                    scratch[r++] = rows[p];
                }
            }
            System.arraycopy(scratch, 0, rows, mid, r);
        }
        return new Node[] {new Node(node.lo, mid, node.depth + 1, node.constant.clone()),
                new Node(mid, node.hi, node.depth + 1, node.constant.clone())};
    }

    private int statCount() {
        return classes != null ? classCount : 3;
    }

    /** Adds (sign +1) or removes (−1) a row's weighted statistics: class weights, or weight, Σwy and Σwy². */
    private void add(double[] stats, int row, int sign) {
        double w = sign * weight[row];
        if (classes != null) {
            stats[classes[row]] += w;
        } else {
            double y = targets[row];
            stats[0] += w * y;
            stats[1] += w;
            stats[2] += w * y * y;
        }
    }

    private double totalWeight(double[] stats) {
        if (classes == null) {
            return stats[1];
        }
        double total = 0;
        for (double s : stats) {
            total += s;
        }
        return total;
    }

    /** The node impurity: Gini, entropy (in bits) or variance. */
    private double impurity(double[] stats, double total) {
        if (total <= 0) {
            return 0;
        }
        return switch (options.criterion()) {
            case GINI -> {
                double sum = 0;
                for (double s : stats) {
                    sum += (s / total) * (s / total);
                }
                yield 1 - sum;
            }
            case ENTROPY -> {
                double sum = 0;
                for (double s : stats) {
                    if (s > 0) {
                        sum -= (s / total) * Math.log(s / total) / Math.log(2);
                    }
                }
                yield sum;
            }
            case SQUARED_ERROR -> {
                double mean = stats[0] / total;
                yield Math.max(0, stats[2] / total - mean * mean);
            }
        };
    }

    /**
     * A quantity that orders the splits of one node as their gain does, cheaper to compute: for Gini and squared
     * error the parent's terms cancel; entropy uses the children's weighted impurity itself.
     */
    private double proxy(double[] left, double[] right) {
        double wl = totalWeight(left);
        double wr = totalWeight(right);
        return switch (options.criterion()) {
            case GINI -> {
                double l = 0;
                double r = 0;
                for (int c = 0; c < left.length; c++) {
                    l += left[c] * left[c];
                    r += right[c] * right[c];
                }
                yield l / wl + r / wr;
            }
            case ENTROPY -> -wl * impurity(left, wl) - wr * impurity(right, wr);
            case SQUARED_ERROR -> left[0] * left[0] / wl + right[0] * right[0] / wr;
        };
    }
}
