package org.fheml.compilation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fheml.tfhe.algorithms.ManyLutBootstrap;
import org.fheml.tfhe.optimizer.FailureProbability;
import org.fheml.tfhe.optimizer.ManyLutNoise;

/**
 * The many-LUT pass: lookup elements that read one ciphertext (the same element of one source, or elements of it
 * that {@link ElementForms} proves bit-identical) through the same shift and scale are evaluated together, up to
 * 2^a of them in one bootstrap ({@link ManyLutBootstrap}), when the chosen parameters hold them: half a box of the
 * circuit's precision P fits 2^a coefficients (N ≥ 2^(P+1+a)), and the noise model's failure probability of that
 * bootstrap ({@link ManyLutNoise}) stays within what the options allow per bootstrap. The parameters themselves are
 * not changed. One failure of a fused bootstrap corrupts all of its outputs at once: the simulator draws it once.
 *
 * <p>Immutable; built once per circuit (or read from a specification), then only read.
 */
final class ManyLutFusion {

    /** Element {@code element} of lookup node {@code node}. */
    record Member(Node node, int element) {
    }

    /**
     * One many-LUT bootstrap: it reads element {@code sourceElement} of {@code source} (shifted and scaled as every
     * member's lowering says) and returns 2^log2Functions outputs, of which output j is {@code members.get(j)}'s
     * (the slots past the members repeat the first one's table).
     */
    record Bootstrap(Node source, int sourceElement, int log2Functions, double log2PError, List<Member> members) {

        Bootstrap {
            members = List.copyOf(members);
        }
    }

    static final ManyLutFusion NONE = new ManyLutFusion(List.of());

    private final List<Bootstrap> bootstraps;
    private final Map<Node, Bootstrap[]> byElement = new IdentityHashMap<>();
    private final Map<Node, int[]> slots = new IdentityHashMap<>();

    ManyLutFusion(List<Bootstrap> bootstraps) {
        this.bootstraps = List.copyOf(bootstraps);
        for (Bootstrap bootstrap : this.bootstraps) {
            for (int j = 0; j < bootstrap.members().size(); j++) {
                Member member = bootstrap.members().get(j);
                int size = member.node().shape().size();
                byElement.computeIfAbsent(member.node(), n -> new Bootstrap[size])[member.element()] = bootstrap;
                slots.computeIfAbsent(member.node(), n -> new int[size])[member.element()] = j;
            }
        }
    }

    /** The fusion the options ask for on these parameters: none when switched off or without bootstraps. */
    static ManyLutFusion plan(Graph graph, CircuitParameters parameters, CompileOptions options) {
        if (!options.manyLut() || !(parameters instanceof CircuitParameters.Bootstrapped b) || b.partitioned()) {
            return NONE;
        }
        return plan(graph, b, log2Target(options, b.bootstrapCount()));
    }

    /** log2 of the failure probability the options allow one bootstrap of a circuit of {@code bootstraps}. */
    static double log2Target(CompileOptions options, long bootstraps) {
        double pError = options.pErrorPerBootstrap();
        if (options.globalPError() != null) {
            pError = Math.min(pError, FailureProbability.perEvent(options.globalPError(), bootstraps));
        }
        return Math.log(pError) / Math.log(2);
    }

    /** The fusion of every group of lookup elements that share an input, within a failure probability of 2^log2Target. */
    static ManyLutFusion plan(Graph graph, CircuitParameters.Bootstrapped parameters, double log2Target) {
        int precision = parameters.pbsPrecision();
        int polynomialSize = parameters.pbs().polynomialSize();
        double[] log2PError = new double[ManyLutBootstrap.MAX_LOG2_FUNCTIONS + 1];
        int maxLog2 = 0;
        for (int a = 1; a <= ManyLutBootstrap.MAX_LOG2_FUNCTIONS; a++) {
            log2PError[a] = ManyLutNoise.log2PError(parameters.pbs(), precision, a);
            if (!ManyLutBootstrap.fits(polynomialSize, precision, a) || !(log2PError[a] <= log2Target)) {
                break;
            }
            maxLog2 = a;
        }
        if (maxLog2 == 0) {
            return NONE;
        }
        return fuse(graph, maxLog2, log2PError);
    }

    /** Bootstraps saved if every group of shared inputs could go into bootstraps of up to 8 functions. */
    static long potential(Graph graph) {
        double[] unknown = new double[ManyLutBootstrap.MAX_LOG2_FUNCTIONS + 1];
        return fuse(graph, ManyLutBootstrap.MAX_LOG2_FUNCTIONS, unknown).savedBootstraps();
    }

