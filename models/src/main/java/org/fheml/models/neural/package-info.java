/**
 * Fully connected networks: {@link org.fheml.models.neural.MLPClassifier} and
 * {@link org.fheml.models.neural.MLPRegressor}, trained in plain Java with quantization-aware training and
 * accumulator-bounded pruning.
 *
 * <p>Training ({@code MlpTrainer}) produces a {@link org.fheml.models.neural.QuantizedMlp}: the integer program the
 * circuit will compute, with an exact evaluator in the clear that the estimators use for {@code FheMode.DISABLE}.
 * It maps one to one onto quantized ops: per {@link org.fheml.models.neural.QuantizedLayer} a Gemm with integer
 * weights ({@code long[][]}), the input's zero point and an integer bias at the accumulator scale; for a hidden layer
 * ({@link org.fheml.models.neural.LayerOutput.Lookup}) a rounding of {@code roundingLsbs} low bits (half up, as
 * TFHE's rounding of a bit pattern) followed by one univariate lookup per neuron (dequantize at the accumulator
 * scale → activation → requantize with the output {@link org.fheml.models.neural.QuantParams}); for the output
 * layer ({@link org.fheml.models.neural.LayerOutput.Dequantized}) the accumulators leave the circuit and the client
 * multiplies them by their scale. Feature scaling ({@link org.fheml.models.neural.FeatureScaling}) and input
 * quantization run on the client. Every accumulator bound is a worst case over all quantized inputs.
 */
package org.fheml.models.neural;
