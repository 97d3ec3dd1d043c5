package org.fheml.models;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;

/**
 * The quantized half of an estimator, what a model family supplies to the one predict pipeline
 * ({@link PredictPipeline}): validation, its quantizers, its integer program in the clear, the circuit compiled
 * from it, and the dequantization of its outputs. Post-processing (labels, probabilities, links) stays with the
 * estimator.
 */
public interface QuantizedModel {

    boolean isFitted();

    int featureCount();

    /** The estimator's name, for error messages. */
    String estimatorName();

    /**
     * Checks X for the operation named {@code what}.
     *
     * @throws org.fheml.core.NotFittedException before fit
     * @throws org.fheml.core.InvalidInputException when X does not fit the model
     */
    void check(double[][] X, String what);

    Circuit compile(double[][] X, CompileOptions options);

    /**
     * The compiled circuit.
     *
     * @throws NotCompiledException before compile
     */
    Circuit circuit();

    /** Whether a circuit is compiled for the model as it stands. */
    boolean isCompiled();

    /** The integers the circuit takes for these rows. */
    long[][] quantizeInput(double[][] X);

    /** The integers the clear program reads for these (checked) rows; by default what the circuit takes. */
    default long[][] quantizeFeatures(double[][] X) {
        return quantizeInput(X);
    }

    /** The circuit's argument for one row of {@link #quantizeFeatures} integers (an encoding of them, say). */
    default long[] circuitArgument(long[] features) {
        return features;
    }

    /** The integer program in the clear (FheMode.DISABLE): what the circuit returns for this row. */
    long[] evaluate(long[] features);

    double[][] dequantizeOutput(long[][] q);

    /**
     * How a client turns a row of doubles into the circuit's argument, for a saved model's client bundle: what
     * {@link #quantizeFeatures} then {@link #circuitArgument} compute.
     *
     * @throws UnsupportedOperationException for a model that cannot be saved
     */
    default org.fheml.models.deploy.InputEncoding clientInputEncoding() {
        throw new UnsupportedOperationException(estimatorName() + " cannot be saved: it has no client input "
                + "encoding.");
    }

    /**
     * How a client turns the circuit's integers into real outputs, for a saved model's client bundle: what
     * {@link #dequantizeOutput} computes.
     *
     * @throws UnsupportedOperationException for a model that cannot be saved
     */
    default org.fheml.models.deploy.OutputDecoding clientOutputDecoding() {
        throw new UnsupportedOperationException(estimatorName() + " cannot be saved: it has no client output "
                + "decoding.");
    }
}
