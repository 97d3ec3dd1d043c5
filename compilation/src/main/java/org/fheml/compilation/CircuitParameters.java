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
     */
    record Bootstrapped(int encodingBits, int pbsPrecision, long bootstrapCount, BootstrapParameters pbs)
            implements CircuitParameters {

        @Override
        public double log2PError() {
            return pbs.log2PError();
        }

        /** The probability that at least one bootstrap of an evaluation fails. */
        public double globalPError() {
            return org.fheml.tfhe.optimizer.FailureProbability.repeat(pbs.pError(), bootstrapCount);
        }
    }
}
