package org.fheml.onnx;

import java.util.Arrays;
import org.fheml.compilation.Exactness;
import org.fheml.quantization.Activation;
import org.fheml.quantization.ConvGeometry;
import org.fheml.quantization.FeatureQuantizer;
import org.fheml.quantization.IntegerBounds;
import org.fheml.quantization.QuantizationOptions;
import org.fheml.quantization.QuantizedModule;
import org.fheml.quantization.QuantizedModuleBuilder;
import org.fheml.quantization.QuantizedModuleBuilder.Value;
import org.fheml.quantization.RoundOp;
import org.fheml.quantization.UniformQuantizer;

/**
 * Maps a float graph onto a {@link QuantizedModule}, either post-training (every weight and activation quantized
 * to {@code nBits}, calibrated on data) or from QCDQ form (QuantizeLinear → Clip → DequantizeLinear carry the
 * exact scales and zero points; weights are read back as integers on their grid). In both, an accumulator wider
 * than {@code roundingThresholdBits} is rounded before the lookup that reads it (0 turns rounding off); MaxPool is
 * a tournament of {@code a + relu(b − a)} lookups; a last Softmax/LogSoftmax is left to the client, in the clear.
 * What cannot be mapped is refused with an {@link UnsupportedOnnxException} naming the node.
 */
public final class QuantizedMapping {

    /** The module, and the Softmax to apply to its outputs in the clear (null when the graph ends otherwise). */
    public record Result(QuantizedModule module, FloatOp.Softmax clearSoftmax) {
    }

    private final OnnxGraph graph;
    private final boolean qcdq;
    private final int nBits;
    private final int roundingBits;
    private QuantizedModuleBuilder b;
    private Value[] values;
    /** In QCDQ form: an activation whose output quantizer is the QuantizeLinear after it, by its float value. */
    private Activation[] pendingFunction;
    private int[] pendingInput;

    private QuantizedMapping(OnnxGraph graph, boolean qcdq, int nBits, int roundingBits) {
        this.graph = graph.foldBatchNormalization().fuseUnivariateSubgraphs();
        this.qcdq = qcdq;
        this.nBits = nBits;
        this.roundingBits = roundingBits;
    }

    /** Whether the graph holds QuantizeLinear nodes on its data path (quantization-aware training's export). */
    public static boolean isQcdq(OnnxGraph graph) {
        return graph.nodes().stream().anyMatch(n -> n.op() instanceof FloatOp.QuantizeLinear);
    }

    /** Post-training quantization at {@code nBits}, calibrated on {@code calibration} (rows in the input layout). */
    public static Result postTraining(OnnxGraph graph, double[][] calibration, int nBits, int roundingBits) {
        if (nBits < 2 || nBits > 16) {
            throw new IllegalArgumentException("n_bits must be 2..16, got " + nBits + ".");
        }
        return new QuantizedMapping(graph, false, nBits, roundingBits).map(calibration);
    }

    /** The QCDQ graph with its own scales, zero points and widths. */
    public static Result quantizationAware(OnnxGraph graph, int roundingBits) {
        return new QuantizedMapping(graph, true, 0, roundingBits).map(null);
    }

    private Result map(double[][] calibration) {
        var nodes = graph.nodes();
        int last = nodes.size();
        FloatOp.Softmax softmax = null;
        if (last > 0 && nodes.get(last - 1).op() instanceof FloatOp.Softmax s) {
            softmax = s;
            last--;
        }
        values = new Value[nodes.size() + 1];
        pendingFunction = new Activation[nodes.size() + 1];
        pendingInput = new int[nodes.size() + 1];
        int[] inputShape = graph.inputShape();
        int k = 0;
        if (qcdq) {
            if (last == 0 || !(nodes.get(0).op() instanceof FloatOp.QuantizeLinear)
                    || valueInput(nodes.get(0), 0) != 0) {
                throw new UnsupportedOnnxException(nodes.isEmpty() ? "model" : nodes.get(0).name(),
                        nodes.isEmpty() ? "graph" : nodes.get(0).onnxOpType(),
                        "a QCDQ graph must start with QuantizeLinear on the input");
            }
            Qdq q = qdq(0);
            b = QuantizedModule.builder(FeatureQuantizer.uniform(q.quantizer, graph.inputSize()), inputShape);
            values[q.end + 1] = b.input();
            k = q.end + 1;
        } else {
            boolean perFeature = inputShape.length == 1 && nodes.stream().filter(n -> readsValue(n, 0))
                    .allMatch(n -> n.op() instanceof FloatOp.Gemm);
            b = QuantizedModule.postTraining(calibration, QuantizationOptions.signed(nBits), perFeature, inputShape);
            values[0] = b.input();
        }
        for (; k < last; k++) {
            k = mapNode(k, last);
        }
        Value out = values[last];
        if (out == null) {
            throw new UnsupportedOnnxException(nodes.get(last - 1).name(), nodes.get(last - 1).onnxOpType(),
                    "the graph output is not computed on the quantized path");
        }
        return new Result(b.build(out), softmax);
    }

