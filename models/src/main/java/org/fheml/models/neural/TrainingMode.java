package org.fheml.models.neural;

/** How a network becomes an integer program. */
public enum TrainingMode {
    /**
     * Quantization-aware training (the default): after a few float epochs, weights, activations and accumulators
     * are fake-quantized in the forward pass, with straight-through gradients, so the network learns the integer
     * program it will run; pruning and rounding are part of the fine-tuning.
     */
    QAT,
    /** Post-training quantization: a float network is trained, then calibrated, quantized and pruned without fine-tuning. */
    POST_TRAINING
}
