package org.fheml.models.neighbors;

import java.util.Arrays;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.InputValidation;
import org.fheml.core.NotFittedException;
import org.fheml.models.NotCompiledException;
import org.fheml.models.QuantizedModel;
import org.fheml.models.deploy.InputEncoding;
import org.fheml.models.deploy.OutputDecoding;

/**
 * What a k-NN estimator holds after fit: its feature grid, integer program and circuit, the float reference (every
 * training row, min-max scaled), and how its integer outputs read in real units.
 */
final class NeighborsState implements QuantizedModel {

    /**
     * How outputs dequantize: vote counts as they are, or a sum of k quantized targets to their mean,
     * targetOffset + (targetStep / k) · sum, computed in the order a saved model's client computes it.
     */
    record Output(boolean votes, double targetOffset, double targetStep, int k) {

        double[] read(long[] q) {
            double[] out = new double[q.length];
            double perSum = targetStep / k;
            for (int i = 0; i < q.length; i++) {
                out[i] = votes ? q[i] : targetOffset + perSum * q[i];
            }
            return out;
        }

        /** Votes as they are, or the sum of targets times targetStep / k; the offset is the post-processing's. */
        OutputDecoding clientDecoding(int outputs) {
            double[] scales = new double[outputs];
            Arrays.fill(scales, votes ? 1.0 : targetStep / k);
            return new OutputDecoding.Affine(scales, new long[outputs]);
        }
    }

    private final String estimator;
    private FeatureGrid grid;
    private NeighborsProgram program;
    private Output output;
    private double[][] floatRows;
    private Circuit circuit;

    NeighborsState(String estimator) {
        this.estimator = estimator;
    }

    void fitted(FeatureGrid grid, NeighborsProgram program, Output output, double[][] floatRows) {
        this.grid = grid;
        this.program = program;
        this.output = output;
        this.floatRows = floatRows;
        this.circuit = null;
    }

    NeighborsProgram program() {
        requireFitted("program");
        return program;
    }

    FeatureGrid grid() {
        requireFitted("grid");
        return grid;
    }

    /** The training rows min-max scaled, in fit order: the float k-NN's reference set. */
    double[][] floatRows() {
        return floatRows;
    }

    @Override
    public boolean isFitted() {
        return program != null;
    }

    @Override
    public int featureCount() {
        requireFitted("featureCount");
        return floatRows[0].length;
    }

    @Override
    public String estimatorName() {
        return estimator;
    }

    @Override
    public void check(double[][] X, String what) {
        requireFitted(what);
        InputValidation.checkFeatures(X, floatRows[0].length);
    }

    @Override
    public Circuit compile(double[][] X, CompileOptions options) {
        check(X, "compile");
        circuit = program.compile(quantizeFeatures(X), options);
        return circuit;
    }

    @Override
    public Circuit circuit() {
        requireFitted("fheCircuit");
        if (circuit == null) {
            throw new NotCompiledException(estimator, "SIMULATE or EXECUTE");
        }
        return circuit;
    }

    @Override
    public boolean isCompiled() {
        return circuit != null;
    }

    @Override
    public long[][] quantizeInput(double[][] X) {
        check(X, "quantizeInput");
        return quantizeFeatures(X);
    }

    @Override
    public long[][] quantizeFeatures(double[][] X) {
        long[][] q = new long[X.length][];
        for (int i = 0; i < q.length; i++) {
            q[i] = grid.quantize(X[i]);
        }
        return q;
    }

    @Override
    public long[] evaluate(long[] features) {
        return program.evaluate(features);
    }

    @Override
    public double[][] dequantizeOutput(long[][] q) {
        requireFitted("dequantizeOutput");
        double[][] out = new double[q.length][];
        for (int i = 0; i < q.length; i++) {
            out[i] = output.read(q[i]);
        }
        return out;
    }

    @Override
    public InputEncoding clientInputEncoding() {
        requireFitted("save");
        return grid.clientEncoding();
    }

    @Override
    public OutputDecoding clientOutputDecoding() {
        requireFitted("save");
        return output.clientDecoding(program.outputCount());
    }

    /** How outputs dequantize (the regressor's target offset is its client post-processing's). */
    Output output() {
        requireFitted("output");
        return output;
    }

    void requireFitted(String what) {
        if (program == null) {
            throw new NotFittedException(estimator, what);
        }
    }
}
