package org.fheml.cli;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.Exactness;
import org.fheml.compilation.Node;
import org.fheml.compilation.Op;

/**
 * What a compiled circuit costs: its widest integer and its number of programmable bootstraps per evaluation, every
 * one of them: lookups, and the bootstraps of exact roundings and truncations (as the circuit's statistics count
 * them).
 */
record CircuitCost(int maxBitWidth, long pbsCount) {

    static CircuitCost of(Circuit circuit) {
        long bootstraps = circuit.parameters() != null ? circuit.statistics().bootstrapCount() : upperBound(circuit);
        return new CircuitCost(circuit.graph().maximumIntegerBitWidth(), bootstraps);
    }

    /**
     * Without parameters (no secure set fits), the precision that decides how exact roundings are chunked is
     * unknown: one bootstrap per element of a lookup and per dropped bit of an exact rounding, at most what the
     * chunks would take.
     */
    private static long upperBound(Circuit circuit) {
        long bootstraps = 0;
        for (Node node : circuit.graph().nodes()) {
            if (node.isEncrypted()) {
                bootstraps += (long) bootstrapsPerElement(node.op()) * node.shape().size();
            }
        }
        return bootstraps;
    }

    private static int bootstrapsPerElement(Op op) {
        return switch (op) {
            case Op.Lookup lookup -> 1;
            case Op.Apply apply -> 1;
            case Op.RoundBitPattern round -> round.exactness() == Exactness.EXACT ? round.lsbs() : 0;
            case Op.TruncateBitPattern truncate -> truncate.lsbs();
            case Op.Input input -> 0;
            case Op.Constant constant -> 0;
            case Op.Add add -> 0;
            case Op.Subtract subtract -> 0;
            case Op.Negate negate -> 0;
            case Op.Multiply multiply -> 0;
            case Op.MatMul matMul -> 0;
            case Op.Sum sum -> 0;
            case Op.Reshape reshape -> 0;
            case Op.Transpose transpose -> 0;
            case Op.Slice slice -> 0;
            case Op.Index index -> 0;
            case Op.Concatenate concatenate -> 0;
            case Op.AssumeRange assumed -> 0;
        };
    }
}
