package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.compression.SeededKeyGeneration;
import org.fheml.tfhe.compression.SeededLweEncryption;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.fheml.tfhe.serialization.ArtifactChecksumException;
import org.fheml.tfhe.serialization.ArtifactException;
import org.fheml.tfhe.serialization.ArtifactHeader;
import org.fheml.tfhe.serialization.ArtifactWriter;
import org.fheml.tfhe.serialization.TfheArtifacts;
import org.junit.jupiter.api.Test;

/**
 * A mutation campaign over every artifact a client and a server exchange, and the runtime's own artifacts: bit
 * flips, truncations, appended bytes, forged sizes (resealed with a valid checksum), artifacts of another type, and
 * artifacts of another key set. Every case must end in an {@link ArtifactException}: a checksum error, or a typed
 * error naming what is wrong. None may decrypt to a result, wrong or right, or escape as another exception.
 */
class ArtifactMutationTest {

    private static final int CASES_PER_OPERATOR = 190;
    /** The bootstrapped circuit's evaluation keys weigh 11 MB: fewer cases keep the test fast. */
    private static final int CASES_FOR_LARGE = 40;

    enum Operator { FLIP, TRUNCATE, APPEND, FORGE_SIZE, SWAP_TYPE, FOREIGN_KEY_SET }

    enum Outcome { CHECKSUM_ERROR, TYPED_ERROR, WRONG_RESULT, SILENT_ACCEPTANCE, UNCHECKED_EXCEPTION, OUT_OF_MEMORY }

    /** One artifact under test: its bytes, the offsets of its sizes, what consumes it and what it must give. */
    private record Subject(String name, byte[] bytes, int[] sizeOffsets, Function<byte[], Object> consume,
            Object expected, List<byte[]> foreign) {
    }

    @Test
    void everyMutationOfEveryArtifactEndsInACleanTypedError() {
        List<Subject> subjects = new ArrayList<>();
        subjects.addAll(circuitSubjects("lookup", lookupCircuit(), new long[] {2, 3}, new long[] {1, 0}));
        subjects.addAll(circuitSubjects("linear", linearCircuit(), new long[] {7, 4}, new long[] {1, 9}));
        subjects.addAll(runtimeSubjects());

        SplittableRandom random = new SplittableRandom(14);
        Map<String, Map<Operator, EnumMap<Outcome, Integer>>> table = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (Subject subject : subjects) {
            Map<Operator, EnumMap<Outcome, Integer>> row = table.computeIfAbsent(subject.name(),
                    k -> new EnumMap<>(Operator.class));
            int cases = subject.bytes().length > (4 << 20) ? CASES_FOR_LARGE : CASES_PER_OPERATOR;
            for (Operator operator : Operator.values()) {
                if (operator == Operator.FOREIGN_KEY_SET && subject.foreign().isEmpty()) {
                    continue;
                }
                EnumMap<Outcome, Integer> counts = row.computeIfAbsent(operator, k -> new EnumMap<>(Outcome.class));
                for (int c = 0; c < cases; c++) {
                    byte[] mutated = mutate(subject, operator, subjects, random, c);
                    Outcome outcome = outcome(subject, mutated, failures, operator);
                    counts.merge(outcome, 1, Integer::sum);
                    total++;
                }
            }
        }
        System.out.println(report(table, total));
        assertTrue(total >= 10_000, total + " cases");
        assertTrue(failures.isEmpty(), failures.size() + " mutations were not refused cleanly, first: "
                + failures.stream().limit(5).toList());
    }

    // ---- subjects ------------------------------------------------------------------------------------------------

    private static Circuit lookupCircuit() {
        return Compiler.of(Map.of("x", ENCRYPTED), in -> {
            Tracer x = in.get("x");
            return Tracer.concatenate(0, x.apply("square mod 4", v -> v * v % 4), x.sum().reshape(1));
        }).inputShape("x", 2).compile(new long[][] {{0, 0}, {3, 3}});
    }