    /** Maps node k; returns the index of the last node it consumed. */
    private int mapNode(int k, int last) {
        Node n = graph.nodes().get(k);
        switch (n.op()) {
            case FloatOp.Gemm g -> values[k + 1] = gemm(n, g, k + 1 == last);
            case FloatOp.Conv c -> values[k + 1] = conv(n, c, k + 1 == last);
            case FloatOp.AveragePool p -> {
                if (!p.countIncludePad() && Arrays.stream(p.pads()).anyMatch(v -> v != 0)) {
                    throw unsupported(n, "average pooling with padding excluded from the divisor "
                            + "(count_include_pad = 0)");
                }
                Value x = uniform(n, input(n, 0));
                values[k + 1] = b.avgPool2d(x, geometry(n, p.kernel(), p.strides(), p.pads(), new int[] {1, 1}));
            }
            case FloatOp.GlobalAveragePool p -> {
                int[] s = chw(n);
                values[k + 1] = b.avgPool2d(uniform(n, input(n, 0)), new ConvGeometry(s[0], s[1], s[2], s[1], s[2],
                        1, 1, 0, 0, 0, 0, 1, 1));
            }
            case FloatOp.MaxPool m -> values[k + 1] = maxPool(n, m);
            case FloatOp.BatchNormalization bn -> {
                int[] shape = sampleShape(n);
                double[] scale = perChannel(bn.scale(), shape);
                double[] shift = perChannel(bn.shift(), shape);
                values[k + 1] = b.addConstant(b.multiplyConstant(input(n, 0), scale), shift);
            }
            case FloatOp.Binary bin -> values[k + 1] = binary(n, bin);
            case FloatOp.Univariate u -> {
                Activation f = activation(u.function());
                int in = valueInput(n, 0);
                if (qcdq && k + 1 < last && graph.nodes().get(k + 1).op() instanceof FloatOp.QuantizeLinear
                        && valueInput(graph.nodes().get(k + 1), 0) == k + 1) {
                    pendingFunction[k + 1] = f;
                    pendingInput[k + 1] = in;
                } else if (u.function() instanceof UnivariateFunction.Neg) {
                    values[k + 1] = b.multiplyConstant(values[in], -1);
                } else {
                    values[k + 1] = lookup(n, values[in], f);
                }
            }
            case FloatOp.Reshape r -> values[k + 1] = b.reshape(input(n, 0),
                    Arrays.copyOfRange(r.shape(), 1, r.shape().length));
            case FloatOp.QuantizeLinear q -> {
                Qdq qdq = qdq(k);
                int in = valueInput(n, 0);
                Value x = pendingFunction[in] != null ? values[pendingInput[in]] : values[in];
                Activation f = pendingFunction[in] != null ? pendingFunction[in] : Activation.identity();
                requireMapped(n, x);
                values[qdq.end + 1] = b.activation(rounded(n, x), f, qdq.quantizer);
                return qdq.end;
            }
            case FloatOp.DequantizeLinear d -> throw unsupported(n, "DequantizeLinear without a QuantizeLinear "
                    + "before it on the data path");
            case FloatOp.Transpose t -> values[k + 1] = transpose(n, t);
            case FloatOp.Concat c -> values[k + 1] = concat(n, c);
            case FloatOp.Pad p -> values[k + 1] = pad(n, p);
            case FloatOp.Softmax s -> throw unsupported(n, "Softmax anywhere but as the graph's last op");
        }
        return k;
    }

