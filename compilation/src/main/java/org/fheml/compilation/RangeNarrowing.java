package org.fheml.compilation;

import java.util.List;

/**
 * Whether a circuit's bounds were narrowed to its inputset's ranges below the ranges known for its arguments (the
 * declared {@link InputRange}s), as {@link CompileOptions#withCalibrationRanges(boolean)} allows, and what that
 * changed. The risk: the circuit is then exact only for values within the inputset's ranges; others are refused,
 * clipped or wrap around, as {@link CompileOptions#inputRangeCheck()} says.
 *
 * @param used                whether the inputset's ranges narrowed some argument below its known range
 * @param narrowedArguments   the arguments whose range was narrowed, by name
 * @param affectedNodes       every node whose bounds differ from those of the known ranges, as printed
 *                            ({@code %k = expression}), empty when the known ranges do not compile at all
 * @param knownRangeBitWidth  the widest encrypted value under the known ranges, or -1 when they do not compile
 * @param narrowedBitWidth    the widest encrypted value under the narrowed ranges
 * @param knownRangeProblem   why the circuit would not compile on the known ranges, or null
 */
public record RangeNarrowing(boolean used, List<String> narrowedArguments, List<String> affectedNodes,
        int knownRangeBitWidth, int narrowedBitWidth, String knownRangeProblem) {

    /** Bounds from the known ranges: nothing narrowed. */
    public static final RangeNarrowing NONE = new RangeNarrowing(false, List.of(), List.of(), 0, 0, null);

    public RangeNarrowing {
        narrowedArguments = List.copyOf(narrowedArguments);
        affectedNodes = List.copyOf(affectedNodes);
    }

    /** The warning a compile logs when the narrowing is used, naming the nodes it affects; empty otherwise. */
    public String warning() {
        if (!used) {
            return "";
        }
        StringBuilder s = new StringBuilder("The circuit is compiled for the inputset's ranges of "
                + narrowedArguments + ", narrower than their known ranges: values outside them are ");
        s.append("refused, clipped or computed wrongly, as CompileOptions.inputRangeCheck says. ");
        if (knownRangeProblem != null) {
            s.append("On the known ranges the circuit would not compile: ").append(knownRangeProblem);
        } else if (affectedNodes.isEmpty()) {
            s.append("No node's bounds changed: the narrowing only restricts the arguments' accepted values.");
        } else {
            s.append("Widest encrypted value ").append(narrowedBitWidth).append(" bits instead of ")
                    .append(knownRangeBitWidth).append("; nodes whose bounds were narrowed: ")
                    .append(String.join("; ", affectedNodes));
        }
        return s.toString();
    }
}