    private static Circuit linearCircuit() {
        return Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").dot(new long[] {2, -3}).add(5))
                .compile(new long[][] {{0, 0}, {15, 15}});
    }

    /**
     * The specification, evaluation keys, arguments and results of one circuit, each consumed the way a server or a
     * client does; a second client of the same circuit supplies the foreign key set.
     */
    private static List<Subject> circuitSubjects(String name, Circuit client, long[] x, long[] y) {
        Circuit other = recompile(client);
        byte[] specification = client.serverSpecification();
        ArtifactWriter specificationWriter = CircuitSpecification.writer(client.graph(), client.parameters());
        assertArrayEquals(specification, specificationWriter.toBytes(), "the writer is deterministic");

        ClientKeys keys = client.keygen();
        byte[] seeded = keys.seededServerKey() == null ? null : TfheArtifacts.write(keys.seededServerKey());
        ArtifactWriter keysWriter = EvaluationKeysCodec.writer(keys.keySetId(),
                seeded == null ? EvaluationKeysCodec.Form.NONE : EvaluationKeysCodec.Form.SEEDED, seeded);
        byte[] evaluationKeys = keysWriter.toBytes();
        assertArrayEquals(client.evaluationKeys(), evaluationKeys);

        ServerCircuit server = ServerCircuit.load(specification, evaluationKeys, 2);
        ServerCircuit foreignServer = ServerCircuit.load(other.serverSpecification(), other.evaluationKeys(), 2);
        long[] expected = client.evaluate(x);

        ArtifactWriter argumentsWriter = EncryptedValuesCodec.writer(keys.keySetId(), client.encrypt(x));
        byte[] arguments = argumentsWriter.toBytes();
        byte[] results = server.run(arguments);
        assertArrayEquals(expected, client.decryptBytes(results), "the unmutated round trip works");
        ArtifactWriter resultsWriter = EncryptedValuesCodec.writer(keys.keySetId(), EncryptedValuesCodec.read(results,
                client.graph().outputs(), keys.encryptionKey().dimension().value(), EncryptedValuesCodec.Role.RESULTS).values());
        assertArrayEquals(results, resultsWriter.toBytes());

        List<byte[]> foreignArguments = List.of(other.encryptToBytes(x), other.encryptToBytes(y));
        List<byte[]> foreignResults = List.of(foreignServer.run(foreignArguments.get(0)));
        byte[] foreignKeys = other.evaluationKeys();

        return List.of(
                new Subject(name + " CIRCUIT_SPECIFICATION", specification, specificationWriter.sizeOffsets(),
                        bytes -> client.decryptBytes(ServerCircuit.load(bytes, evaluationKeys, 1).run(arguments)),
                        expected, List.of()),
                new Subject(name + " EVALUATION_KEYS", evaluationKeys, keysWriter.sizeOffsets(),
                        bytes -> bytes == foreignKeys
                                ? client.decryptBytes(foreignServer.run(arguments))
                                : client.decryptBytes(ServerCircuit.load(specification, bytes, 1).run(arguments)),
                        expected, List.of(foreignKeys)),
                new Subject(name + " ENCRYPTED_VALUES (arguments)", arguments, argumentsWriter.sizeOffsets(),
                        bytes -> client.decryptBytes(server.run(bytes)), expected, foreignArguments),
                new Subject(name + " ENCRYPTED_VALUES (results)", results, resultsWriter.sizeOffsets(),
                        client::decryptBytes, expected, foreignResults));
    }

    /** A second, independent client of the same program: same parameters, another key set. */
    private static Circuit recompile(Circuit client) {
        return new Circuit(client.graph(), client.options());
    }

