package org.fheml.models;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;

/** The quantized half of an estimator: its integer program, the circuit compiled from it, and its quantizers. */
public interface QuantizedModel {

    boolean isFitted();

    int featureCount();

    Circuit compile(double[][] X, CompileOptions options);

    Circuit circuit();

    long[][] quantizeInput(double[][] X);

    double[][] dequantizeOutput(long[][] q);
}
