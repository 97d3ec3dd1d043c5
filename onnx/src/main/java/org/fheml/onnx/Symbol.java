package org.fheml.onnx;

/** Internal to the import: what an ONNX value name stands for while nodes are converted. */
sealed interface Symbol {

    /** A value known at load time. */
    record Const(Tensor tensor) implements Symbol {
    }

    /** A value computed per sample: value {@code id} with its per-sample shape (batch dimension kept as 1). */
    record Activation(int id, int[] shape, ElementType type) implements Symbol {
    }

    /** A name fheml cannot provide (Dropout's mask, MaxPool's indices); reading it is refused. */
    record Unavailable(String reason) implements Symbol {
    }
}
