package org.fheml.models.tree;

import java.util.Map;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Compiler;
import org.fheml.compilation.Encryption;
import org.fheml.compilation.InputRange;
import org.fheml.compilation.Tracer;
import org.fheml.models.FittedModel;
import org.fheml.models.deploy.InputEncoding;
import org.fheml.models.deploy.OutputDecoding;
import org.fheml.quantization.FeatureQuantizer;
import org.fheml.quantization.TreeNBits;
import org.fheml.quantization.TreeQuantization;

/**
 * What every tree estimator holds after fit: its widths, its per-feature input quantizer, the quantized ensemble,
 * and the circuit compiled from it; and the one inference path every mode goes through
 * (its pieces of the models' one predict pipeline).
 */
final class TreeEstimatorState extends FittedModel {

    private TreeNBits nBits = TreeNBits.of(6);
    private EnsembleOutput output = EnsembleOutput.PER_TREE;
    private TreeInputEncoding inputEncoding = TreeInputEncoding.THERMOMETER;
    private FeatureQuantizer inputs;
    private QuantizedEnsemble quantized;

    TreeEstimatorState(String estimator) {
        super(estimator);
    }

    void setNBits(TreeNBits bits) {
        if (bits == null) {
            throw new IllegalArgumentException("n_bits is null.");
        }
        this.nBits = bits;
    }

    TreeNBits nBits() {
        return nBits;
    }

    /** Changes what the circuit returns; a circuit compiled for another output is dropped. */
    void setOutput(EnsembleOutput output) {
        if (output != this.output) {
            this.output = output;
            dropCircuit();
        }
    }

    EnsembleOutput output() {
        return output;
    }

    /** Changes what the client encrypts; a circuit compiled for the other encoding is dropped. */
    void setInputEncoding(TreeInputEncoding encoding) {
        if (encoding == null) {
            throw new IllegalArgumentException("The input encoding is null: use TreeInputEncoding.THERMOMETER or "
                    + "INTEGERS.");
        }
        if (encoding != inputEncoding) {
            this.inputEncoding = encoding;
            dropCircuit();
        }
    }

    TreeInputEncoding inputEncoding() {
        return inputEncoding;
    }

    /** A per-feature quantizer of op_inputs bits (unsigned), calibrated on the training X. */
    FeatureQuantizer calibrate(double[][] X) {
        return TreeQuantization.inputQuantizer(nBits, X);
    }

    /** X quantized, as the doubles the trees are trained on: every threshold then falls between integers. */
    static double[][] quantizedForTraining(FeatureQuantizer quantizer, double[][] X) {
        long[][] q = quantizer.quantize(X);
        double[][] out = new double[q.length][];
        for (int i = 0; i < q.length; i++) {
            out[i] = java.util.Arrays.stream(q[i]).asDoubleStream().toArray();
        }
        return out;
    }

    /** Records the ensemble trained on features quantized by {@code quantizer}. */
    void fitted(FeatureQuantizer quantizer, TreeEnsemble ensemble) {
        this.quantized = QuantizedEnsemble.quantize(ensemble, nBits.opInputs(), nBits.opLeaves());
        this.inputs = quantizer;
        recordFit(quantizer.features());
    }

    QuantizedEnsemble quantized() {
        requireFitted("the quantized model");
        return quantized;
    }

    /** The quantized features of these (checked) rows, what the integer program reads. */
    @Override
    public long[][] quantizeFeatures(double[][] X) {
        return inputs.quantize(X);
    }

    /** The circuit's input for these rows: the quantized features, thermometer-coded when that is the encoding. */
    @Override
    public long[][] quantizeInput(double[][] X) {
        check(X, "quantizeInput");
        long[][] q = quantizeFeatures(X);
        return inputEncoding == TreeInputEncoding.THERMOMETER ? new ThermometerCode(nBits.opInputs()).encode(q) : q;
    }

    @Override
    public long[] circuitArgument(long[] features) {
        return inputEncoding == TreeInputEncoding.THERMOMETER ? new ThermometerCode(nBits.opInputs()).encode(features)
                : features;
    }

    @Override
    public long[] evaluate(long[] features) {
        return quantized.evaluate(features, output);
    }

    @Override
    protected Circuit compileFitted(double[][] X, CompileOptions options) {
        EnsembleOutput kind = output;
        java.util.function.Function<Tracer, Tracer> lowering = switch (inputEncoding) {
            case THERMOMETER -> {
                ThermometerLowering thermometer = new ThermometerLowering(quantized, featureCount(),
                        new ThermometerCode(nBits.opInputs()));
                yield x -> thermometer.lower(x, kind);
            }
            case INTEGERS -> {
                GemmLowering gemm = new GemmLowering(quantized, featureCount(), nBits.opInputs());
                yield x -> gemm.lower(x, kind);
            }
        };
        return Compiler.of(Map.of("x", Encryption.ENCRYPTED), Map.of("x", circuitInputRange()),
                in -> lowering.apply(in.get("x"))).compile(quantizeInput(X), options);
    }

    /**
     * Every value the circuit's input can take, whatever the calibration rows: each bit of a thermometer code, or
     * each feature's whole quantized range.
     */
    private InputRange circuitInputRange() {
        if (inputEncoding == TreeInputEncoding.THERMOMETER) {
            return InputRange.of(0, 1);
        }
        long[][] range = inputs.integerRange();
        return InputRange.perElement(range[0], range[1]);
    }

    @Override
    public double[][] dequantizeOutput(long[][] raw) {
        requireFitted("dequantizeOutput");
        requireScores("dequantizeOutput");
        return super.dequantizeOutput(raw);
    }

    @Override
    protected double[] dequantizeRow(long[] raw) {
        return quantized.dequantize(raw, output);
    }

    @Override
    protected InputEncoding fittedInputEncoding() {
        return inputEncoding == TreeInputEncoding.THERMOMETER ? new InputEncoding.Thermometer(inputs, nBits.opInputs())
                : new InputEncoding.Quantized(inputs);
    }

    @Override
    protected OutputDecoding fittedOutputDecoding() {
        return quantized.clientDecoding(output);
    }

    /** Throws when the circuit returns labels only (an in-circuit argmax), so that there are no scores. */
    void requireScores(String what) {
        if (output == EnsembleOutput.ARGMAX) {
            throw new IllegalStateException(estimatorName() + " takes the argmax inside the circuit, so " + what
                    + " has no scores to return: call setArgmaxInCircuit(false) to get them.");
        }
    }
}