    /** Output axis i is input axis perm[i + 1] − 1 of the sample (the batch axis stays first). */
    private Value transpose(Node n, FloatOp.Transpose t) {
        Value x = input(n, 0);
        int[] in = b.quantizationOf(x).shape();
        int[] out = sampleShape(n);
        int[] inStrides = strides(in);
        int[] positions = new int[product(out)];
        int[] index = new int[out.length];
        for (int o = 0; o < positions.length; o++) {
            int src = 0;
            for (int d = 0; d < out.length; d++) {
                src += index[d] * inStrides[t.perm()[d + 1] - 1];
            }
            positions[o] = src;
            next(index, out);
        }
        return b.gather(new Value[] {x}, out, new int[positions.length], positions, 0, 0);
    }

    /**
     * The inputs side by side along the axis, on one quantization: inputs whose scales or zero points differ are
     * first requantized by an identity lookup onto a scale calibrated over all of them (post-training).
     */
    private Value concat(Node n, FloatOp.Concat c) {
        int count = n.inputs().size();
        Value[] parts = new Value[count];
        for (int i = 0; i < count; i++) {
            parts[i] = input(n, i);
        }
        boolean same = true;
        for (int i = 1; i < count; i++) {
            same &= b.quantizationOf(parts[i]).isUniform() && b.quantizationOf(parts[0]).isUniform()
                    && b.quantizationOf(parts[i]).scale(0) == b.quantizationOf(parts[0]).scale(0)
                    && b.quantizationOf(parts[i]).zeroPoint(0) == b.quantizationOf(parts[0]).zeroPoint(0);
        }
        if (!same) {
            if (qcdq) {
                throw unsupported(n, "Concat of tensors with different scales or zero points in a QCDQ graph");
            }
            double[] all = java.util.Arrays.stream(parts).flatMap(v -> java.util.Arrays.stream(b.calibrationOf(v)))
                    .flatMapToDouble(java.util.Arrays::stream).toArray();
            UniformQuantizer common = UniformQuantizer.calibrate(QuantizationOptions.signed(nBits), all);
            for (int i = 0; i < count; i++) {
                parts[i] = requantize(n, parts[i], Activation.identity(), common);
            }
        }
        int[] out = sampleShape(n);
        int axis = c.axis() - 1;
        int inner = 1;
        for (int d = axis + 1; d < out.length; d++) {
            inner *= out[d];
        }
        int[] sources = new int[product(out)];
        int[] positions = new int[sources.length];
        int outBlock = out[axis] * inner;
        int offset = 0;
        for (int i = 0; i < count; i++) {
            int[] shape = b.quantizationOf(parts[i]).shape();
            int block = shape[axis] * inner;
            int outer = product(shape) / block;
            for (int o = 0; o < outer; o++) {
                for (int e = 0; e < block; e++) {
                    sources[o * outBlock + offset + e] = i;
                    positions[o * outBlock + offset + e] = o * block + e;
                }
            }
            offset += block;
        }
        return b.gather(parts, out, sources, positions, 0, 0);
    }

    /** Constant, edge or reflect padding, as {@link LayoutKernels#pad}; a constant pad is the pad value quantized. */
    private Value pad(Node n, FloatOp.Pad p) {
        Value x = input(n, 0);
        int rank = n.shape().length;
        if (p.pads()[0] != 0 || p.pads()[rank] != 0) {
            throw unsupported(n, "padding of the batch dimension");
        }
        int[] in = b.quantizationOf(x).shape();
        int[] out = sampleShape(n);
        int[] inStrides = strides(in);
        int[] sources = new int[product(out)];
        int[] positions = new int[sources.length];
        int[] index = new int[out.length];
        for (int o = 0; o < sources.length; o++) {
            int src = 0;
            boolean inside = true;
            for (int d = 0; d < out.length; d++) {
                int i = index[d] - p.pads()[d + 1];
                int size = in[d];
                if (i < 0 || i >= size) {
                    switch (p.mode()) {
                        case CONSTANT -> inside = false;
                        case EDGE -> i = i < 0 ? 0 : size - 1;
                        case REFLECT -> i = i < 0 ? -i : 2 * (size - 1) - i;
                    }
                }
                src += i * inStrides[d];
            }
            sources[o] = inside ? 0 : -1;
            positions[o] = inside ? src : 0;
            next(index, out);
        }
        long constant = 0;
        if (p.mode() == FloatOp.PadMode.CONSTANT) {
            x = uniform(n, x);
            var q = b.quantizationOf(x);
            constant = Math.round(p.value() / q.scale(0)) + q.zeroPoint(0);
        }
        return b.gather(new Value[] {x}, out, sources, positions, constant, p.value());
    }

