package org.fheml.tfhe.optimizer;

/**
 * What one partition of a multi-parameter circuit asks of its KS → PBS parameters. Unlike a {@link BootstrapQuery},
 * the noise its bootstraps read comes from several sources: fresh encryptions, its own bootstrap outputs, and the
 * outputs of other partitions (whose parameters are fixed while this one is chosen); and its own outputs feed
 * other partitions' decisions, which caps their variance. Partitions that share a GLWE key fix its dimension and
 * polynomial size.
 *
 * @param precision          bits of the message read by each bootstrap of the partition, 1 to 16
 * @param pErrorPerBootstrap failure probability allowed for one bootstrap, in (0, 1)
 * @param selfNorm2Squared   squared 2-norm of the partition's own bootstrap outputs at its worst decision point,
 *                           scaling included
 * @param freshNorm2Squared  squared 2-norm of fresh encryptions (under the GLWE key) at that point
 * @param externalVariance   torus variance other partitions' outputs bring to that point
 * @param maxOutputVariance  the largest bootstrap output variance the partition's consumers accept
 * @param glweDimension      the GLWE dimension every candidate must have, or 0 for any
 * @param polynomialSize     the polynomial size every candidate must have, or 0 for any
 */
public record PartitionQuery(int precision, double pErrorPerBootstrap, double selfNorm2Squared,
        double freshNorm2Squared, double externalVariance, double maxOutputVariance, int glweDimension,
        int polynomialSize, SecurityLevel security, boolean centeredModulusSwitch, int sumSize) {

    public PartitionQuery {
        if (precision < 1 || precision > 16) {
            throw new IllegalArgumentException("precision must be 1..16 bits, got " + precision + ".");
        }
        if (!(pErrorPerBootstrap > 0 && pErrorPerBootstrap < 1)) {
            throw new IllegalArgumentException("p_error must lie strictly between 0 and 1, got " + pErrorPerBootstrap + ".");
        }
        if (!(selfNorm2Squared >= 0) || !(freshNorm2Squared >= 0) || !(externalVariance >= 0)
                || !(maxOutputVariance > 0)) {
            throw new IllegalArgumentException("norms and variances must be non-negative (the output cap positive).");
        }
    }

    /** The decision variance of a candidate: its own outputs', fresh noise, other partitions', keyswitch, switch. */
    double decisionVariance(int n, int k, int bigN, double outputVariance, double keyswitchVariance) {
        double glweVariance = security.minimalVariance(k * bigN);
        return selfNorm2Squared * outputVariance + freshNorm2Squared * glweVariance + externalVariance
                + keyswitchVariance + NoiseModel.modulusSwitch(n, bigN, centeredModulusSwitch);
    }
}
