package org.fheml.compilation;

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
}
