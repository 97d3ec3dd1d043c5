package org.fheml.compilation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.CostModel;
import org.fheml.tfhe.optimizer.FailureProbability;
import org.fheml.tfhe.optimizer.NoFeasibleParametersException;
import org.fheml.tfhe.optimizer.ParameterOptimizer;
import org.fheml.tfhe.optimizer.PartitionQuery;
import org.fheml.tfhe.optimizer.SecurityLevel;

/**
 * Chooses parameters per partition of a circuit's bootstraps (multi-parameter circuits). A partition is a set of
 * bootstrap nodes (lookups and exact roundings or truncations) that share one KS → PBS parameter set and read
 * {@code precision} bits. Each partition's decisions read noise from fresh encryptions and from the outputs of every
 * partition, each with its own squared 2-norm (scaling to the partition's precision included), so a partition whose
 * outputs feed only loose decisions may output more noise, and one whose decisions are loose may switch and
 * keyswitch with less care.
 *
 * <p>The search starts from one set for all (feasible by construction) and descends coordinate by coordinate: each
 * partition takes the cheapest set that meets its own decisions and keeps every consumer's decisions within their
 * budget, given the others' current sets; then each producer is tried with a tighter output noise, which may let
 * its consumers be cheaper. Every step keeps every decision within its budget, so the result meets the failure
 * probability per bootstrap wherever it stops.
 *
 * <p>{@code glweDimension}/{@code polynomialSize} fixed (non-zero) make every partition share one GLWE key, as the
 * runtime does: ciphertexts between bootstraps then all live under one big LWE key, and partitions differ in their
 * small LWE key, keyswitch and bootstrap keys.
 */
final class PartitionPlanner {

    /** One partition's decision noise: the squared norms of every partition's outputs and of fresh noise. */
    private record Needs(int precision, double[] fromPartition, double fresh, boolean decides) {
    }

    private final int encodingBits;
    private final double pError;
    private final SecurityLevel security;
    private final int partitions;
    private final long[] counts;
    /** needs[j] for the bootstraps of partition j; needs[partitions] for the outputs (decoded at encodingBits). */
    private final Needs[] needs;

    private PartitionPlanner(int encodingBits, double pError, SecurityLevel security, long[] counts, Needs[] needs) {
        this.encodingBits = encodingBits;
        this.pError = pError;
        this.security = security;
        this.partitions = counts.length;
        this.counts = counts;
        this.needs = needs;
    }

