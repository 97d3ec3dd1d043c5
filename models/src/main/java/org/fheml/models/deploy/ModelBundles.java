package org.fheml.models.deploy;

import java.nio.file.Path;
import org.fheml.compilation.BundleException;
import org.fheml.compilation.Circuit;
import org.fheml.compilation.ClientCircuit;
import org.fheml.compilation.ServerBundle;

/**
 * Saving a compiled model as the two bundles of a deployment (Concrete ML's {@code FHEModelDev}):
 * {@code dir/}{@value #SERVER} holds the {@link ServerBundle} (the circuit, nothing secret) and
 * {@code dir/}{@value #CLIENT} the {@link ClientBundle} (client specification, quantizers, post-processing).
 * Estimators' {@code save(Path)} and {@code OnnxModel.save(Path)} go through here.
 */
public final class ModelBundles {

    /** The server bundle's folder inside a saved model's folder. */
    public static final String SERVER = "server";
    /** The client bundle's folder inside a saved model's folder. */
    public static final String CLIENT = "client";

    private ModelBundles() {
    }

    /**
     * Writes both bundles of a compiled model into {@code dir} (created if needed); existing bundles there are
     * replaced, each file atomically.
     *
     * @throws BundleException when a file cannot be written
     */
    public static void save(Path dir, String modelName, Circuit circuit, InputEncoding input, OutputDecoding output,
            PostProcessing post) {
        ClientBundle client = ClientBundle.of(modelName, ClientCircuit.of(circuit), input, output, post);
        ServerBundle server = ServerBundle.of(circuit, modelName);
        server.save(dir.resolve(SERVER));
        client.save(dir.resolve(CLIENT));
    }
}