    private static ManyLutFusion fuse(Graph graph, int maxLog2, double[] log2PError) {
        record Input(Node source, long lowest, int lowBits) {
        }
        Map<Input, List<LookupLowering>> readers = new LinkedHashMap<>();
        for (Node node : graph.nodes()) {
            if (LookupLowering.isLookup(node)) {
                LookupLowering lowering = LookupLowering.of(graph, node);
                readers.computeIfAbsent(new Input(lowering.source(), lowering.lowest(), lowering.lowBits()),
                        k -> new ArrayList<>()).add(lowering);
            }
        }
        ElementForms forms = new ElementForms(graph);
        List<Bootstrap> bootstraps = new ArrayList<>();
        for (Map.Entry<Input, List<LookupLowering>> entry : readers.entrySet()) {
            Node source = entry.getKey().source();
            int elements = source.shape().size();
            if (entry.getValue().size() < 2 && elements < 2) {
                continue;
            }
            ElementForms.Form[] sourceForms = forms.of(source);
            Map<ElementForms.Form, List<Member>> shared = new LinkedHashMap<>();
            for (LookupLowering lowering : entry.getValue()) {
                for (int e = 0; e < elements; e++) {
                    shared.computeIfAbsent(sourceForms[e], k -> new ArrayList<>()).add(new Member(lowering.node(), e));
                }
            }
            for (List<Member> members : shared.values()) {
                int count = members.size();
                int chunks = (count + (1 << maxLog2) - 1) >> maxLog2;
                int from = 0;
                for (int c = 0; c < chunks; c++) {
                    int to = (int) ((long) count * (c + 1) / chunks);
                    int size = to - from;
                    if (size >= 2) {
                        int a = 32 - Integer.numberOfLeadingZeros(size - 1);
                        bootstraps.add(new Bootstrap(source, members.get(from).element(), a, log2PError[a],
                                members.subList(from, to)));
                    }
                    from = to;
                }
            }
        }
        return new ManyLutFusion(bootstraps);
    }

    /** Every many-LUT bootstrap of two or more members, in graph order. */
    List<Bootstrap> bootstraps() {
        return bootstraps;
    }

    boolean isEmpty() {
        return bootstraps.isEmpty();
    }

    /** The many-LUT bootstrap that computes element {@code element} of lookup {@code node}, or null when alone. */
    Bootstrap bootstrap(Node node, int element) {
        Bootstrap[] perElement = byElement.get(node);
        return perElement == null ? null : perElement[element];
    }

    /** The output of its bootstrap that is element {@code element} of {@code node}. */
    int slot(Node node, int element) {
        return slots.get(node)[element];
    }

    /** Bootstraps an evaluation saves: every member of a many-LUT bootstrap but one. */
    long savedBootstraps() {
        return bootstraps.stream().mapToLong(b -> b.members().size() - 1).sum();
    }

    /** Bootstraps per evaluation after fusion. */
    long bootstrapCount(CircuitParameters.Bootstrapped parameters) {
        return parameters.bootstrapCount() - savedBootstraps();
    }

    /** log2 of the probability that some bootstrap of an evaluation fails, each fused one with its own probability. */
    double log2GlobalPError(CircuitParameters.Bootstrapped parameters) {
        long singles = bootstrapCount(parameters) - bootstraps.size();
        double single = Math.pow(2, ManyLutNoise.log2PError(parameters.pbs(), parameters.pbsPrecision(), 0));
        double logSuccess = singles * Math.log1p(-single);
        for (Bootstrap bootstrap : bootstraps) {
            logSuccess += Math.log1p(-Math.pow(2, bootstrap.log2PError()));
        }
        return Math.log(-Math.expm1(logSuccess)) / Math.log(2);
    }

    /** The line the printed circuit adds to a lookup some of whose elements share bootstraps, or null. */
    String describe(Graph graph, Node node) {
        Bootstrap[] perElement = byElement.get(node);
        if (perElement == null) {
            return null;
        }
        java.util.Set<Bootstrap> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.Set<Node> partners = new java.util.TreeSet<>(java.util.Comparator.comparingInt(graph::position));
        int fused = 0;
        int widest = 0;
        for (Bootstrap bootstrap : perElement) {
            if (bootstrap != null) {
                fused++;
                distinct.add(bootstrap);
                widest = Math.max(widest, 1 << bootstrap.log2Functions());
                bootstrap.members().forEach(m -> partners.add(m.node()));
            }
        }
        partners.remove(node);
        String with = partners.isEmpty() ? "" : " with " + partners.stream().map(n -> "%" + graph.position(n))
                .collect(java.util.stream.Collectors.joining(", "));
        return "many-LUT: " + fused + " of " + perElement.length + " elements in " + distinct.size()
                + " bootstraps of up to " + widest + " functions" + with;
    }
}
