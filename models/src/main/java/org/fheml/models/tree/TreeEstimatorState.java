package org.fheml.models.tree;

import java.util.Map;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Compiler;
import org.fheml.compilation.Encryption;
import org.fheml.compilation.Tracer;
import org.fheml.core.InputValidation;
import org.fheml.core.NotFittedException;
import org.fheml.models.NotCompiledException;
import org.fheml.models.QuantizedModel;
import org.fheml.quantization.FeatureQuantizer;
import org.fheml.quantization.TreeNBits;
import org.fheml.quantization.TreeQuantization;

/**
 * What every tree estimator holds after fit: its widths, its per-feature input quantizer, the quantized ensemble,
 * and the circuit compiled from it; and the one inference path every mode goes through
 * (its pieces of the models' one predict pipeline).
 */
final class TreeEstimatorState implements QuantizedModel {

    private final String estimator;
    private TreeNBits nBits = TreeNBits.of(6);
    private EnsembleOutput output = EnsembleOutput.PER_TREE;
    private TreeInputEncoding inputEncoding = TreeInputEncoding.THERMOMETER;
    private FeatureQuantizer inputs;
    private QuantizedEnsemble quantized;
    private int featureCount = -1;
    private Circuit circuit;

    TreeEstimatorState(String estimator) {
        this.estimator = estimator;
    }

    String estimator() {
        return estimator;
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
            this.circuit = null;
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
            this.circuit = null;
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
        this.featureCount = quantizer.features();
        this.circuit = null;
    }

    @Override
    public boolean isFitted() {
        return quantized != null;
    }

    @Override
    public int featureCount() {
        requireFitted("featureCount");
        return featureCount;
    }

    QuantizedEnsemble quantized() {
        requireFitted("the quantized model");
        return quantized;
    }

    @Override
    public String estimatorName() {
        return estimator;
    }

    @Override
    public void check(double[][] X, String what) {
        requireFitted(what);
        InputValidation.checkFeatures(X, featureCount);
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
    public Circuit compile(double[][] X, CompileOptions options) {
        check(X, "compile");
        EnsembleOutput kind = output;
        java.util.function.Function<Tracer, Tracer> lowering = switch (inputEncoding) {
            case THERMOMETER -> {
                ThermometerLowering thermometer = new ThermometerLowering(quantized, featureCount,
                        new ThermometerCode(nBits.opInputs()));
                yield x -> thermometer.lower(x, kind);
            }
            case INTEGERS -> {
                GemmLowering gemm = new GemmLowering(quantized, featureCount, nBits.opInputs());
                yield x -> gemm.lower(x, kind);
            }
        };
        circuit = Compiler.of(Map.of("x", Encryption.ENCRYPTED), in -> lowering.apply(in.get("x")))
                .compile(quantizeInput(X), options);
        return circuit;
    }

    @Override
    public boolean isCompiled() {
        return circuit != null;
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
    public double[][] dequantizeOutput(long[][] raw) {
        requireFitted("dequantizeOutput");
        requireScores("dequantizeOutput");
        double[][] out = new double[raw.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = quantized.dequantize(raw[i], output);
        }
        return out;
    }

    @Override
    public org.fheml.models.deploy.InputEncoding clientInputEncoding() {
        requireFitted("save");
        return inputEncoding == TreeInputEncoding.THERMOMETER
                ? new org.fheml.models.deploy.InputEncoding.Thermometer(inputs, nBits.opInputs())
                : new org.fheml.models.deploy.InputEncoding.Quantized(inputs);
    }

    @Override
    public org.fheml.models.deploy.OutputDecoding clientOutputDecoding() {
        requireFitted("save");
        return quantized.clientDecoding(output);
    }

    /** Throws when the circuit returns labels only (an in-circuit argmax), so that there are no scores. */
    void requireScores(String what) {
        if (output == EnsembleOutput.ARGMAX) {
            throw new IllegalStateException(estimator + " takes the argmax inside the circuit, so " + what
                    + " has no scores to return: call setArgmaxInCircuit(false) to get them.");
        }
    }

    void requireFitted(String what) {
        if (!isFitted()) {
            throw new NotFittedException(estimator, what);
        }
    }
}
