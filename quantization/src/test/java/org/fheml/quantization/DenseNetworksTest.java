package org.fheml.quantization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fheml.compilation.Exactness;
import org.junit.jupiter.api.Test;

class DenseNetworksTest {

    private static final double[][] X = ModuleChecks.uniformRows(61, 100, 4, -1, 1);

    @Test
    void aPostTrainingNetworkFollowsItsFloatLayers() {
        List<DenseNetworks.FloatLayer> layers = List.of(
                new DenseNetworks.FloatLayer(ModuleChecks.matrix(62, 4, 6, 1), new double[6], Activation.relu()),
                new DenseNetworks.FloatLayer(ModuleChecks.matrix(63, 6, 3, 1), new double[] {0.1, 0, -0.1}, null));
        QuantizedModule module = DenseNetworks.postTraining(X, layers, new DenseNetworks.Bits(8, 8, 8, 6),
                Exactness.EXACT);
        assertEquals(4, module.nodes().size(), "gemm, round, relu, gemm");
        ModuleChecks.assertWithin(0.15, ModuleChecks.worstError(module, X), "8-bit weights, 6-bit activations");
        ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
    }

    /** Trained integers taken as they are: the module computes the network of the dequantized weights. */
    @Test
    void aQuantizationAwareNetworkKeepsItsScales() {
        UniformQuantizer in = new UniformQuantizer(QuantizationOptions.signed(4), 1.0 / 7, 0);
        UniformQuantizer hidden = new UniformQuantizer(QuantizationOptions.unsigned(3), 0.25, 0);
        long[][] w1 = {{1, -2, 3}, {0, 1, -1}, {2, 2, -3}, {-1, 0, 1}};
        long[][] w2 = {{1, -1}, {2, 0}, {-3, 1}};
        List<DenseNetworks.FixedLayer> layers = List.of(
                new DenseNetworks.FixedLayer(w1, 0.2, 0, new double[] {0.05, 0, -0.05}, Activation.relu(), hidden),
                new DenseNetworks.FixedLayer(w2, 0.3, 0, new double[2], null, null));
        QuantizedModule module = DenseNetworks.fixed(FeatureQuantizer.uniform(in, 4), layers, 8, Exactness.EXACT);
        assertEquals(0.3 * 0.25, module.outputQuantization().scale(0), 1e-15, "S_activation · S_w");
        for (var node : module.nodes()) {
            if (node.op() instanceof RoundOp round) {
                assertEquals(0, round.lsbs(), "the accumulators, within [-66, 61], already fit 8 bits");
            }
        }
        double worst = ModuleChecks.worstError(module, X);
        assertTrue(worst < 0.3 * 0.25 * 6, "within a few activation steps of the float network: " + worst);
        ModuleChecks.assertCircuitComputesTheIntegerProgram(module, X);
    }
}
