/**
 * Quantization: uniform affine quantizers, the sealed {@link org.fheml.quantization.QuantizedOp} family and the
 * {@link org.fheml.quantization.QuantizedModule} that lowers a whole model into one circuit.
 *
 * <h2>The layer</h2>
 * A tensor is a flat array of integers with a {@link org.fheml.quantization.TensorQuantization}: its logical shape
 * and, per element, {@code real = scale·(q − zeroPoint)}. Each op maps tensors to a tensor and offers three views
 * that tests compare: {@code reference} (floats), {@code evaluate} (exact integers in the clear: FheMode.DISABLE)
 * and {@code lower} (the same integers traced onto {@link org.fheml.compilation.Tracer}: SIMULATE and EXECUTE).
 * Leveled ops cost no bootstrap: {@link org.fheml.quantization.GemmOp}, {@link org.fheml.quantization.Conv2dOp},
 * {@link org.fheml.quantization.AvgPool2dOp}, {@link org.fheml.quantization.AddConstantOp},
 * {@link org.fheml.quantization.MultiplyConstantOp}, {@link org.fheml.quantization.AddOp} (two tensors, put on a
 * common scale by small integer factors) and {@link org.fheml.quantization.ReshapeOp}. One lookup per value:
 * {@link org.fheml.quantization.UnivariateOp}, which fuses dequantize → {@link org.fheml.quantization.Activation}
 * → requantize into one table. {@link org.fheml.quantization.RoundOp} drops the low bits of an accumulator so that
 * the lookup after it reads few bits (Concrete ML's rounding_threshold_bits), and
 * {@link org.fheml.quantization.ArgmaxOp} returns a label computed inside the circuit.
 *
 * <h2>A network</h2>
 * A fully connected network is the sequence, per hidden layer, Gemm → Round → Univariate, and a last Gemm:
 * <pre>{@code
 * var b = QuantizedModule.postTraining(Xcalib, QuantizationOptions.signed(nInputBits), false);
 * var h = b.input();
 * for (Layer layer : hidden) {
 *     h = b.gemm(h, layer.W(), layer.b(), QuantizationOptions.signed(nWeightBits), false);  // wide accumulator
 *     h = b.round(h, nAccumulatorBits);                        // lookup reads nAccumulatorBits bits
 *     h = b.activation(h, Activation.relu(), QuantizationOptions.unsigned(nActivationBits));
 * }
 * QuantizedModule m = b.build(b.gemm(h, out.W(), out.b(), QuantizationOptions.signed(nWeightBits), true));
 * }</pre>
 * The hidden Gemms quantize their weights per tensor, because the lookup after them needs one scale for all its
 * inputs; the output Gemm may quantize per channel, since its accumulators are dequantized in the clear. With
 * quantization-aware training, the same chain takes the trained parameters as they are:
 * {@code b.gemm(h, qW, new double[] {weightScale}, new long[] {0}, bias)} and
 * {@code b.activation(h, f, new UniformQuantizer(QuantizationOptions.unsigned(bits), scale, zeroPoint))}, on a
 * module started by {@code QuantizedModule.builder(inputQuantizer)}. The pruning of a network keeps each Gemm's
 * accumulator bounds ({@link org.fheml.quantization.QuantizedModuleBuilder#boundsOf}) narrow, and the Round then
 * has few bits to remove. {@code QuantizedModule.evaluate} is the DISABLE path; {@code compile} gives the circuit.
 *
 * <h2>An ONNX graph</h2>
 * Nodes are added in topological order; each builder method takes the tensors it reads and returns the tensor it
 * writes, so a residual connection is {@code b.add(x, y)} on two earlier tensors. Gemm/MatMul(+Add of a bias) map
 * to {@code gemm}, Conv to {@code conv2d}, AveragePool to {@code avgPool2d}, Relu/Sigmoid/Tanh/Gelu/... to
 * {@code activation} (preceded by {@code round} on accumulators), Add/Sub/Mul with an initializer to
 * {@code addConstant}/{@code subtractConstant}/{@code multiplyConstant}, Add of two activations to {@code add},
 * Reshape/Flatten to {@code reshape}/{@code flatten}, ArgMax to {@code argmax}; an op not listed is written as a
 * new record of the family and added with {@code b.add(op, operands...)}. QCDQ graphs (QuantizeLinear,
 * DequantizeLinear around each op) carry their scales and zero points: read them into the fixed-parameter
 * builder methods. A univariate function of several chained elementwise ops (Mul, Add, then Relu) can be fused
 * into one {@code Activation} and one lookup.
 *
 * <h2>Limits</h2>
 * Tensors are vectors inside the circuit (rank 1, row-major); Gemm reads a rank-1 input (flatten first). Lookups
 * and convolutions need inputs of one scale and zero point. Average pooling counts padding in its divisor.
 */
package org.fheml.quantization;
