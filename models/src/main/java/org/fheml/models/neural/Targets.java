package org.fheml.models.neural;

/** What a network is trained to output, which fixes its output layer and its loss. */
sealed interface Targets {

    /** The number of output neurons. */
    int outputs();

    /** Class indices 0..classes−1: one output per class, softmax cross-entropy. */
    record Classes(int[] indices, int classes) implements Targets {
        @Override
        public int outputs() {
            return classes;
        }
    }

    /** Real targets (already standardized by the caller): one linear output, squared error. */
    record Values(double[] values) implements Targets {
        @Override
        public int outputs() {
            return 1;
        }
    }
}
