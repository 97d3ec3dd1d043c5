package org.fheml.cli;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.Node;
import org.fheml.compilation.Op;

/** What a compiled circuit costs: its widest integer and its number of programmable bootstraps. */
record CircuitCost(int maxBitWidth, long pbsCount) {

    static CircuitCost of(Circuit circuit) {
        long bootstraps = 0;
        for (Node node : circuit.graph().nodes()) {
            if (node.isEncrypted() && needsBootstrap(node.op())) {
                bootstraps += node.shape().size();
            }
        }
        return new CircuitCost(circuit.graph().maximumIntegerBitWidth(), bootstraps);
    }

    /** One bootstrap per element of an encrypted table lookup; every other op is leveled. */
    private static boolean needsBootstrap(Op op) {
        return switch (op) {
            case Op.Lookup lookup -> true;
            case Op.Apply apply -> true;
            case Op.Input input -> false;
            case Op.Constant constant -> false;
            case Op.Add add -> false;
            case Op.Subtract subtract -> false;
            case Op.Negate negate -> false;
            case Op.Multiply multiply -> false;
            case Op.MatMul matMul -> false;
            case Op.Sum sum -> false;
            case Op.Reshape reshape -> false;
            case Op.Transpose transpose -> false;
            case Op.Slice slice -> false;
            case Op.Index index -> false;
            case Op.Concatenate concatenate -> false;
            case Op.RoundBitPattern round -> false;
            case Op.TruncateBitPattern truncate -> false;
            case Op.AssumeRange assumed -> false;
        };
    }
}