    /**
     * The planner of a circuit whose bootstrap nodes are assigned to partitions by {@code partitionOf} (every lookup
     * and non-absorbed extraction node must have one), with each partition's precision.
     */
    static PartitionPlanner of(Graph graph, int encodingBits, Map<Node, Integer> partitionOf, int[] precisions,
            double pError, SecurityLevel security) {
        int m = precisions.length;
        List<Map<Node, LongTensor>> norms = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            final int partition = i;
            norms.add(NoiseGrowth.analyse(graph, node -> partitionOf.get(node) != null
                    && partitionOf.get(node) == partition));
        }
        Map<Node, LongTensor> fresh = NoiseGrowth.analyse(graph, true);
        long[] counts = new long[m];
        double[][] from = new double[m + 1][m];
        double[] freshNeeds = new double[m + 1];
        boolean[] decides = new boolean[m + 1];
        for (Map.Entry<Node, Integer> entry : partitionOf.entrySet()) {
            Node node = entry.getKey();
            int j = entry.getValue();
            int precision = precisions[j];
            decides[j] = true;
            for (Decision decision : decisions(graph, node, encodingBits, precision)) {
                double scale2 = Math.pow(4, decision.scaleLog());
                for (int i = 0; i < m; i++) {
                    long units = NoiseGrowth.maximum(norms.get(i), List.of(decision.node()))
                            + (i == j ? decision.ownOutputs() : 0);
                    from[j][i] = Math.max(from[j][i], units * scale2);
                }
                freshNeeds[j] = Math.max(freshNeeds[j], NoiseGrowth.maximum(fresh, List.of(decision.node())) * scale2);
            }
            counts[j] += LookupLowering.isLookup(node) ? node.shape().size()
                    : (long) BitExtraction.of(graph, node).bootstraps(precision, encodingBits) * node.shape().size();
        }
        List<Node> outputs = graph.outputs().stream().filter(Node::isEncrypted).toList();
        decides[m] = !outputs.isEmpty();
        for (int i = 0; i < m; i++) {
            from[m][i] = NoiseGrowth.maximum(norms.get(i), outputs);
        }
        freshNeeds[m] = NoiseGrowth.maximum(fresh, outputs);
        Needs[] needs = new Needs[m + 1];
        for (int j = 0; j <= m; j++) {
            needs[j] = new Needs(j < m ? precisions[j] : encodingBits, from[j], freshNeeds[j], decides[j]);
        }
        return new PartitionPlanner(encodingBits, pError, security, counts, needs);
    }

    /**
     * A value a bootstrap reads: a node's value plus {@code ownOutputs} outputs of the reading bootstrap's own
     * partition, with log2 of the factor its noise is scaled by relative to a precision-bit box.
     */
    record Decision(Node node, int scaleLog, int ownOutputs) {
    }

    /**
     * What the bootstraps of one node read at {@code precision} bits: a lookup its source, scaled up to put one
     * index on one message; an extraction its source for its first chunk, and for later chunks its source less the
     * earlier chunks' outputs (bounded by the node's own noise), each scaled by 2^(w − start − P), or
     * 2^(w − start − P + 1) for a single bit read as a sign. A two-step chunk's second read also carries its first
     * bootstrap's output, at the same scale: for the first chunk, the source plus one output of the partition.
     */
    static List<Decision> decisions(Graph graph, Node node, int encodingBits, int precision) {
        if (LookupLowering.isLookup(node)) {
            LookupLowering lookup = LookupLowering.of(graph, node);
            return List.of(new Decision(lookup.source(), Math.max(0, lookup.scaleLog(encodingBits, precision)), 0));
        }
        BitExtraction extraction = BitExtraction.of(graph, node);
        List<BitExtraction.Chunk> chunks = extraction.chunks(precision, encodingBits);
        List<Decision> decisions = new ArrayList<>();
        for (int c = 0; c < chunks.size() && c < 2; c++) {
            BitExtraction.Chunk chunk = chunks.get(c);
            int scaleLog = Math.max(0, encodingBits - chunk.start() - precision + (chunk.twoStep() ? 0 : 1));
            decisions.add(new Decision(c == 0 ? extraction.source() : node, scaleLog, 0));
            if (c == 0 && chunk.twoStep()) {
                decisions.add(new Decision(extraction.source(), scaleLog, 1));
            }
        }
        return decisions;
    }

    /** Partitions must save at least this share of the single set's predicted cost to be used. */
    static final double MINIMUM_SAVING = 0.05;

    /**
     * The multi-parameter version of a circuit's single set: exact roundings and truncations in one partition at
     * the single set's precision, lookups in one partition per precision they read, every partition sharing the
     * single set's GLWE key; null when there would be one partition only, when no choice meets every decision, or
     * when it does not save {@link #MINIMUM_SAVING} of the predicted cost.
     */
    static CircuitParameters.Bootstrapped partitioned(Graph graph, CircuitParameters.Bootstrapped single,
            java.util.Set<Node> absorbed, double pError, SecurityLevel security) {
        Map<Node, Integer> assignment = new IdentityHashMap<>();
        List<Integer> keys = assign(graph, single.pbsPrecision(), absorbed, true, assignment);
        if (keys.size() < 2) {
            return null;
        }
        int[] precisions = keys.stream().mapToInt(k -> k < 0 ? single.pbsPrecision() : k).toArray();
        PartitionPlanner planner = of(graph, single.encodingBits(), assignment, precisions, pError, security);
        BootstrapParameters reference = single.pbs();
        int k = reference.glweDimension();
        int bigN = reference.polynomialSize();
        BootstrapParameters[] chosen = null;
        BootstrapParameters[] start = planner.merged(reference, k, bigN);
        if (start != null) {
            chosen = planner.descend(start, k, bigN);
        }
        // A second start: the roundings sharing the widest lookups' set, which the descent alone may not reach.
        Map<Node, Integer> coarse = new IdentityHashMap<>();
        List<Integer> coarseKeys = assign(graph, single.pbsPrecision(), absorbed, false, coarse);
        PartitionPlanner joined = of(graph, single.encodingBits(), coarse,
                coarseKeys.stream().mapToInt(Integer::intValue).toArray(), pError, security);
        BootstrapParameters[] joinedStart = joined.merged(reference, k, bigN);
        if (joinedStart != null) {
            BootstrapParameters[] joinedChoice = joined.descend(joinedStart, k, bigN);
            BootstrapParameters[] mapped = new BootstrapParameters[keys.size()];
            for (int j = 0; j < mapped.length; j++) {
                int key = keys.get(j) < 0 ? single.pbsPrecision() : keys.get(j);
                mapped[j] = joinedChoice[coarseKeys.indexOf(key)];
            }
            if (planner.feasible(mapped)) {
                BootstrapParameters[] refined = planner.descend(mapped, k, bigN);
                if (chosen == null || planner.cost(refined) < planner.cost(chosen)) {
                    chosen = refined;
                }
            }
        }
        long[] counts = planner.counts();
        if (chosen == null || !planner.feasible(chosen) || java.util.Arrays.stream(counts).sum() != single.bootstrapCount()
                || planner.cost(chosen) > (1 - MINIMUM_SAVING) * single.bootstrapCount() * reference.cost()) {
            return null;
        }
        List<CircuitParameters.Partition> partitions = new ArrayList<>();
        for (int j = 0; j < chosen.length; j++) {
            final int partition = j;
            int[] nodes = assignment.entrySet().stream().filter(e -> e.getValue() == partition)
                    .mapToInt(e -> graph.position(e.getKey())).toArray();
            partitions.add(new CircuitParameters.Partition(precisions[j], counts[j], chosen[j], nodes));
        }
        return new CircuitParameters.Bootstrapped(single.encodingBits(), single.pbsPrecision(),
                single.bootstrapCount(), chosen[0], partitions);
    }

    /**
     * Assigns every bootstrap node a partition: lookups by the bits they read, exact roundings and truncations in
     * a partition of their own ({@code roundingsApart}, key −1) or with the widest lookups (key {@code widest}).
     * Returns the keys in partition order.
     */
    static List<Integer> assign(Graph graph, int widest, java.util.Set<Node> absorbed, boolean roundingsApart,
            Map<Node, Integer> assignment) {
        List<Integer> keys = new ArrayList<>();
        for (Node node : graph.nodes()) {
            boolean lookup = LookupLowering.isLookup(node);
            if (!lookup && !(BitExtraction.isExtraction(node) && !absorbed.contains(node))) {
                continue;
            }
            int key = lookup ? LookupLowering.of(graph, node).inputBits() : roundingsApart ? -1 : widest;
            if (!keys.contains(key)) {
                keys.add(key);
            }
            assignment.put(node, keys.indexOf(key));
        }
        return keys;
    }

    /** Each partition's (and the outputs') squared norms per producing partition and of fresh noise. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Needs n : needs) {
            text.append("precision ").append(n.precision()).append(" from ").append(java.util.Arrays.toString(
                    n.fromPartition())).append(" fresh ").append(n.fresh()).append('\n');
        }
        return text.toString();
    }

    /** Bootstraps per evaluation in each partition. */
    long[] counts() {
        return counts.clone();
    }

    /** The cost of a choice: every partition's bootstraps at its parameters' cost. */
    double cost(BootstrapParameters[] chosen) {
        double total = 0;
        for (int j = 0; j < partitions; j++) {
            total += counts[j] * chosen[j].cost();
        }
        return total;
    }

    /**
     * The cheapest choice the descent finds from {@code start} (one set for every partition, or any feasible
     * choice); every partition keeps {@code glweDimension} and {@code polynomialSize} when they are non-zero.
     */
    BootstrapParameters[] descend(BootstrapParameters[] start, int glweDimension, int polynomialSize) {
        BootstrapParameters[] current = start.clone();
        double best = cost(current);
        for (int round = 0; round < 4; round++) {
            boolean improved = relax(current, glweDimension, polynomialSize);
            for (int j = 0; j < partitions; j++) {
                for (int tighter = 2; tighter <= 8; tighter += 2) {
                    BootstrapParameters[] trial = current.clone();
                    BootstrapParameters tight = choose(trial, j, current[j].outputVariance() / Math.pow(2, tighter),
                            glweDimension, polynomialSize);
                    if (tight == null) {
                        break;
                    }
                    trial[j] = tight;
                    relax(trial, glweDimension, polynomialSize);
                    if (cost(trial) < cost(current) * (1 - 1e-9)) {
                        System.arraycopy(trial, 0, current, 0, partitions);
                        improved = true;
                    }
                }
            }
            double now = cost(current);
            if (!improved || now >= best) {
                break;
            }
            best = now;
        }
        return withFailureProbabilities(current);
    }

    /**
     * One set for every partition that meets every partition's decisions (each read at the widest precision) and
     * the outputs, the GLWE noise taken from {@code reference}; null when none is found.
     */
    BootstrapParameters[] merged(BootstrapParameters reference, int glweDimension, int polynomialSize) {
        double self = 0;
        double fresh = 0;
        int precision = 1;
        for (int j = 0; j < partitions; j++) {
            double sum = 0;
            for (int i = 0; i < partitions; i++) {
                sum += needs[j].fromPartition()[i];
            }
            self = Math.max(self, sum);
            fresh = Math.max(fresh, needs[j].fresh());
            precision = Math.max(precision, needs[j].precision());
        }
        double cap = Double.POSITIVE_INFINITY;
        double outputSum = 0;
        for (int i = 0; i < partitions; i++) {
            outputSum += needs[partitions].fromPartition()[i];
        }
        if (needs[partitions].decides() && outputSum > 0) {
            double g = reference.glweNoiseStd() * reference.glweNoiseStd();
            cap = (FailureProbability.maximalVariance(pError, encodingBits) - needs[partitions].fresh() * g) / outputSum;
        }
        if (!(cap > 0)) {
            return null;
        }
        try {
            BootstrapParameters one = ParameterOptimizer.optimize(new PartitionQuery(precision, pError, self, fresh, 0,
                    cap, glweDimension, polynomialSize, security, true, CostModel.DEFAULT_SUM_SIZE));
            BootstrapParameters[] all = new BootstrapParameters[partitions];
            java.util.Arrays.fill(all, one);
            return feasible(all) ? all : null;
        } catch (NoFeasibleParametersException e) {
            return null;
        }
    }

    /** One pass of coordinate descent: each partition's cheapest set given the others. */
    private boolean relax(BootstrapParameters[] chosen, int glweDimension, int polynomialSize) {
        boolean improved = false;
        for (int j = 0; j < partitions; j++) {
            BootstrapParameters candidate = choose(chosen, j, Double.POSITIVE_INFINITY, glweDimension, polynomialSize);
            if (candidate != null && candidate.cost() < chosen[j].cost() * (1 - 1e-9)) {
                chosen[j] = candidate;
                improved = true;
            }
        }
        return improved;
    }

    /** Partition j's cheapest set, the others fixed, with its output variance at most {@code cap}; null if none. */
    private BootstrapParameters choose(BootstrapParameters[] chosen, int j, double cap, int glweDimension,
            int polynomialSize) {
        double outputCap = Math.min(cap, outputCap(chosen, j));
        if (!(outputCap > 0)) {
            return null;
        }
        double external = 0;
        for (int i = 0; i < partitions; i++) {
            if (i != j) {
                external += needs[j].fromPartition()[i] * chosen[i].outputVariance();
            }
        }
        try {
            return ParameterOptimizer.optimize(new PartitionQuery(needs[j].precision(), pError,
                    needs[j].fromPartition()[j], needs[j].fresh(), external, outputCap, glweDimension, polynomialSize,
                    security, true, CostModel.DEFAULT_SUM_SIZE));
        } catch (NoFeasibleParametersException e) {
            return null;
        }
    }

    /**
     * The largest output variance partition j may have, every other partition's set fixed: each consumer's decision
     * budget, less its own keyswitch and switch noise, fresh noise and the other partitions' outputs.
     */
    private double outputCap(BootstrapParameters[] chosen, int j) {
        double cap = Double.POSITIVE_INFINITY;
        for (int c = 0; c <= partitions; c++) {
            if (c == j || !needs[c].decides() || needs[c].fromPartition()[j] == 0) {
                continue;
            }
            double budget = FailureProbability.maximalVariance(pError, needs[c].precision());
            double glweVariance = security.minimalVariance(chosen[0].glweDimension() * chosen[0].polynomialSize());
            budget -= needs[c].fresh() * glweVariance;
            if (c < partitions) {
                budget -= chosen[c].keyswitchVariance() + org.fheml.tfhe.optimizer.NoiseModel.modulusSwitch(
                        chosen[c].lweDimension(), chosen[c].polynomialSize(), true);
            }
            for (int i = 0; i < partitions; i++) {
                if (i != j) {
                    budget -= needs[c].fromPartition()[i] * chosen[i].outputVariance();
                }
            }
            cap = Math.min(cap, budget / needs[c].fromPartition()[j]);
        }
        return cap;
    }

    /**
     * The sets with their failure probability per bootstrap worked out from the final choice: the decision
     * variance of each partition with every partition's actual output noise.
     */
    private BootstrapParameters[] withFailureProbabilities(BootstrapParameters[] chosen) {
        BootstrapParameters[] out = new BootstrapParameters[partitions];
        for (int j = 0; j < partitions; j++) {
            BootstrapParameters p = chosen[j];
            double variance = decisionVariance(chosen, j);
            out[j] = new BootstrapParameters(needs[j].precision(), p.lweDimension(), p.glweDimension(),
                    p.polynomialSize(), p.lweNoiseStd(), p.glweNoiseStd(), p.pbsBaseLog(), p.pbsLevel(),
                    p.ksBaseLog(), p.ksLevel(), p.centeredModulusSwitch(), Math.max(1,
                            Math.sqrt(needs[j].fromPartition()[j])),
                    FailureProbability.log2OfVariance(variance, needs[j].precision()), p.securityBits(), p.cost(),
                    p.bootstrapKeyBytes(), p.keyswitchKeyBytes());
        }
        return out;
    }

    /** The decision variance of partition j's bootstraps (or, for j = partitions, of the outputs). */
    double decisionVariance(BootstrapParameters[] chosen, int j) {
        double variance = needs[j].fresh() * chosen[0].glweNoiseStd() * chosen[0].glweNoiseStd();
        for (int i = 0; i < partitions; i++) {
            variance += needs[j].fromPartition()[i] * chosen[i].outputVariance();
        }
        if (j < partitions) {
            variance += chosen[j].keyswitchVariance() + org.fheml.tfhe.optimizer.NoiseModel.modulusSwitch(
                    chosen[j].lweDimension(), chosen[j].polynomialSize(), chosen[j].centeredModulusSwitch());
        }
        return variance;
    }

    /** Whether every decision, outputs included, meets the failure probability per bootstrap. */
    boolean feasible(BootstrapParameters[] chosen) {
        for (int j = 0; j <= partitions; j++) {
            if (needs[j].decides() && decisionVariance(chosen, j)
                    > FailureProbability.maximalVariance(pError, needs[j].precision())) {
                return false;
            }
        }
        return true;
    }
}