    private static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    private static int product(int[] shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
    }

    /** The next row-major multi-index within {@code shape}. */
    private static void next(int[] index, int[] shape) {
        for (int d = shape.length - 1; d >= 0; d--) {
            if (++index[d] < shape[d]) {
                return;
            }
            index[d] = 0;
        }
    }

    private Value gemm(Node n, FloatOp.Gemm g, boolean output) {
        Value x = input(n, 0);
        if (b.quantizationOf(x).shape().length != 1) {
            throw unsupported(n, "Gemm/MatMul on an activation of rank " + (n.shape().length)
                    + "; flatten it to [N, K] first");
        }
        int rows = g.weight().shape()[0];
        int cols = g.weight().shape()[1];
        double[][] w = new double[rows][];
        for (int i = 0; i < rows; i++) {
            w[i] = Arrays.copyOfRange(g.weight().data(), i * cols, (i + 1) * cols);
        }
        double[] bias = g.bias() == null ? new double[cols] : g.bias().data().clone();
        if (!qcdq) {
            return b.gemm(x, w, bias, QuantizationOptions.signed(nBits), output);
        }
        Grid grid = grid(n, w, output);
        return b.gemm(x, grid.integers, grid.scales, new long[grid.scales.length], bias);
    }

    private Value conv(Node n, FloatOp.Conv c, boolean output) {
        Value x = uniform(n, input(n, 0));
        Tensor wt = c.weight();
        int[] ws = wt.shape();
        double[][][][] w = new double[ws[0]][ws[1]][ws[2]][ws[3]];
        double[][] flat = new double[ws[0]][];
        int per = ws[1] * ws[2] * ws[3];
        for (int o = 0; o < ws[0]; o++) {
            flat[o] = Arrays.copyOfRange(wt.data(), o * per, (o + 1) * per);
            for (int ch = 0; ch < ws[1]; ch++) {
                for (int y = 0; y < ws[2]; y++) {
                    for (int xx = 0; xx < ws[3]; xx++) {
                        w[o][ch][y][xx] = flat[o][(ch * ws[2] + y) * ws[3] + xx];
                    }
                }
            }
        }
        double[] bias = c.bias() == null ? new double[ws[0]] : c.bias().data().clone();
        ConvGeometry geo = geometry(n, new int[] {ws[2], ws[3]}, c.strides(), c.pads(), c.dilations());
        if (!qcdq) {
            return b.conv2d(x, geo, c.group(), w, bias, nBits, output);
        }
        // the grid search reads columns: one column per output channel
        double[][] byColumn = new double[per][ws[0]];
        for (int o = 0; o < ws[0]; o++) {
            for (int i = 0; i < per; i++) {
                byColumn[i][o] = flat[o][i];
            }
        }
        Grid grid = grid(n, byColumn, output);
        long[][][][] q = new long[ws[0]][ws[1]][ws[2]][ws[3]];
        for (int o = 0; o < ws[0]; o++) {
            for (int ch = 0; ch < ws[1]; ch++) {
                for (int y = 0; y < ws[2]; y++) {
                    for (int xx = 0; xx < ws[3]; xx++) {
                        q[o][ch][y][xx] = grid.integers[(ch * ws[2] + y) * ws[3] + xx][o];
                    }
                }
            }
        }
        return b.conv2d(x, geo, c.group(), q, grid.scales, bias);
    }

