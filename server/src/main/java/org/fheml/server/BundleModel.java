package org.fheml.server;

import java.nio.file.Path;
import org.fheml.compilation.CircuitParameters;
import org.fheml.compilation.ServerBundle;
import org.fheml.compilation.ServerCircuit;
import org.fheml.models.deploy.ClientBundle;
import org.fheml.models.deploy.ModelBundles;

/**
 * A model saved with {@code save(Path dir)}, as {@code fheml serve --model DIR} serves it: the server bundle of
 * {@code dir/server} runs the rows, and the client bundle of {@code dir/client} is handed to clients. Neither holds
 * a secret key.
 */
public final class BundleModel implements ServedModel {

    private final ServerBundle server;
    private final byte[] clientBundle;
    private final long bootstrapsPerRow;

    private BundleModel(ServerBundle server, ClientBundle client) {
        if (!server.specificationDigest().equals(client.specificationDigest())) {
            throw new IllegalArgumentException("The client bundle belongs to the circuit "
                    + client.specificationDigest() + ", the server bundle is circuit " + server.specificationDigest()
                    + ": they were saved from different models. Save the model again into one folder.");
        }
        this.server = server;
        this.clientBundle = client.toBytes();
        this.bootstrapsPerRow = client.circuit().parameters() instanceof CircuitParameters.Bootstrapped b
                ? b.bootstrapCount() : 0;
    }

    /**
     * Loads the two bundles that {@code save(dir)} wrote.
     *
     * @throws org.fheml.compilation.BundleException when a bundle is missing or damaged
     * @throws IllegalArgumentException              when the two bundles belong to different models
     */
    public static BundleModel load(Path modelDir) {
        return new BundleModel(ServerBundle.load(modelDir.resolve(ModelBundles.SERVER)),
                ClientBundle.load(modelDir.resolve(ModelBundles.CLIENT)));
    }

    /** The model's name, as its bundles record it. */
    public String modelName() {
        return server.modelName();
    }

    @Override
    public String digest() {
        return server.specificationDigest();
    }

    @Override
    public byte[] clientBundle() {
        return clientBundle.clone();
    }

    @Override
    public ServerCircuit open(byte[] evaluationKeys, int threads) {
        return server.open(evaluationKeys, threads);
    }

    @Override
    public long bootstrapsPerRow() {
        return bootstrapsPerRow;
    }
}
