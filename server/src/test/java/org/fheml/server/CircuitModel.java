package org.fheml.server;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.CircuitParameters;
import org.fheml.compilation.ServerCircuit;

/** A served model made straight from a compiled circuit's server specification, for tests below the bundles. */
final class CircuitModel implements ServedModel {

    private final byte[] specification;
    private final String digest;
    private final long bootstraps;

    CircuitModel(Circuit circuit) {
        this.specification = circuit.serverSpecification();
        this.digest = sha256(specification);
        this.bootstraps = circuit.parameters() instanceof CircuitParameters.Bootstrapped b ? b.bootstrapCount() : 0;
    }

    @Override
    public String digest() {
        return digest;
    }

    @Override
    public byte[] clientBundle() {
        return new byte[] {1, 2, 3};
    }

    @Override
    public ServerCircuit open(byte[] evaluationKeys, int threads) {
        return ServerCircuit.load(specification, evaluationKeys, threads);
    }

    @Override
    public long bootstrapsPerRow() {
        return bootstraps;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
