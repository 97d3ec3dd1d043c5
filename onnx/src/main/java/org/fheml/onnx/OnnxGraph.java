package org.fheml.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fheml.onnx.proto.MalformedProtoException;
import org.fheml.onnx.proto.OnnxProtoDecoder;

/**
 * A float op graph read from an ONNX file, evaluated in the clear in double precision.
 *
 * <p>The graph has one input and one output; the input's first dimension is the batch, the others are static.
 * Nodes are topologically sorted, every shape is resolved, and everything that does not depend on the input
 * (initializers, Constant nodes, shape computations) is folded into constants, so each {@link Node} holds a
 * {@link FloatOp} whose weights and attributes can be read directly. Shapes are given per sample with the batch
 * dimension kept as 1: node k computes value k + 1 from values (0 is the input) and constants.
 *
 * <p>Everything the file uses that fheml does not support is refused at load time with a typed
 * {@link OnnxException} that names the node, its op type and what is unsupported.
 */
public final class OnnxGraph {

    /** The largest file {@link #load} reads (256 MiB); larger ones are refused before being read. */
    public static final int MAX_FILE_BYTES = 256 << 20;

    private final String inputName;
    private final ElementType inputType;
    private final int[] inputShape;
    private final String outputName;
    private final List<Node> nodes;
    private final int opsetVersion;
    private final String producerName;

    OnnxGraph(String inputName, ElementType inputType, int[] inputShape, String outputName, List<Node> nodes,
            int opsetVersion, String producerName) {
        this.inputName = inputName;
        this.inputType = inputType;
        this.inputShape = inputShape.clone();
        this.outputName = outputName;
        this.nodes = List.copyOf(nodes);
        this.opsetVersion = opsetVersion;
        this.producerName = producerName;
    }

    /** Reads an ONNX model file. */
    public static OnnxGraph load(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new OnnxFormatException(file + " is " + size + " bytes; fheml reads ONNX files up to "
                        + MAX_FILE_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an ONNX model from a stream (read to its end, at most {@link #MAX_FILE_BYTES}). */
    public static OnnxGraph load(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ONNX model: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new OnnxFormatException("the ONNX model is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return load(bytes);
    }

    /** Reads an ONNX model held in memory. */
    public static OnnxGraph load(byte[] bytes) {
        if (bytes.length == 0) {
            throw new OnnxFormatException("the ONNX model is empty (0 bytes)");
        }
        try {
            return GraphImporter.importModel(OnnxProtoDecoder.decodeModel(bytes));
        } catch (MalformedProtoException e) {
            throw new OnnxFormatException(e.getMessage(), e);
        } catch (ShapeMismatch e) {
            throw new OnnxShapeException("model", "tensor", e.getMessage());
        }
    }

    /**
     * Evaluates the graph on each row: row i is sample i flattened in the input's layout (C×H×W for images,
     * row-major), and output row i is the graph output for it, flattened.
     *
     * @throws OnnxInputException when a row is missing or its length is not the input's size
     */
    public double[][] evaluate(double[][] x) {
        int size = inputSize();
        for (int r = 0; r < x.length; r++) {
            if (x[r] == null) {
                throw new OnnxInputException("row " + r + " is null");
            }
            if (x[r].length != size) {
                throw new OnnxInputException("row " + r + " has " + x[r].length + " values but input '" + inputName
                        + "' takes " + size + " per sample (shape " + Arrays.toString(inputShape()) + ")");
            }
        }
        double[][] out = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            out[r] = evaluateSample(x[r]);
        }
        return out;
    }

    private double[] evaluateSample(double[] row) {
        Tensor[] values = new Tensor[nodes.size() + 1];
        double[] input = row.clone();
        if (inputType == ElementType.FLOAT) {
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) input[i];
            }
        }
        values[0] = new Tensor(inputType, inputShape, input);
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            List<Tensor> in = new ArrayList<>(n.inputs().size());
            for (Operand o : n.inputs()) {
                in.add(switch (o) {
                    case Operand.Value v -> values[v.id()];
                    case Operand.Constant c -> c.tensor();
                });
            }
            values[k + 1] = FloatKernels.apply(n.op(), in, n.shape(), n.type());
        }
        return values[nodes.size()].data();
    }

    /**
     * This graph with every BatchNormalization that directly follows a Conv or a Gemm (on 2-D activations) folded
     * into that op's weight and bias, when nothing else reads the Conv's or Gemm's output.
     */
    public OnnxGraph foldBatchNormalization() {
        return new OnnxGraph(inputName, inputType, inputShape, outputName, BatchNormFolding.fold(nodes),
                opsetVersion, producerName);
    }

    /**
     * This graph with every elementwise subgraph of one activation (GELU's erf and tanh forms, SiLU, Mish, chains
     * of activations and scalar arithmetic) collapsed into one {@link UnivariateFunction.Composite} node, which a
     * quantized mapping turns into a single lookup table.
     */
    public OnnxGraph fuseUnivariateSubgraphs() {
        return new OnnxGraph(inputName, inputType, inputShape, outputName, UnivariateFusion.fuse(nodes),
                opsetVersion, producerName);
    }

    /** The graph input's name. */
    public String inputName() {
        return inputName;
    }

    /** The shape of one input sample, without the batch dimension: C×H×W for an image, [F] for features. */
    public int[] inputShape() {
        return Arrays.copyOfRange(inputShape, 1, inputShape.length);
    }

    /** Values per input row. */
    public int inputSize() {
        return (int) Shapes.size(inputShape);
    }

    /** The graph output's name. */
    public String outputName() {
        return outputName;
    }

    /** The shape of one output sample, without the batch dimension. */
    public int[] outputShape() {
        int[] full = nodes.isEmpty() ? inputShape : nodes.get(nodes.size() - 1).shape();
        return Arrays.copyOfRange(full, 1, full.length);
    }

    /** The nodes in topological order; node k computes value k + 1, value 0 is the input. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The version of the default ONNX operator set the model imports (13 to 21). */
    public int opsetVersion() {
        return opsetVersion;
    }

    /** The tool that wrote the file (ModelProto.producer_name), or "". */
    public String producerName() {
        return producerName;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("OnnxGraph(").append(inputName).append(Arrays.toString(inputShape()))
                .append(" -> ").append(outputName).append(Arrays.toString(outputShape())).append(")\n");
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            s.append("  %").append(k + 1).append(" = ").append(n.op().getClass().getSimpleName()).append(' ')
                    .append(n.inputs().stream().map(o -> switch (o) {
                        case Operand.Value v -> "%" + v.id();
                        case Operand.Constant c -> c.tensor().toString();
                    }).toList()).append(" : ").append(Arrays.toString(n.shape())).append("  # ").append(n.name())
                    .append('\n');
        }
        return s.toString();
    }
}
