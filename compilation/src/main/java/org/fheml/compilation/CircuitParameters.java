package org.fheml.compilation;

import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.optimizer.LeveledParameters;

/** The cryptographic parameters a circuit was compiled with. */
public sealed interface CircuitParameters {

    /** How many bits every encrypted value is encoded with. */
    int encodingBits();

    /** log2 of the probability that a decrypted output is wrong. */
    double log2PError();

    /**
     * A circuit without bootstraps: one LWE key of {@code lweDimension}, whose fresh noise, grown by the circuit's
     * dot products, still decodes every output exactly with the requested probability.
     */
    record Leveled(int encodingBits, LeveledParameters lwe) implements CircuitParameters {

        @Override
        public double log2PError() {
            return lwe.log2PError();
        }
    }

    /**
     * A circuit with lookups: ciphertexts live under the big key (dimension kN) and every lookup is a KS-PBS at
     * {@code pbsPrecision} bits, the widest input any lookup reads; {@code bootstrapCount} of them per evaluation.
     *
     * <p>With {@code partitions} (a multi-parameter circuit), each partition's bootstraps run with their own set
     * and read their own precision: every set has the GLWE dimension, polynomial size and GLWE noise of
     * {@code pbs} (one GLWE key, so one big key for every ciphertext between bootstraps), and its own small LWE
     * key, keyswitch key and bootstrap key. {@code pbs} is then partition 0's set. Without partitions (an empty
     * list), {@code pbs} serves every bootstrap.
     */
    record Bootstrapped(int encodingBits, int pbsPrecision, long bootstrapCount, BootstrapParameters pbs,
            java.util.List<Partition> partitions) implements CircuitParameters {

        public Bootstrapped {
            partitions = java.util.List.copyOf(partitions);
            for (Partition partition : partitions) {
                BootstrapParameters p = partition.pbs();
                if (p.glweDimension() != pbs.glweDimension() || p.polynomialSize() != pbs.polynomialSize()
                        || p.glweNoiseStd() != pbs.glweNoiseStd()) {
                    throw new IllegalArgumentException("Every partition shares the GLWE key of the first: k "
                            + pbs.glweDimension() + ", N " + pbs.polynomialSize() + ", got k " + p.glweDimension()
                            + ", N " + p.polynomialSize() + ".");
                }
            }
            if (!partitions.isEmpty() && !partitions.getFirst().pbs().equals(pbs)) {
                throw new IllegalArgumentException("pbs must be partition 0's set.");
            }
        }

        /** One parameter set for every bootstrap. */
        public Bootstrapped(int encodingBits, int pbsPrecision, long bootstrapCount, BootstrapParameters pbs) {
            this(encodingBits, pbsPrecision, bootstrapCount, pbs, java.util.List.of());
        }

        @Override
        public double log2PError() {
            double worst = pbs.log2PError();
            for (Partition partition : partitions) {
                worst = Math.max(worst, partition.pbs().log2PError());
            }
            return worst;
        }

        /** The probability that at least one bootstrap of an evaluation fails. */
        public double globalPError() {
            if (partitions.isEmpty()) {
                return org.fheml.tfhe.optimizer.FailureProbability.repeat(pbs.pError(), bootstrapCount);
            }
            double success = 1;
            for (Partition partition : partitions) {
                success *= 1 - org.fheml.tfhe.optimizer.FailureProbability.repeat(partition.pbs().pError(),
                        partition.bootstrapCount());
            }
            return 1 - success;
        }

        /** Whether the circuit's bootstraps run with several parameter sets. */
        public boolean partitioned() {
            return !partitions.isEmpty();
        }

        /** How many parameter sets (and key pairs) the bootstraps use: 1 without partitions. */
        public int partitionCount() {
            return Math.max(1, partitions.size());
        }

        /** The set of partition {@code index}. */
        public BootstrapParameters pbs(int index) {
            return partitions.isEmpty() ? pbs : partitions.get(index).pbs();
        }

        /** The bits the bootstraps of partition {@code index} read. */
        public int precision(int index) {
            return partitions.isEmpty() ? pbsPrecision : partitions.get(index).precision();
        }

        /** The partition of the bootstrap node at graph position {@code position} (0 without partitions). */
        public int partitionOf(int position) {
            for (int i = 0; i < partitions.size(); i++) {
                if (java.util.Arrays.binarySearch(partitions.get(i).nodes(), position) >= 0) {
                    return i;
                }
            }
            return 0;
        }
    }

    /**
     * One partition of a multi-parameter circuit: the graph positions of its bootstrap nodes (lookups, exact
     * roundings and truncations, sorted), the bits they read, how many bootstraps they make per evaluation, and
     * their parameter set.
     */
    record Partition(int precision, long bootstrapCount, BootstrapParameters pbs, int[] nodes) {

        public Partition {
            nodes = nodes.clone();
            java.util.Arrays.sort(nodes);
        }

        @Override
        public int[] nodes() {
            return nodes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Partition p && p.precision == precision && p.bootstrapCount == bootstrapCount
                    && p.pbs.equals(pbs) && java.util.Arrays.equals(p.nodes, nodes);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(precision, bootstrapCount, pbs, java.util.Arrays.hashCode(nodes));
        }

        @Override
        public String toString() {
            return "Partition[precision=" + precision + ", bootstrapCount=" + bootstrapCount + ", pbs=" + pbs
                    + ", nodes=" + java.util.Arrays.toString(nodes) + "]";
        }
    }
}
