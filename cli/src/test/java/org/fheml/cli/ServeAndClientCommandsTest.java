package org.fheml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fheml.core.FheMode;
import org.fheml.core.datasets.ClassificationDataset;
import org.fheml.core.datasets.Datasets;
import org.fheml.models.linear.LogisticRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three JVMs: this one fits and saves a model, a second runs {@code fheml serve} on it, a third runs
 * {@code fheml client} on a CSV; the predictions it writes equal {@code predict(X, EXECUTE)} here, row for row.
 */
class ServeAndClientCommandsTest {

    @TempDir
    Path dir;

    private static ProcessBuilder fheml(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void aModelSavedHereIsServedAndPredictedInTwoOtherJvms() throws Exception {
        ClassificationDataset cancer = Datasets.breastCancer();
        LogisticRegression model = new LogisticRegression().fit(cancer.features(), cancer.labels());
        model.compile(cancer.features());
        model.save(dir.resolve("model"));
        double[][] X = Arrays.copyOfRange(cancer.features(), 100, 112);
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, cancer.featureNames().stream().collect(Collectors.joining(",")) + "\n"
                + Arrays.stream(X).map(r -> Arrays.stream(r).mapToObj(Double::toString)
                        .collect(Collectors.joining(","))).collect(Collectors.joining("\n")) + "\n");

        Process serve = fheml("serve", "--model", dir.resolve("model").toString(), "--port", "0", "--threads", "1",
                "--max-rows", "5").redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = null;
            StringBuilder seen = new StringBuilder();
            for (String line; url == null && (line = lines.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(line);
                url = m.find() ? m.group(1) : null;
            }
            assertTrue(url != null, "fheml serve did not start:\n" + seen);

            Path out = dir.resolve("predictions.csv");
            ProcessBuilder client = fheml("client", "--server", url, "--csv", csv.toString(), "--out", out.toString(),
                    "--key-dir", dir.resolve("client-keys").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("client.log").toFile());
            client.environment().put(ClientCommand.PASSPHRASE_VARIABLE, "correct horse battery staple");
            Process clientProcess = client.start();
            assertTrue(clientProcess.waitFor(5, TimeUnit.MINUTES), "fheml client did not end");
            assertEquals(0, clientProcess.exitValue(), Files.readString(dir.resolve("client.log")));

            List<String> written = Files.readAllLines(out);
            assertEquals("prediction", written.get(0));
            int[] served = written.stream().skip(1).mapToInt(Integer::parseInt).toArray();
            assertArrayEquals(model.predict(X, FheMode.EXECUTE), served, "12 rows in 3 requests of at most 5");
            assertTrue(Files.isRegularFile(dir.resolve("model").resolve("key-store").resolve(
                    Files.list(dir.resolve("model").resolve("key-store")).findFirst().orElseThrow().getFileName())),
                    "the uploaded keys are in the key store");
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(1, TimeUnit.MINUTES), "fheml serve stops on SIGTERM");
        }
    }

    @Test
    void serveRefusesAFolderWithoutASavedModel() {
        CommandLineTest.Run run = CommandLineTest.run("serve", "--model", dir.resolve("nothing").toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--model"), run.err());
    }

    @Test
    void clientReadsACsvWithAHeaderAndRefusesRaggedRows() throws IOException {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "a,b\n1,2\n\n3.5,-4\n");
        assertArrayEquals(new double[][] {{1, 2}, {3.5, -4}}, ClientCommand.readRows(good));
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "1,2\n3\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ClientCommand.readRows(ragged));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
