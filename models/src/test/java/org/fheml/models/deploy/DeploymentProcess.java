package org.fheml.models.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.fheml.compilation.KeyDirectory;
import org.fheml.compilation.KeyProtection;

/**
 * The client and the server of {@link FreshJvmDeploymentTest}, each run in a JVM of its own that knows only the
 * files it is given. The passphrase comes from the environment variable {@value #PASSPHRASE}. Doubles are written
 * as their exact hexadecimal form, so that the test can compare them bit for bit.
 *
 * <ul>
 *   <li>{@code encrypt CLIENT_DIR KEY_DIR ROWS_CSV REQUESTS_DIR}: generates keys into KEY_DIR, encrypts each row;</li>
 *   <li>{@code serve SERVER_DIR EVALUATION_KEYS REQUESTS_DIR RESULTS_DIR}: runs every request;</li>
 *   <li>{@code decrypt CLIENT_DIR KEY_DIR RESULTS_DIR OUT}: loads the keys, writes labels and probabilities
 *       (classifiers) or values (regressors).</li>
 * </ul>
 */
public final class DeploymentProcess {

    static final String PASSPHRASE = "FHEML_TEST_PASSPHRASE";

    private DeploymentProcess() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "encrypt" -> {
                FheModelClient client = FheModelClient.load(Path.of(args[1])).generateKeys(Path.of(args[2]),
                        protection());
                double[][] rows = Files.readAllLines(Path.of(args[3])).stream().filter(l -> !l.isBlank())
                        .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                        .toArray(double[][]::new);
                write(Path.of(args[4]), client.encrypt(rows));
            }
            case "serve" -> {
                FheModelServer server = FheModelServer.load(Path.of(args[1]));
                byte[] evaluationKeys = Files.readAllBytes(Path.of(args[2]));
                write(Path.of(args[4]), server.run(read(Path.of(args[3])), evaluationKeys, 2));
            }
            case "decrypt" -> {
                FheModelClient client = FheModelClient.load(Path.of(args[1])).loadKeys(Path.of(args[2]),
                        protection());
                byte[][] results = read(Path.of(args[3]));
                List<String> lines = new ArrayList<>();
                if (client.isClassifier()) {
                    lines.add(Arrays.stream(client.predict(results)).mapToObj(Integer::toString)
                            .collect(Collectors.joining(",")));
                    for (double[] row : client.predictProba(results)) {
                        lines.add(hex(row));
                    }
                } else {
                    lines.add(hex(client.predictValues(results)));
                }
                Files.write(Path.of(args[4]), lines);
            }
            default -> throw new IllegalArgumentException("Unknown step " + args[0] + ": encrypt, serve or decrypt.");
        }
    }

    static String hex(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toHexString).collect(Collectors.joining(","));
    }

    private static KeyProtection protection() {
        String passphrase = System.getenv(PASSPHRASE);
        if (passphrase == null) {
            throw new IllegalStateException(PASSPHRASE + " is not set.");
        }
        return KeyProtection.passphrase(passphrase.toCharArray());
    }

    private static void write(Path dir, byte[][] files) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < files.length; i++) {
            Files.write(dir.resolve(i + ".fheml"), files[i]);
        }
    }

    private static byte[][] read(Path dir) throws IOException {
        int count;
        try (var files = Files.list(dir)) {
            count = (int) files.count();
        }
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = Files.readAllBytes(dir.resolve(i + ".fheml"));
        }
        return out;
    }

    /** Where the evaluation keys of a key folder are: what the client uploads to the server. */
    static Path evaluationKeys(Path keyDir) {
        return keyDir.resolve(KeyDirectory.EVALUATION_KEYS);
    }
}
