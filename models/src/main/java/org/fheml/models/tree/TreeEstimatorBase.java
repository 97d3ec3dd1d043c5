package org.fheml.models.tree;

import org.fheml.models.FluentFheEstimator;
import org.fheml.models.QuantizedModel;
import org.fheml.quantization.TreeNBits;

/**
 * What the tree classifiers and regressors share: their quantized state, their training settings and the fluent
 * setters of both (n_bits, depth, leaf sizes, seed, where the trees are summed).
 *
 * @param <S> the concrete estimator, returned by the fluent setters
 */
public abstract class TreeEstimatorBase<S extends TreeEstimatorBase<S>> extends FluentFheEstimator<S> {

    final TreeEstimatorState state = new TreeEstimatorState(getClass().getSimpleName());
    final TreeSettings settings;

    TreeEstimatorBase(int defaultMaxDepth) {
        this.settings = new TreeSettings(defaultMaxDepth);
    }

    @Override
    protected QuantizedModel quantizedModel() {
        return state;
    }

    /** op_inputs = op_leaves = n bits. */
    public S setNBits(int nBits) {
        return setNBits(TreeNBits.of(nBits));
    }

    public S setNBits(TreeNBits nBits) {
        state.setNBits(nBits);
        return self();
    }

    public TreeNBits nBits() {
        return state.nBits();
    }

    /** The most splits on a path from the root to a leaf (scikit-learn's max_depth), or 0 for unbounded. */
    public S setMaxDepth(int maxDepth) {
        settings.setMaxDepth(maxDepth);
        return self();
    }

    public S setMinSamplesLeaf(int minSamplesLeaf) {
        settings.setMinSamplesLeaf(minSamplesLeaf);
        return self();
    }

    /** The largest number of leaves per tree, or 0 for as many as the depth allows. */
    public S setMaxLeafNodes(int maxLeafNodes) {
        settings.setMaxLeafNodes(maxLeafNodes);
        return self();
    }

    public S setSeed(long seed) {
        settings.setSeed(seed);
        return self();
    }

    /** Sums the trees inside the circuit, so that the client decrypts one value instead of one per tree. */
    public S setSumInCircuit(boolean inCircuit) {
        state.setOutput(inCircuit ? EnsembleOutput.SUM : EnsembleOutput.PER_TREE);
        return self();
    }

    /**
     * What the client encrypts per feature: its thermometer code (the default, no comparison on the server) or
     * the quantized integer (a comparison lookup per split, as in Concrete ML).
     */
    public S setInputEncoding(TreeInputEncoding encoding) {
        state.setInputEncoding(encoding);
        return self();
    }

    public TreeInputEncoding inputEncoding() {
        return state.inputEncoding();
    }

    public EnsembleOutput ensembleOutput() {
        return state.output();
    }
}
