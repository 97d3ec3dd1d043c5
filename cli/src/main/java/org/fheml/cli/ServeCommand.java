package org.fheml.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.fheml.server.BundleModel;
import org.fheml.server.FheServer;
import org.fheml.server.ServerLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fheml serve}: runs a saved model for remote clients over HTTP until stopped (Ctrl-C drains it). */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serves a model saved with save(dir) over HTTP: clients fetch its client bundle (GET /v1/model), "
                + "upload their evaluation keys (PUT /v1/keys) and post encrypted rows (POST /v1/predict?key=ID). "
                + "The server never holds a secret key. Ctrl-C (SIGTERM) finishes running requests, then stops."})
final class ServeCommand implements Callable<Integer> {

    /** Held so that the level set on it stays: Helidon's start-up lines would repeat what this command prints. */
    private static final java.util.logging.Logger HELIDON = java.util.logging.Logger.getLogger("io.helidon");

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, description = "Folder a model was saved into (holds server/ and client/).")
    private Path model;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--key-store", description = "Folder of the clients' evaluation keys, kept across restarts "
            + "(default: key-store inside the model folder).")
    private Path keyStore;

    @Option(names = "--threads", description = "Bootstrap threads per loaded key set (default: the processors).")
    private Integer threads;

    @Option(names = "--max-rows", description = "Rows one request may carry (default: 256).")
    private Integer maxRows;

    @Option(names = "--max-evaluations", description = "Requests evaluated at once; more wait, then get 503 "
            + "(default: the processors).")
    private Integer maxEvaluations;

    @Option(names = "--keys-in-memory", description = "Key sets held loaded; others reload from disk (default: 4).")
    private Integer keysInMemory;

    @Override
    public Integer call() throws Exception {
        int bootstrapThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (bootstrapThreads < 1 || port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1 and --port in 0..65535.");
        }
        ServerLimits limits = ServerLimits.defaults();
        try {
            limits = maxRows == null ? limits : limits.withMaxRowsPerRequest(maxRows);
            limits = maxEvaluations == null ? limits : limits.withMaxConcurrentEvaluations(maxEvaluations);
            limits = keysInMemory == null ? limits : limits.withKeySetsInMemory(keysInMemory);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        BundleModel served;
        try {
            served = BundleModel.load(model);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--model " + model + ": " + e.getMessage());
        }
        HELIDON.setLevel(java.util.logging.Level.WARNING);
        Path keys = keyStore != null ? keyStore : model.resolve("key-store");
        FheServer server = FheServer.start(served, keys, limits, bootstrapThreads, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("fheml serve: draining running requests, then stopping.");
            server.close();
            stopped.countDown();
        }, "fheml-serve-shutdown"));
        var out = spec.commandLine().getOut();
        out.println("fheml serve: " + served.modelName() + " (circuit " + served.digest().substring(0, 16) + "…, "
                + served.bootstrapsPerRow() + " bootstraps a row)");
        out.println("Listening on http://" + host + ":" + server.port() + "  (keys in " + keys.toAbsolutePath() + ")");
        out.println("Routes: GET /v1/model, PUT /v1/keys, POST /v1/predict?key=ID, GET /health, GET /metrics, "
                + "GET /openapi. Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
