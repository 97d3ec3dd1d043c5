package org.fheml.tfhe.optimizer;

/**
 * What a circuit asks of the parameters of its bootstraps (KS → PBS): the precision they resolve, the 2-norm of
 * the integer weights applied to bootstrap outputs before the next bootstrap, the failure probability allowed per
 * bootstrap, the security level, and whether the runtime uses the centered-mean modulus switch.
 *
 * @param precision          bits of the message read by each bootstrap, 1 to 16
 * @param norm2              2-norm of the dot product between two bootstraps (1 when there is none)
 * @param pErrorPerBootstrap failure probability allowed for one bootstrap, in (0, 1)
 * @param centeredModulusSwitch whether the modulus switch is corrected by its known mean (halves its noise)
 * @param sumSize            additions per bootstrap input assumed by the cost model's levelled term
 */
public record BootstrapQuery(int precision, double norm2, double pErrorPerBootstrap, SecurityLevel security,
        boolean centeredModulusSwitch, int sumSize) {

    /** Concrete's v0 default failure probability per bootstrap (4 sigma): 6.3e-5. */
    public static final double DEFAULT_P_ERROR = 1 - 0.999936657516;

    public BootstrapQuery {
        if (precision < 1 || precision > 16) {
            throw new IllegalArgumentException("precision must be 1..16 bits, got " + precision
                    + ": bootstraps resolve at most 16 bits; round or truncate lower bits first.");
        }
        if (!(norm2 > 0) || Double.isInfinite(norm2)) {
            throw new IllegalArgumentException("norm2 must be a positive finite 2-norm, got " + norm2 + ".");
        }
        if (!(pErrorPerBootstrap > 0 && pErrorPerBootstrap < 1)) {
            throw new IllegalArgumentException("p_error must lie strictly between 0 and 1, got " + pErrorPerBootstrap + ".");
        }
        if (security == null) {
            throw new IllegalArgumentException("security level is null: use SecurityLevel.BITS_128.");
        }
        if (sumSize < 1) {
            throw new IllegalArgumentException("sumSize must be at least 1, got " + sumSize + ".");
        }
    }

    /** A query with a failure probability per bootstrap, at 128 bits, centered modulus switch, default sum size. */
    public static BootstrapQuery perBootstrap(int precision, double norm2, double pError) {
        return new BootstrapQuery(precision, norm2, pError, SecurityLevel.BITS_128, true, CostModel.DEFAULT_SUM_SIZE);
    }

    /**
     * A query from a failure probability for the whole circuit: each of {@code bootstrapCount} bootstraps gets the
     * share that makes their combined failure probability {@code globalPError}.
     */
    public static BootstrapQuery global(int precision, double norm2, double globalPError, long bootstrapCount) {
        if (bootstrapCount < 1) {
            throw new IllegalArgumentException("bootstrap count must be at least 1, got " + bootstrapCount + ".");
        }
        if (!(globalPError > 0 && globalPError < 1)) {
            throw new IllegalArgumentException("global p_error must lie strictly between 0 and 1, got " + globalPError + ".");
        }
        return perBootstrap(precision, norm2, FailureProbability.perEvent(globalPError, bootstrapCount));
    }

    public BootstrapQuery withSecurity(SecurityLevel level) {
        return new BootstrapQuery(precision, norm2, pErrorPerBootstrap, level, centeredModulusSwitch, sumSize);
    }

    public BootstrapQuery withCenteredModulusSwitch(boolean centered) {
        return new BootstrapQuery(precision, norm2, pErrorPerBootstrap, security, centered, sumSize);
    }
}
