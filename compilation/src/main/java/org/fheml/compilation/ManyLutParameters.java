package org.fheml.compilation;

import org.fheml.tfhe.algorithms.ManyLutBootstrap;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.BootstrapQuery;
import org.fheml.tfhe.optimizer.CostModel;
import org.fheml.tfhe.optimizer.NoFeasibleParametersException;
import org.fheml.tfhe.optimizer.ParameterOptimizer;

/**
 * Parameters with room for many-LUT bootstraps, where they make a circuit cheaper. The optimizer chooses the
 * cheapest parameters that resolve the circuit's precision P, which leave no room for more than one function per
 * bootstrap. Parameters chosen for P + a bits (same 2-norm, same failure probability) hold 2^a functions of a
 * P-bit input ({@link org.fheml.tfhe.optimizer.ManyLutNoise}): when the circuit's lookups share inputs, its
 * bootstraps after fusion, times the cost model's price of one at P + a bits, may come below its bootstraps at P
 * bits. Every bootstrap of the circuit then runs on the larger parameters; the lookups' precision stays P. A circuit
 * split into multi-parameter partitions keeps its partitions and fuses nothing.
 */
final class ManyLutParameters {

    private ManyLutParameters() {
    }

    /**
     * {@code chosen}, or the parameters for P + a bits (a = 1 … 3) whose fused circuit costs least, when that is less
     * than {@code chosen}'s: their bootstrap key noise no larger (so the inputs' encryption noise still fits) and
     * their keys within {@link CompileOptions#maxKeyBytes()}.
     */
    static CircuitParameters choose(Graph graph, CompileOptions options, CircuitParameters chosen) {
        if (!options.manyLut() || !(chosen instanceof CircuitParameters.Bootstrapped b) || b.partitioned()
                || ManyLutFusion.potential(graph) == 0) {
            return chosen;
        }
        double log2Target = ManyLutFusion.log2Target(options, b.bootstrapCount());
        double best = b.bootstrapCount() * b.pbs().cost();
        CircuitParameters cheapest = chosen;
        for (int a = 1; a <= ManyLutBootstrap.MAX_LOG2_FUNCTIONS && b.pbsPrecision() + a <= 16; a++) {
            BootstrapParameters wider;
            try {
                wider = ParameterOptimizer.optimize(new BootstrapQuery(b.pbsPrecision() + a, b.pbs().norm2(),
                        Math.pow(2, log2Target), options.security(), b.pbs().centeredModulusSwitch(),
                        CostModel.DEFAULT_SUM_SIZE));
            } catch (NoFeasibleParametersException e) {
                break;
            }
            if (wider.glweNoiseStd() > b.pbs().glweNoiseStd()) {
                continue;
            }
            CircuitParameters.Bootstrapped candidate = new CircuitParameters.Bootstrapped(b.encodingBits(),
                    b.pbsPrecision(), b.bootstrapCount(), wider);
            if (options.maxKeyBytes() != null
                    && CircuitMemory.of(graph, candidate).keyGenerationBytes() > options.maxKeyBytes()) {
                continue;
            }
            double cost = ManyLutFusion.plan(graph, candidate, log2Target).bootstrapCount(candidate) * wider.cost();
            if (cost < best) {
                best = cost;
                cheapest = candidate;
            }
        }
        return cheapest;
    }
}
