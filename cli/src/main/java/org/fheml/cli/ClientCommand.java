package org.fheml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fheml.compilation.KeyProtection;
import org.fheml.models.deploy.FheModelClient;
import org.fheml.server.FheHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fheml client}: encrypts the rows of a CSV, has an fheml server run them, and prints the decrypted predictions. */
@Command(name = "client",
        mixinStandardHelpOptions = true,
        description = {"Encrypts every row of a CSV of features, has the fheml server at --server run the model on "
                + "them, decrypts the results and writes one prediction per row (to standard output, or to --out). "
                + "The secret key stays here: in --key-dir, encrypted with the passphrase in the environment variable "
                + "FHEML_KEY_PASSPHRASE (or stored unencrypted, owner-only, with --unencrypted-keys), or in memory "
                + "for this run only when no --key-dir is given."})
final class ClientCommand implements Callable<Integer> {

    /** The environment variable holding the passphrase of --key-dir. */
    static final String PASSPHRASE_VARIABLE = "FHEML_KEY_PASSPHRASE";

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", required = true, description = "The server's address, e.g. http://127.0.0.1:8080.")
    private URI server;

    @Option(names = "--csv", required = true, description = "Rows of features, one a line, comma-separated; a first "
            + "line that is not numbers is taken as a header.")
    private Path csv;

    @Option(names = "--out", description = "CSV to write the predictions to (default: standard output).")
    private Path out;

    @Option(names = "--key-dir", description = "Folder of this client's keys: loaded, or generated there.")
    private Path keyDir;

    @Option(names = "--unencrypted-keys", description = "Store the secret key in --key-dir unencrypted, readable by "
            + "its owner only, instead of under a passphrase.")
    private boolean unencryptedKeys;

    @Option(names = "--proba", description = "Also write each class's probability (classifiers).")
    private boolean proba;

    @Override
    public Integer call() throws IOException {
        double[][] rows = readRows(csv);
        FheHttpClient client = FheHttpClient.connect(server);
        FheModelClient model = client.modelClient();
        if (rows.length > 0 && rows[0].length != model.featureCount()) {
            throw new ParameterException(spec.commandLine(), csv + " has " + rows[0].length + " columns; the model "
                    + model.modelName() + " takes " + model.featureCount() + " features.");
        }
        if (keyDir == null) {
            client.generateEphemeralKeys();
        } else {
            client.loadOrGenerateKeys(keyDir, protection());
        }
        client.uploadKeys();
        try (Writer target = out == null ? new PrintWriter(spec.commandLine().getOut())
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            write(target, client, rows);
        }
        return 0;
    }

    private KeyProtection protection() {
        if (unencryptedKeys) {
            return KeyProtection.unencryptedOwnerOnly();
        }
        String passphrase = System.getenv(PASSPHRASE_VARIABLE);
        if (passphrase == null || passphrase.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--key-dir needs a passphrase in the environment "
                    + "variable " + PASSPHRASE_VARIABLE + ", or --unencrypted-keys to store the secret key "
                    + "unencrypted (owner-only).");
        }
        return KeyProtection.passphrase(passphrase.toCharArray());
    }

    private void write(Writer target, FheHttpClient client, double[][] rows) throws IOException {
        FheModelClient model = client.modelClient();
        PrintWriter w = new PrintWriter(target);
        if (!model.isClassifier()) {
            w.println("prediction");
            for (double v : client.predictValues(rows)) {
                w.println(v);
            }
            w.flush();
            return;
        }
        int[] classes = model.classes();
        if (!proba) {
            w.println("prediction");
            for (int label : client.predict(rows)) {
                w.println(label);
            }
            w.flush();
            return;
        }
        StringBuilder header = new StringBuilder("prediction");
        for (int c : classes) {
            header.append(",p_").append(c);
        }
        w.println(header);
        double[][] p = client.predictProba(rows);
        for (double[] row : p) {
            int best = 0;
            for (int c = 1; c < row.length; c++) {
                best = row[c] > row[best] ? c : best;
            }
            StringBuilder line = new StringBuilder(Integer.toString(classes[best]));
            for (double v : row) {
                line.append(',').append(String.format(Locale.ROOT, "%.6f", v));
            }
            w.println(line);
        }
        w.flush();
    }

    /** Numeric rows of a CSV; a non-numeric first line is a header. */
    static double[][] readRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            double[] row = new double[cells.length];
            try {
                for (int c = 0; c < cells.length; c++) {
                    row[c] = Double.parseDouble(cells[c].strip());
                }
            } catch (NumberFormatException e) {
                if (rows.isEmpty() && i == firstNonEmpty(lines)) {
                    continue;
                }
                throw new IllegalArgumentException(file + " line " + (i + 1) + " holds a value that is not a number: "
                        + e.getMessage());
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + row.length + " values, the "
                        + "rows before it " + rows.get(0).length + ".");
            }
            rows.add(row);
        }
        return rows.toArray(double[][]::new);
    }

    private static int firstNonEmpty(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