    /** max over each window as a tournament: max(a, b) = a + relu(b − a), one lookup per comparison. */
    private Value maxPool(Node n, FloatOp.MaxPool m) {
        if (Arrays.stream(m.pads()).anyMatch(v -> v != 0) || Arrays.stream(m.dilations()).anyMatch(v -> v != 1)) {
            throw unsupported(n, "MaxPool with padding or dilation");
        }
        Value x = uniform(n, input(n, 0));
        var qx = b.quantizationOf(x);
        int[] s = chw(n);
        int kh = m.kernel()[0];
        int kw = m.kernel()[1];
        ConvGeometry geo = new ConvGeometry(s[0], s[1], s[2], kh, kw, m.strides()[0], m.strides()[1], 0, 0, 0, 0, 1,
                1);
        Value[] round = new Value[kh * kw];
        for (int p = 0; p < round.length; p++) {
            long[][][][] oneHot = new long[s[0]][1][kh][kw];
            for (int ch = 0; ch < s[0]; ch++) {
                oneHot[ch][0][p / kw][p % kw] = 1;
            }
            // the element at window position p, as q − Zx on the input's scale
            round[p] = b.conv2d(x, geo, s[0], oneHot, new double[] {1.0}, new double[s[0]]);
        }
        IntegerBounds bx = b.boundsOf(x);
        long span = bx.max() - bx.min();
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, span)));
        UniformQuantizer relu = new UniformQuantizer(QuantizationOptions.unsigned(bits), qx.scale(0), 0);
        int count = round.length;
        while (count > 1) {
            int next = 0;
            for (int i = 0; i + 1 < count; i += 2) {
                Value a = round[i];
                Value d = b.add(round[i + 1], b.multiplyConstant(a, -1));
                round[next++] = b.add(a, b.activation(rounded(n, d), Activation.relu(), relu));
            }
            if (count % 2 == 1) {
                round[next++] = round[count - 1];
            }
            count = next;
        }
        return round[0];
    }

    private Value binary(Node n, FloatOp.Binary bin) {
        Operand left = n.inputs().get(0);
        Operand right = n.inputs().get(1);
        if (left instanceof Operand.Value l && right instanceof Operand.Value r) {
            return switch (bin.operator()) {
                case ADD -> b.add(values[l.id()], values[r.id()]);
                case SUB -> b.add(values[l.id()], b.multiplyConstant(values[r.id()], -1));
                default -> throw unsupported(n, bin.operator() + " of two activations (only Add and Sub)");
            };
        }
        boolean constantFirst = left instanceof Operand.Constant;
        Value x = values[((Operand.Value) (constantFirst ? right : left)).id()];
        Tensor c = ((Operand.Constant) (constantFirst ? left : right)).tensor();
        double[] cb = broadcast(n, c, sampleShape(n));
        return switch (bin.operator()) {
            case ADD -> b.addConstant(x, cb);
            case MUL -> b.multiplyConstant(x, cb);
            case SUB -> constantFirst ? b.addConstant(b.multiplyConstant(x, -1), cb) : b.subtractConstant(x, cb);
            case DIV -> {
                if (constantFirst) {
                    throw unsupported(n, "division by an activation");
                }
                yield b.multiplyConstant(x, Arrays.stream(cb).map(v -> 1 / v).toArray());
            }
            case PRELU, POW -> {
                if (constantFirst || Arrays.stream(cb).distinct().count() != 1) {
                    throw unsupported(n, bin.operator() + " with a different constant per element");
                }
                double v = cb[0];
                Activation f = bin.operator() == FloatOp.BinaryOperator.PRELU ? new Activation.LeakyRelu(v)
                        : new Activation.Custom("Pow " + v, t -> Math.pow(t, v), false);
                yield lookup(n, x, f);
            }
        };
    }

    /** A lookup of f after rounding; post-training, its output quantizer is calibrated on f's values. */
    private Value lookup(Node n, Value x, Activation f) {
        if (qcdq) {
            throw unsupported(n, "an activation without a QuantizeLinear after it in a QCDQ graph");
        }
        requireMapped(n, x);
        QuantizationOptions options = f.nonNegative() ? QuantizationOptions.unsigned(nBits)
                : QuantizationOptions.signed(nBits);
        if (b.quantizationOf(x).isUniform()) {
            return b.activation(rounded(n, x), f, options);
        }
        double[] values = java.util.Arrays.stream(b.calibrationOf(x)).flatMapToDouble(java.util.Arrays::stream)
                .map(f::apply).toArray();
        return requantize(n, x, f, UniformQuantizer.calibrate(options, values));
    }

    /**
     * x, which must have one scale and zero point for all its elements. Post-training, an x with one scale per
     * channel (after an unfolded BatchNormalization or a per-channel multiplication) is requantized onto one scale
     * by an identity lookup per element.
     */
    private Value uniform(Node n, Value x) {
        requireMapped(n, x);
        if (b.quantizationOf(x).isUniform()) {
            return x;
        }
        if (!qcdq) {
            return lookup(n, x, Activation.identity());
        }
        throw unsupported(n, "an input with one scale per channel (after an unfolded BatchNormalization or a "
                + "per-channel multiplication); lookups and pooling need one scale for the whole tensor: put the "
                + "BatchNormalization directly after a Conv or Gemm so that it folds");
    }

    /** The largest table a per-element requantization builds, in entries over all elements. */
    private static final long MAX_TABLE_ENTRIES = 1L << 24;

    /**
     * f(x) requantized by {@code out}, after rounding: one lookup per element through its own table (a
     * {@link TableOp}), so that elements of different scales or zero points each read theirs.
     */
    private Value requantize(Node n, Value x, Activation f, UniformQuantizer out) {
        Value in = rounded(n, x);
        var qIn = b.quantizationOf(in);
        IntegerBounds bounds = b.boundsOf(in);
        long offset = bounds.min();
        long size = bounds.max() - offset + 1;
        if (size * qIn.size() > MAX_TABLE_ENTRIES) {
            throw unsupported(n, "a requantization whose tables would hold " + size * qIn.size() + " entries; "
                    + "lower n_bits or set rounding threshold bits");
        }
        long[][] tables = new long[qIn.size()][(int) size];
        for (int e = 0; e < tables.length; e++) {
            for (int v = 0; v < size; v++) {
                tables[e][v] = out.quantize(f.apply(qIn.dequantize(e, offset + v)));
            }
        }
        var output = org.fheml.quantization.TensorQuantization.uniform(qIn.shape(), out.scale(), out.zeroPoint());
        return b.add(new org.fheml.quantization.TableOp(f, qIn, offset, tables, output), in);
    }

    /**
     * x rounded so that the lookup after it reads {@code roundingBits} bits. Post-training, the bits removed are
     * measured on the calibration rows (as Concrete ML measures them on its inputset), not on the worst case of
     * every input, which would round away most of the signal.
     */
    private Value rounded(Node n, Value x) {
        if (roundingBits == 0) {
            return x;
        }
        IntegerBounds bounds = qcdq ? b.boundsOf(x) : observed(x);
        int lsbs = RoundOp.lsbsFor(bounds.min(), bounds.max(), roundingBits);
        if (lsbs == 0) {
            return x;
        }
        return b.add(new RoundOp(lsbs, Exactness.EXACT, b.quantizationOf(x)), x);
    }

    /** The integers of x over the calibration rows. */
    private IntegerBounds observed(Value x) {
        var q = b.quantizationOf(x);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (double[] row : b.calibrationOf(x)) {
            for (int e = 0; e < row.length; e++) {
                long v = Math.round(row[e] / q.scale(e)) + q.zeroPoint(e);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return IntegerBounds.uniform(q.size(), min, max);
    }

    private record Qdq(UniformQuantizer quantizer, int end) {
    }

    /** The QuantizeLinear at node k, an optional Clip after it and the DequantizeLinear that ends the pattern. */
    private Qdq qdq(int k) {
        var nodes = graph.nodes();
        Node qn = nodes.get(k);
        FloatOp.QuantizeLinear q = (FloatOp.QuantizeLinear) qn.op();
        if (q.scale().length != 1) {
            throw unsupported(qn, "per-axis QuantizeLinear on activations (one scale per tensor is needed)");
        }
        double lo;
        double hi;
        switch (q.type()) {
            case UINT8 -> {
                lo = 0;
                hi = 255;
            }
            case INT8 -> {
                lo = -128;
                hi = 127;
            }
            default -> throw unsupported(qn, "QuantizeLinear to " + q.type() + " (int8 and uint8 are supported)");
        }
        int end = k + 1;
        if (end < nodes.size() && nodes.get(end).op() instanceof FloatOp.Univariate u
                && u.function() instanceof UnivariateFunction.Clip clip && valueInput(nodes.get(end), 0) == k + 1) {
            lo = Math.max(lo, Math.ceil(clip.min()));
            hi = Math.min(hi, Math.floor(clip.max()));
            end++;
        }
        if (end >= nodes.size() || !(nodes.get(end).op() instanceof FloatOp.DequantizeLinear d)
                || valueInput(nodes.get(end), 0) != end) {
            throw unsupported(qn, "QuantizeLinear not followed by DequantizeLinear (QCDQ form)");
        }
        if (d.scale().length != 1 || d.scale()[0] != q.scale()[0] || d.zeroPoint()[0] != q.zeroPoint()[0]) {
            throw unsupported(nodes.get(end), "DequantizeLinear with another scale or zero point than its "
                    + "QuantizeLinear");
        }
        long zp = (long) q.zeroPoint()[0];
        QuantizationOptions options = null;
        for (int bits = 1; bits <= 8 && options == null; bits++) {
            long half = 1L << (bits - 1);
            if (lo == 0 && hi == (1L << bits) - 1) {
                options = QuantizationOptions.unsigned(bits);
            } else if (lo == -half && hi == half - 1) {
                options = QuantizationOptions.signed(bits);
            } else if (bits > 1 && lo == -half + 1 && hi == half - 1) {
                options = new QuantizationOptions(bits, true, false, true);
            }
        }
        if (options == null) {
            throw unsupported(qn, "integer range [" + (long) lo + ", " + (long) hi + "] is not that of a signed or "
                    + "unsigned width");
        }
        return new Qdq(new UniformQuantizer(options, q.scale()[0], zp), end);
    }

    private record Grid(long[][] integers, double[] scales) {
    }

    /**
     * Weights read back as integers on their quantization grid: one scale for all when one fits (needed before a
     * lookup), else one per column (allowed on the output).
     */
    private Grid grid(Node n, double[][] w, boolean perColumnAllowed) {
        int rows = w.length;
        int cols = w[0].length;
        double all = scaleOf(Arrays.stream(w).flatMapToDouble(Arrays::stream).toArray());
        double[] scales = new double[cols];
        if (all > 0) {
            Arrays.fill(scales, all);
        } else if (perColumnAllowed) {
            for (int c = 0; c < cols; c++) {
                final int col = c;
                scales[c] = scaleOf(Arrays.stream(w).mapToDouble(r -> r[col]).toArray());
                if (scales[c] < 0) {
                    throw unsupported(n, "weights of output " + c + " are not on a grid of at most 8 bits; a QCDQ "
                            + "graph quantizes weights with QuantizeLinear/DequantizeLinear");
                }
            }
        } else {
            throw unsupported(n, "weights not on one grid of at most 8 bits; before a lookup a QCDQ graph needs "
                    + "per-tensor weight quantization");
        }
        long[][] q = new long[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                q[i][c] = Math.round(w[i][c] / scales[c]);
            }
        }
        return new Grid(q, all > 0 ? new double[] {all} : scales);
    }

    /** The coarsest scale s = max|w|/m (m ≤ 127) with every w an integer multiple of s, or −1. */
    private static double scaleOf(double[] w) {
        double max = Arrays.stream(w).map(Math::abs).max().orElse(0);
        if (max == 0) {
            return 1;
        }
        for (int m = 1; m <= 127; m++) {
            double s = max / m;
            boolean fits = true;
            for (double v : w) {
                double r = v / s;
                if (Math.abs(r - Math.rint(r)) > 1e-3) {
                    fits = false;
                    break;
                }
            }
            if (fits) {
                return s;
            }
        }
        return -1;
    }

    private ConvGeometry geometry(Node n, int[] kernel, int[] strides, int[] pads, int[] dilations) {
        int[] s = chw(n);
        return new ConvGeometry(s[0], s[1], s[2], kernel[0], kernel[1], strides[0], strides[1], pads[0], pads[1],
                pads[2], pads[3], dilations[0], dilations[1]);
    }

    /** The C, H, W of node n's first input. */
    private int[] chw(Node n) {
        int[] shape = b.quantizationOf(input(n, 0)).shape();
        if (shape.length != 3) {
            throw unsupported(n, "a 2-D image op on an activation of shape " + Arrays.toString(shape)
                    + " (C×H×W expected)");
        }
        return shape;
    }

    /** Node n's output shape without the batch dimension. */
    private static int[] sampleShape(Node n) {
        return Arrays.copyOfRange(n.shape(), 1, n.shape().length);
    }

    private static double[] perChannel(double[] perChannel, int[] shape) {
        int inner = 1;
        for (int i = 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        double[] out = new double[perChannel.length * inner];
        for (int i = 0; i < out.length; i++) {
            out[i] = perChannel[i / inner];
        }
        return out;
    }

    /** The constant broadcast (numpy rules) to a sample of the given shape, flattened. */
    private static double[] broadcast(Node n, Tensor c, int[] sample) {
        int[] full = new int[sample.length + 1];
        full[0] = 1;
        System.arraycopy(sample, 0, full, 1, sample.length);
        int[] cs = c.shape();
        if (cs.length > full.length) {
            throw unsupported(n, "a constant of rank " + cs.length + " broadcast to rank " + full.length);
        }
        int size = 1;
        for (int d : full) {
            size *= d;
        }
        double[] out = new double[size];
        int offset = full.length - cs.length;
        int[] idx = new int[full.length];
        for (int e = 0; e < size; e++) {
            int rest = e;
            for (int d = full.length - 1; d >= 0; d--) {
                idx[d] = rest % full[d];
                rest /= full[d];
            }
            int ci = 0;
            for (int d = 0; d < cs.length; d++) {
                ci = ci * cs[d] + (cs[d] == 1 ? 0 : idx[d + offset]);
            }
            out[e] = c.data()[ci];
        }
        return out;
    }

    private static Activation activation(UnivariateFunction f) {
        return switch (f) {
            case UnivariateFunction.Relu r -> new Activation.Relu();
            case UnivariateFunction.LeakyRelu l -> new Activation.LeakyRelu(l.alpha());
            case UnivariateFunction.Sigmoid s -> new Activation.Sigmoid();
            case UnivariateFunction.Tanh t -> new Activation.Tanh();
            case UnivariateFunction.HardSigmoid h -> new Activation.HardSigmoid(h.alpha(), h.beta());
            case UnivariateFunction.HardSwish h -> new Activation.HardSwish();
            case UnivariateFunction.Softplus s -> new Activation.Softplus();
            case UnivariateFunction.Elu e -> new Activation.Elu(e.alpha());
            case UnivariateFunction.Celu c -> new Activation.Celu(c.alpha());
            case UnivariateFunction.Abs a -> new Activation.Abs();
            case UnivariateFunction.Clip c -> new Activation.Clip(c.min(), c.max());
            case UnivariateFunction.Gelu g when !g.tanhApproximation() -> new Activation.Gelu();
            default -> new Activation.Custom(f.toString(), f::apply, false);
        };
    }

    private Value input(Node n, int i) {
        Value v = values[valueInput(n, i)];
        requireMapped(n, v);
        return v;
    }

    private void requireMapped(Node n, Value v) {
        if (v == null) {
            throw unsupported(n, "an input that is not on the quantized path");
        }
    }

    private static int valueInput(Node n, int i) {
        if (!(n.inputs().get(i) instanceof Operand.Value v)) {
            throw unsupported(n, "a constant where an activation is expected (input " + i + ")");
        }
        return v.id();
    }

    private static boolean readsValue(Node n, int id) {
        return n.inputs().stream().anyMatch(o -> o instanceof Operand.Value v && v.id() == id);
    }

    private static UnsupportedOnnxException unsupported(Node n, String what) {
        return new UnsupportedOnnxException(n.name(), n.onnxOpType(), what);
    }
}
