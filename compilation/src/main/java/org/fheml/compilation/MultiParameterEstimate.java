package org.fheml.compilation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fheml.tfhe.optimizer.BootstrapParameters;

/**
 * What multi-parameter circuits would save on one circuit, predicted with the optimizer's cost model: the circuit's
 * single parameter set against partitions of its bootstraps, each with its own set, under several ways of
 * partitioning (by the precision lookups read, roundings apart, every bootstrap node apart) and with the partitions
 * sharing one GLWE key (as the runtime does) or not (a bound: keyswitches between big keys are not counted).
 *
 * @param design     how the bootstraps are partitioned
 * @param sharedGlwe whether every partition has the same GLWE dimension and polynomial size
 * @param counts     bootstraps per evaluation in each partition
 * @param parameters each partition's set
 * @param cost       the cost model's total for one evaluation (Concrete's units, / 2^20)
 * @param keyBytes   bootstrap and keyswitch keys of every partition (Fourier and standard form as the optimizer
 *                   reports them); without a shared GLWE key, one keyswitch key per partition that feeds another
 */
public record MultiParameterEstimate(String design, boolean sharedGlwe, long[] counts, List<BootstrapParameters> parameters,
        double cost, long keyBytes) {

    /**
     * Every design for one circuit compiled with one parameter set, that set first, then what the compiler's
     * multi-parameter choice gives; empty without bootstraps.
     */
    public static List<MultiParameterEstimate> of(Circuit circuit) {
        List<MultiParameterEstimate> out = new ArrayList<>();
        if (!(circuit.parameters() instanceof CircuitParameters.Bootstrapped single)) {
            return out;
        }
        if (single.partitioned()) {
            throw new IllegalArgumentException("The estimate compares partitions against the single set: compile "
                    + "the circuit with CompileOptions.withMultiParameter(false).");
        }
        Graph graph = circuit.graph();
        BootstrapParameters today = single.pbs();
        out.add(new MultiParameterEstimate("single set (today)", true, new long[] {single.bootstrapCount()},
                List.of(today), single.bootstrapCount() * today.cost(),
                today.bootstrapKeyBytes() + today.keyswitchKeyBytes()));
        double pError = circuit.options().pErrorPerBootstrap();
        if (circuit.options().globalPError() != null) {
            pError = Math.min(pError, org.fheml.tfhe.optimizer.FailureProbability.perEvent(
                    circuit.options().globalPError(), single.bootstrapCount()));
        }
        Map<String, Map<Node, Integer>> designs = new LinkedHashMap<>();
        Map<String, int[]> precisions = new LinkedHashMap<>();
        java.util.Set<Node> absorbed = CiphertextEvaluator.absorbedRoundings(graph);
        List<Node> bootstrapNodes = graph.nodes().stream().filter(n -> LookupLowering.isLookup(n)
                || (BitExtraction.isExtraction(n) && !absorbed.contains(n))).toList();
        int widest = single.pbsPrecision();
        Map<Node, Integer> one = new java.util.IdentityHashMap<>();
        bootstrapNodes.forEach(n -> one.put(n, 0));
        designs.put("one partition", one);
        precisions.put("one partition", new int[] {widest});
        for (boolean roundingsApart : new boolean[] {false, true}) {
            Map<Node, Integer> assignment = new java.util.IdentityHashMap<>();
            List<Integer> keys = new ArrayList<>();
            for (Node node : bootstrapNodes) {
                int key = LookupLowering.isLookup(node) ? LookupLowering.of(graph, node).inputBits()
                        : roundingsApart ? -1 : widest;
                if (!keys.contains(key)) {
                    keys.add(key);
                }
                assignment.put(node, keys.indexOf(key));
            }
            String name = roundingsApart ? "by precision, roundings apart" : "by precision";
            designs.put(name, assignment);
            precisions.put(name, keys.stream().mapToInt(k -> k < 0 ? widest : k).toArray());
        }
        if (bootstrapNodes.size() <= 12) {
            Map<Node, Integer> apart = new java.util.IdentityHashMap<>();
            int[] each = new int[bootstrapNodes.size()];
            for (int i = 0; i < each.length; i++) {
                Node node = bootstrapNodes.get(i);
                apart.put(node, i);
                each[i] = LookupLowering.isLookup(node) ? LookupLowering.of(graph, node).inputBits() : widest;
            }
            designs.put("every node apart", apart);
            precisions.put("every node apart", each);
        }
        CircuitParameters.Bootstrapped compiled = PartitionPlanner.partitioned(graph, single, absorbed, pError,
                circuit.options().security());
        if (compiled != null) {
            List<BootstrapParameters> sets = compiled.partitions().stream().map(CircuitParameters.Partition::pbs)
                    .toList();
            long[] counts = compiled.partitions().stream().mapToLong(CircuitParameters.Partition::bootstrapCount)
                    .toArray();
            double cost = 0;
            long keys = 0;
            for (int j = 0; j < counts.length; j++) {
                cost += counts[j] * sets.get(j).cost();
                keys += sets.get(j).bootstrapKeyBytes() + sets.get(j).keyswitchKeyBytes();
            }
            out.add(new MultiParameterEstimate("compiled (multiParameter)", true, counts, sets, cost, keys));
        }
        for (boolean shared : new boolean[] {true, false}) {
            for (Map.Entry<String, Map<Node, Integer>> design : designs.entrySet()) {
                if (!shared && design.getKey().equals("one partition")) {
                    continue;
                }
                PartitionPlanner planner = PartitionPlanner.of(graph, single.encodingBits(), design.getValue(),
                        precisions.get(design.getKey()), pError, circuit.options().security());
                int k = shared ? today.glweDimension() : 0;
                int bigN = shared ? today.polynomialSize() : 0;
                BootstrapParameters[] start = planner.merged(today, k, bigN);
                if (start == null) {
                    continue;
                }
                BootstrapParameters[] chosen = design.getKey().equals("one partition") ? start
                        : planner.descend(start, k, bigN);
                long keys = 0;
                for (BootstrapParameters p : chosen) {
                    keys += p.bootstrapKeyBytes() + p.keyswitchKeyBytes() * (shared ? 1 : chosen.length);
                }
                out.add(new MultiParameterEstimate(design.getKey(), shared, planner.counts(), List.of(chosen),
                        planner.cost(chosen), keys));
            }
        }
        return out;
    }

    /** One line: design, cost, partitions with their counts and sets, key bytes. */
    public String format() {
        StringBuilder text = new StringBuilder(String.format("%-32s %-6s cost %10.1f keys %8.1f MB |", design,
                sharedGlwe ? "shared" : "free", cost, keyBytes / 1e6));
        for (int j = 0; j < counts.length; j++) {
            BootstrapParameters p = parameters.get(j);
            text.append(String.format(" %d×%db n%d k%d N%d br%d×%d ks%d×%d p2^%.0f;", counts[j], p.precision(),
                    p.lweDimension(), p.glweDimension(), p.polynomialSize(), p.pbsLevel(), p.pbsBaseLog(),
                    p.ksLevel(), p.ksBaseLog(), p.log2PError()));
        }
        return text.toString();
    }
}
