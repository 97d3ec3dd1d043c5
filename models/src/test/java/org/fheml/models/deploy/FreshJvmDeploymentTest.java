package org.fheml.models.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.core.datasets.RegressionDataset;
import org.fheml.models.FheEstimator;
import org.fheml.models.linear.LogisticRegression;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.models.tree.XGBRegressor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's round trip across processes: a model fitted and saved in this JVM; keys generated (passphrase-
 * protected) and rows encrypted by a client in a second JVM; the requests run by a server in a third JVM that sees
 * only the server bundle and the evaluation keys; the results decrypted by a client in a fourth JVM that loads the
 * keys back. Labels, probabilities and values equal {@code predict(X, EXECUTE)} here, row for row, bit for bit.
 */
class FreshJvmDeploymentTest {

    private static final int ROWS = 5;
    private static final long TIMEOUT_MINUTES = 10;

    @TempDir
    Path dir;

    @Test
    void aLinearClassifierRoundTripsThroughThreeFreshJvms() throws Exception {
        ClassificationDataset data = Datasets.iris();
        LogisticRegression model = new LogisticRegression().setNBits(6).fit(data.features(), data.labels());
        model.compile(data.features());
        double[][] rows = spread(data.features());
        List<String> out = roundTrip(model, rows);
        assertEquals(expectedClassifier(model.predict(rows, FheMode.EXECUTE),
                model.predictProba(rows, FheMode.EXECUTE)), out);
    }

    @Tag("slow")
    @Test
    void aTreeClassifierRoundTripsThroughThreeFreshJvms() throws Exception {
        ClassificationDataset data = Datasets.breastCancer();
        DecisionTreeClassifier model = new DecisionTreeClassifier().setMaxDepth(3).setNBits(4);
        model.fit(data.features(), data.labels());
        model.compile(data.features());
        double[][] rows = spread(data.features());
        List<String> out = roundTrip(model, rows);
        assertEquals(expectedClassifier(model.predict(rows, FheMode.EXECUTE),
                model.predictProba(rows, FheMode.EXECUTE)), out);
    }

    @Tag("slow")
    @Test
    void anXgboostRegressorRoundTripsThroughThreeFreshJvms() throws Exception {
        RegressionDataset data = Datasets.diabetes();
        XGBRegressor model = new XGBRegressor().setNEstimators(2).setMaxDepth(2).setNBits(4)
                .fit(data.features(), data.targets());
        model.compile(data.features());
        double[][] rows = spread(data.features());
        assertEquals(List.of(DeploymentProcess.hex(model.predict(rows, FheMode.EXECUTE))), roundTrip(model, rows));
    }

    private List<String> roundTrip(FheEstimator model, double[][] rows) throws Exception {
        Path saved = dir.resolve("model");
        model.save(saved);
        Path csv = dir.resolve("rows.csv");
        Files.write(csv, Arrays.stream(rows).map(r -> Arrays.stream(r).mapToObj(Double::toString)
                .collect(Collectors.joining(","))).toList());
        Path keys = dir.resolve("keys");
        Path client = saved.resolve(ModelBundles.CLIENT);
        run("encrypt", client.toString(), keys.toString(), csv.toString(), dir.resolve("requests").toString());
        run("serve", saved.resolve(ModelBundles.SERVER).toString(), DeploymentProcess.evaluationKeys(keys).toString(),
                dir.resolve("requests").toString(), dir.resolve("results").toString());
        Path out = dir.resolve("predictions.txt");
        run("decrypt", client.toString(), keys.toString(), dir.resolve("results").toString(), out.toString());
        return Files.readAllLines(out);
    }

    private static List<String> expectedClassifier(int[] labels, double[][] probabilities) {
        List<String> lines = new ArrayList<>();
        lines.add(Arrays.stream(labels).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        for (double[] row : probabilities) {
            lines.add(DeploymentProcess.hex(row));
        }
        return lines;
    }

    /** Runs one step of {@link DeploymentProcess} in a new JVM on this test's class path; fails on a non-zero exit. */
    private void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.add("--add-modules=jdk.incubator.vector");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DeploymentProcess.class.getName());
        command.addAll(List.of(args));
        Path log = dir.resolve(args[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(DeploymentProcess.PASSPHRASE, "a passphrase only these processes know");
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new AssertionError(args[0] + " did not finish in " + TIMEOUT_MINUTES + " minutes:\n"
                        + Files.readString(log));
            }
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> args[0] + " failed:\n" + readQuietly(log));
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static double[][] spread(double[][] X) {
        double[][] rows = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            rows[i] = X[(int) ((long) i * X.length / ROWS)];
        }
        return rows;
    }
}
