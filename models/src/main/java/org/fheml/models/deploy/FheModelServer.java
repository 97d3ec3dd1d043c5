package org.fheml.models.deploy;

import java.nio.file.Path;
import org.fheml.compilation.BundleException;
import org.fheml.compilation.InvalidRequestException;
import org.fheml.compilation.KeySetMismatchException;
import org.fheml.compilation.ServerBundle;
import org.fheml.compilation.ServerCircuit;

/**
 * The untrusted side of a deployed model (Concrete ML's {@code FHEModelServer}): it reads a server bundle and runs
 * clients' encrypted requests with their evaluation keys. It holds no secret key and learns nothing of the rows.
 * Everything is delegated to {@link ServerBundle}, which a server that does not depend on the models module (Spark,
 * say) uses directly.
 *
 * <p>Immutable, so thread-safe. {@link #run} opens the client's keys for the call; a server that serves one client
 * many times keeps a {@link ServerCircuit} from {@link #open} instead.
 */
public final class FheModelServer {

    private final ServerBundle bundle;

    private FheModelServer(ServerBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * The server of the bundle saved in {@code serverDir} (the {@code server} folder that {@code save} wrote).
     *
     * @throws BundleException when the bundle is missing or damaged
     */
    public static FheModelServer load(Path serverDir) {
        return new FheModelServer(ServerBundle.load(serverDir));
    }

    public static FheModelServer of(ServerBundle bundle) {
        return new FheModelServer(bundle);
    }

    public ServerBundle bundle() {
        return bundle;
    }

    /**
     * A server circuit for one client's evaluation keys, to run many requests; close it when done.
     *
     * @throws IllegalArgumentException (an ArtifactException) when the keys are damaged or another model's
     */
    public ServerCircuit open(byte[] evaluationKeys, int threads) {
        return bundle.open(evaluationKeys, threads);
    }

    /**
     * Runs every encrypted request (one row each, {@link FheModelClient#encrypt}) with the client's evaluation
     * keys, on as many bootstrap threads as there are processors.
     *
     * @throws IllegalArgumentException (an ArtifactException)        when the evaluation keys are damaged or another model's
     * @throws InvalidRequestException  when a request is damaged or does not fit the model (the first one refused)
     * @throws KeySetMismatchException  when a request was encrypted for other keys
     */
    public byte[][] run(byte[][] requests, byte[] evaluationKeys) {
        return run(requests, evaluationKeys, Runtime.getRuntime().availableProcessors());
    }

    /** {@link #run(byte[][], byte[])} on {@code threads} bootstrap threads. */
    public byte[][] run(byte[][] requests, byte[] evaluationKeys, int threads) {
        if (requests == null) {
            throw new IllegalArgumentException("The requests are null.");
        }
        try (ServerCircuit circuit = open(evaluationKeys, threads)) {
            byte[][] out = new byte[requests.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = circuit.run(requests[i]);
            }
            return out;
        }
    }
}