    /** The runtime's artifacts, over small insecure parameters; each must read back to what was written. */
    private static List<Subject> runtimeSubjects() {
        TfheParameters parameters = ParameterSet.INSECURE_TEST_P4.parameters();
        ClientKey clientKey = KeyGeneration.generateClientKey(parameters, AesCtrGenerator.seeded(141));
        var seededServerKey = SeededKeyGeneration.generateServerKey(clientKey, AesCtrGenerator.seeded(142));
        var seededList = SeededLweEncryption.encrypt(clientKey.bigLweKey(), new long[] {1L << 60, 3L << 59, 0},
                parameters.glweNoiseStd(), AesCtrGenerator.seeded(143));
        List<Subject> subjects = new ArrayList<>();
        subjects.add(runtime("TFHE_PARAMETERS", TfheArtifacts.write(parameters), TfheArtifacts::readTfheParameters,
                TfheArtifacts::write, new int[0]));
        subjects.add(runtime("LWE_CIPHERTEXT_LIST", TfheArtifacts.write(seededList.expand()),
                TfheArtifacts::readLweCiphertextList, TfheArtifacts::write, new int[] {0, 4}));
        subjects.add(runtime("SEEDED_LWE_CIPHERTEXT_LIST", TfheArtifacts.write(seededList),
                TfheArtifacts::readSeededLweCiphertextList, TfheArtifacts::write, new int[] {20}));
        subjects.add(runtime("LWE_SECRET_KEY", TfheArtifacts.write(clientKey.smallLweKey()),
                TfheArtifacts::readLweSecretKey, TfheArtifacts::write, new int[] {0}));
        subjects.add(runtime("CLIENT_KEY", TfheArtifacts.write(clientKey), TfheArtifacts::readClientKey,
                TfheArtifacts::write, new int[] {0, 4, 8}));
        subjects.add(runtime("SEEDED_SERVER_KEY", TfheArtifacts.write(seededServerKey),
                TfheArtifacts::readSeededServerKey, TfheArtifacts::write, new int[] {0, 4, 8, 32, 40}));
        return subjects;
    }

    /**
     * @param bodySizes offsets, in the body, of the fields that say how much data follows (for parameters, none:
     *                  any value is a valid parameter, which only the checksum guards)
     */
    private static <T> Subject runtime(String name, byte[] bytes, Function<byte[], T> read,
            Function<T, byte[]> write, int[] bodySizes) {
        ArtifactHeader header = ArtifactHeader.peek(bytes, null);
        int[] offsets = new int[bodySizes.length + 1];
        offsets[0] = header.headerLength() - Integer.BYTES;
        for (int i = 0; i < bodySizes.length; i++) {
            offsets[i + 1] = header.headerLength() + bodySizes[i];
        }
        Function<byte[], Object> consume = mutated -> ByteBuffer.wrap(write.apply(read.apply(mutated)));
        return new Subject(name, bytes, offsets, consume, ByteBuffer.wrap(bytes), List.of());
    }

    // ---- mutations -----------------------------------------------------------------------------------------------

