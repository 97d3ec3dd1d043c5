package org.fheml.models.neighbors;

import java.util.Arrays;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.models.FittedModel;
import org.fheml.models.deploy.InputEncoding;
import org.fheml.models.deploy.OutputDecoding;

/**
 * What a k-NN estimator holds after fit: its feature grid, integer program and circuit, the float reference (every
 * training row, min-max scaled), and how its integer outputs read in real units.
 */
final class NeighborsState extends FittedModel {

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

    private FeatureGrid grid;
    private NeighborsProgram program;
    private Output output;
    private double[][] floatRows;

    NeighborsState(String estimator) {
        super(estimator);
    }

    void fitted(FeatureGrid grid, NeighborsProgram program, Output output, double[][] floatRows) {
        this.grid = grid;
        this.program = program;
        this.output = output;
        this.floatRows = floatRows;
        recordFit(floatRows[0].length);
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
    protected Circuit compileFitted(double[][] X, CompileOptions options) {
        return program.compile(quantizeFeatures(X), options);
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
    protected double[] dequantizeRow(long[] q) {
        return output.read(q);
    }

    @Override
    protected InputEncoding fittedInputEncoding() {
        return grid.clientEncoding();
    }

    @Override
    protected OutputDecoding fittedOutputDecoding() {
        return output.clientDecoding(program.outputCount());
    }

    /** How outputs dequantize (the regressor's target offset is its client post-processing's). */
    Output output() {
        requireFitted("output");
        return output;
    }
}
