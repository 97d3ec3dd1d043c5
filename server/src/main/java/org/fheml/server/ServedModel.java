package org.fheml.server;

import org.fheml.compilation.ServerCircuit;

/**
 * The model a server runs, as the server sees it: what it hands to clients, and how it opens a client's evaluation
 * keys into a circuit that runs that client's rows. It holds no secret key.
 */
public interface ServedModel {

    /** The digest of the model's circuit specification, which a client checks its bundle against. */
    String digest();

    /** The client bundle (GET /v1/model): everything a client needs to quantize, encrypt, decrypt and decode. */
    byte[] clientBundle();

    /**
     * Opens a client's evaluation keys into a circuit running with {@code threads} bootstrap threads.
     *
     * @throws org.fheml.tfhe.serialization.ArtifactException when the bytes are damaged or are another model's keys
     */
    ServerCircuit open(byte[] evaluationKeys, int threads);

    /** Programmable bootstraps one row costs (0 for a leveled circuit). */
    long bootstrapsPerRow();
}