    private static byte[] mutate(Subject subject, Operator operator, List<Subject> all, SplittableRandom random,
            int index) {
        byte[] bytes = subject.bytes();
        return switch (operator) {
            case FLIP -> {
                byte[] flipped = bytes.clone();
                flipped[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                yield flipped;
            }
            case TRUNCATE -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case APPEND -> {
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(16));
                for (int i = bytes.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                yield longer;
            }
            case FORGE_SIZE -> {
                int[] offsets = subject.sizeOffsets();
                int offset = offsets[random.nextInt(offsets.length)];
                byte[] forged = bytes.clone();
                int original = ByteBuffer.wrap(bytes).getInt(offset);
                int[] candidates = {0, 1, -1, original + 1, original - 1, original * 2, original / 2,
                        Integer.MAX_VALUE, 1 << 20, 1 << 30, random.nextInt()};
                int value = candidates[random.nextInt(candidates.length)];
                ByteBuffer.wrap(forged).putInt(offset, value == original ? original + 1 : value);
                yield ArtifactWriter.reseal(forged);
            }
            case SWAP_TYPE -> {
                String type = typeOf(subject);
                List<Subject> others = all.stream().filter(s -> !typeOf(s).equals(type)).toList();
                yield others.get(random.nextInt(others.size())).bytes();
            }
            case FOREIGN_KEY_SET -> subject.foreign().get(index % subject.foreign().size());
        };
    }

    private static String typeOf(Subject subject) {
        return ArtifactHeader.peek(subject.bytes(), null).type().name();
    }

    private static Outcome outcome(Subject subject, byte[] mutated, List<String> failures, Operator operator) {
        Outcome outcome;
        String detail;
        try {
            Object result = subject.consume().apply(mutated);
            boolean same = result instanceof long[] values ? Arrays.equals(values, (long[]) subject.expected())
                    : result.equals(subject.expected());
            outcome = same ? Outcome.SILENT_ACCEPTANCE : Outcome.WRONG_RESULT;
            detail = "accepted";
        } catch (ArtifactChecksumException e) {
            return Outcome.CHECKSUM_ERROR;
        } catch (ArtifactException e) {
            if (!e.getMessage().startsWith("The ") && !e.getMessage().startsWith("Expected an artifact")
                    && !e.getMessage().startsWith("Not an fheml") && !e.getMessage().startsWith("Artifact format")
                    && !e.getMessage().startsWith("Unknown artifact") && !e.getMessage().startsWith("Secret key")) {
                failures.add(subject.name() + " " + operator + ": unhelpful message \"" + e.getMessage() + "\"");
            }
            return Outcome.TYPED_ERROR;
        } catch (OutOfMemoryError e) {
            outcome = Outcome.OUT_OF_MEMORY;
            detail = e.toString();
        } catch (RuntimeException e) {
            outcome = Outcome.UNCHECKED_EXCEPTION;
            StringBuilder trace = new StringBuilder(e.toString());
            for (StackTraceElement element : Arrays.copyOf(e.getStackTrace(), Math.min(4, e.getStackTrace().length))) {
                trace.append(" at ").append(element);
            }
            detail = trace.toString();
        }
        failures.add(subject.name() + " " + operator + ": " + outcome + " (" + detail + ")");
        return outcome;
    }

    private static String report(Map<String, Map<Operator, EnumMap<Outcome, Integer>>> table, int total) {
        StringBuilder text = new StringBuilder(String.format("%nArtifact mutations: %d cases%n%-42s %-16s", total,
                "artifact", "operator"));
        for (Outcome outcome : Outcome.values()) {
            text.append(String.format(" %19s", outcome));
        }
        text.append('\n');
        Map<Operator, EnumMap<Outcome, Integer>> byOperator = new EnumMap<>(Operator.class);
        table.forEach((artifact, row) -> row.forEach((operator, counts) -> {
            text.append(String.format("%-42s %-16s", artifact, operator));
            for (Outcome outcome : Outcome.values()) {
                text.append(String.format(" %19d", counts.getOrDefault(outcome, 0)));
            }
            text.append('\n');
            counts.forEach((outcome, n) -> byOperator.computeIfAbsent(operator, k -> new EnumMap<>(Outcome.class))
                    .merge(outcome, n, Integer::sum));
        }));
        byOperator.forEach((operator, counts) -> {
            text.append(String.format("%-42s %-16s", "all", operator));
            for (Outcome outcome : Outcome.values()) {
                text.append(String.format(" %19d", counts.getOrDefault(outcome, 0)));
            }
            text.append('\n');
        });
        return text.toString();
    }

    @Test
    void theReportCountsWhatItSees() {
        Map<String, Map<Operator, EnumMap<Outcome, Integer>>> table = new LinkedHashMap<>();
        EnumMap<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        counts.put(Outcome.TYPED_ERROR, 3);
        table.put("x", new EnumMap<>(Map.of(Operator.FLIP, counts)));
        String report = report(table, 3);
        assertTrue(report.contains("3 cases"), report);
        assertEquals(2, report.lines().filter(l -> l.matches(".*\\b3\\s+0\\s+0\\s+0\\s+0\\s*$")).count(), report);
    }
}
