package org.fheml.models.onnx;

import java.io.InputStream;
import java.nio.file.Path;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.core.FheMode;
import org.fheml.models.FheEstimator;
import org.fheml.models.ModuleModel;
import org.fheml.models.QuantizedModel;
import org.fheml.onnx.FloatOp;
import org.fheml.onnx.OnnxGraph;
import org.fheml.onnx.OnnxInputException;
import org.fheml.onnx.QuantizedMapping;
import org.fheml.quantization.QuantizedModule;

/**
 * A network exported to ONNX (PyTorch, Keras, scikit-learn…), run on encrypted data. {@link #evaluate} runs the
 * float graph in the clear; {@link #compile} quantizes it — post-training at {@link #setNBits} bits calibrated on
 * the given rows, or, for a graph in QCDQ form (QuantizeLinear/DequantizeLinear pairs from quantization-aware
 * training), with the file's own scales, zero points and widths, the rows then only bounding the accumulators —
 * and compiles one circuit. {@link #forward} and {@link #predict} then go through the one predict pipeline in
 * every {@link FheMode}. Each row is one sample flattened in the model's input layout (C×H×W for images). A last
 * Softmax or LogSoftmax runs on the client, in the clear, after dequantization.
 */
public final class OnnxModel extends FheEstimator {

    /** The default post-training width of weights and activations. */
    public static final int DEFAULT_N_BITS = 8;
    /** The default width an accumulator is rounded to before a lookup reads it. */
    public static final int DEFAULT_ROUNDING_THRESHOLD_BITS = 6;

    private final OnnxGraph graph;
    private final ModuleModel model = new ModuleModel("OnnxModel");
    private int nBits = DEFAULT_N_BITS;
    private int roundingThresholdBits = DEFAULT_ROUNDING_THRESHOLD_BITS;
    private FloatOp.Softmax clearSoftmax;

    private OnnxModel(OnnxGraph graph) {
        this.graph = graph;
    }

    /**
     * Reads an ONNX file.
     *
     * @throws org.fheml.onnx.OnnxException when the file is damaged or uses what fheml does not support
     */
    public static OnnxModel load(Path file) {
        return new OnnxModel(OnnxGraph.load(file));
    }

    /** Reads an ONNX model from a stream. */
    public static OnnxModel load(InputStream in) {
        return new OnnxModel(OnnxGraph.load(in));
    }

    /** The float graph. */
    public OnnxGraph graph() {
        return graph;
    }

    /** Whether the file is in QCDQ form, compiled with its own quantization parameters. */
    public boolean isQuantizationAware() {
        return QuantizedMapping.isQcdq(graph);
    }

    /** The float graph in the clear, one output row per input row. */
    public double[][] evaluate(double[][] x) {
        return graph.evaluate(x);
    }

    /** The post-training width of weights and activations (ignored by a QCDQ graph); applies at the next compile. */
    public OnnxModel setNBits(int bits) {
        if (bits < 2 || bits > 16) {
            throw new IllegalArgumentException("n_bits must be 2..16, got " + bits + ".");
        }
        this.nBits = bits;
        return this;
    }

    public int nBits() {
        return nBits;
    }

    /**
     * The width accumulators are rounded to before a lookup reads them (Concrete ML's rounding_threshold_bits);
     * 0 turns rounding off. Applies at the next compile.
     */
    public OnnxModel setRoundingThresholdBits(int bits) {
        if (bits < 0 || bits > 16) {
            throw new IllegalArgumentException("rounding threshold bits must be 0 (off) or 1..16, got " + bits + ".");
        }
        this.roundingThresholdBits = bits;
        return this;
    }

    public int roundingThresholdBits() {
        return roundingThresholdBits;
    }

    /**
     * Quantizes the graph and compiles it: {@code calibration} calibrates post-training quantizers and bounds
     * every accumulator of the circuit.
     */
    @Override
    public Circuit compile(double[][] calibration, CompileOptions options) {
        checkRows(calibration, "compile");
        QuantizedMapping.Result mapped = isQuantizationAware()
                ? QuantizedMapping.quantizationAware(graph, roundingThresholdBits)
                : QuantizedMapping.postTraining(graph, calibration, nBits, roundingThresholdBits);
        model.fitted(mapped.module());
        clearSoftmax = mapped.clearSoftmax();
        return super.compile(calibration, options);
    }

    /** The quantized module of the last compile. */
    public QuantizedModule module() {
        requireCompiled("module");
        return model.module();
    }

    /** The dequantized outputs (after a last Softmax, applied in the clear) computed in the given mode. */
    public double[][] forward(double[][] x, FheMode mode) {
        checkRows(x, "forward");
        requireCompiled("forward");
        double[][] out = predictScores(x, mode, "forward");
        if (clearSoftmax != null) {
            for (double[] row : out) {
                softmax(row, clearSoftmax.log());
            }
        }
        return out;
    }

    /** The index of the largest output of each row, computed in the given mode. */
    public int[] predict(double[][] x, FheMode mode) {
        double[][] out = forward(x, mode);
        int[] labels = new int[out.length];
        for (int r = 0; r < out.length; r++) {
            int best = 0;
            for (int i = 1; i < out[r].length; i++) {
                if (out[r][i] > out[r][best]) {
                    best = i;
                }
            }
            labels[r] = best;
        }
        return labels;
    }

    @Override
    protected QuantizedModel quantizedModel() {
        return model;
    }

    private void requireCompiled(String what) {
        if (!model.isFitted()) {
            throw new NotQuantizedException(what);
        }
    }

    /** Rows must hold one sample each in the input's layout; names the first row that does not. */
    private void checkRows(double[][] x, String what) {
        if (x == null || x.length == 0) {
            throw new OnnxInputException(what + " needs at least one row");
        }
        int size = graph.inputSize();
        for (int r = 0; r < x.length; r++) {
            if (x[r] == null || x[r].length != size) {
                throw new OnnxInputException("row " + r + " has " + (x[r] == null ? "no" : x[r].length)
                        + " values but input '" + graph.inputName() + "' takes " + size + " per sample (shape "
                        + java.util.Arrays.toString(graph.inputShape()) + "); flatten each sample in that layout");
            }
        }
    }

    /** The outputs themselves, through the graph's last softmax in the clear when it ends with one. */
    @Override
    protected org.fheml.models.deploy.PostProcessing postProcessing() {
        requireCompiled("save");
        return new org.fheml.models.deploy.PostProcessing.Raw(clearSoftmax == null
                ? org.fheml.models.deploy.PostProcessing.Softmaxed.NONE : clearSoftmax.log()
                ? org.fheml.models.deploy.PostProcessing.Softmaxed.LOG_SOFTMAX
                : org.fheml.models.deploy.PostProcessing.Softmaxed.SOFTMAX);
    }

    private static void softmax(double[] row, boolean log) {
        double max = java.util.Arrays.stream(row).max().orElse(0);
        double sum = 0;
        for (double v : row) {
            sum += Math.exp(v - max);
        }
        double logSum = max + Math.log(sum);
        for (int i = 0; i < row.length; i++) {
            row[i] = log ? row[i] - logSum : Math.exp(row[i] - logSum);
        }
    }
}
