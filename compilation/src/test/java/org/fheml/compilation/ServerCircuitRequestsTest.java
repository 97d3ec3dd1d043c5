package org.fheml.compilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.params.LweDimension;
import org.junit.jupiter.api.Test;

/**
 * Bad requests are refused with a typed error before they touch the circuit, and never poison it: the next valid
 * request on the same {@link ServerCircuit} or {@link Circuit} gets the right result.
 */
class ServerCircuitRequestsTest {

    /** The client of the insecure per-element lookup circuit of shape (8,), and the property's server. */
    private static final Circuit CLIENT = TestCircuits.insecure(TestCircuits.lookup());
    private static final KeySetId KEY_SET = CLIENT.keygen().keySetId();
    private static final ServerCircuit SERVER =
            ServerCircuit.load(CLIENT.serverSpecification(), CLIENT.evaluationKeys(), 2);
    /** Another client of the same circuit and parameters, with its own keys: a foreign key set. */
    private static final Circuit FOREIGN = TestCircuits.insecure(TestCircuits.lookup());

    /** Only the property uses {@link #SERVER}; the clients start no thread that outlives a few idle seconds. */
    @AfterContainer
    static void closeThePropertysServer() {
        SERVER.close();
    }

    @Test
    void aRequestOfTheWrongShapeIsRefusedAndTheNextValidOneIsServed() {
        try (ServerCircuit server = ServerCircuit.load(CLIENT.serverSpecification(), CLIENT.evaluationKeys(), 2)) {
            InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                    () -> server.run(EncryptedValuesCodec.write(KEY_SET, withShape(CLIENT.encrypt(valid(1)), 4))));
            assertEquals(InvalidRequestException.Problem.SHAPE, refused.problem());
            assertTrue(refused.getMessage().contains("argument 0 (x) as encrypted of shape (4,)"),
                    refused.getMessage());
            for (int seed = 0; seed < 3; seed++) {
                long[] x = valid(seed);
                assertArrayEquals(CLIENT.evaluate(x), CLIENT.decryptBytes(server.run(CLIENT.encryptToBytes(x))));
            }
        }
    }

    @Test
    void theClientCircuitRefusesAWrongShapeAndKeepsRunning() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> CLIENT.run(withShape(CLIENT.encrypt(valid(2)), 4)));
        assertEquals(InvalidRequestException.Problem.SHAPE, refused.problem());
        long[] x = valid(3);
        assertArrayEquals(CLIENT.evaluate(x), CLIENT.encryptRunDecrypt(x));
        assertEquals(InvalidRequestException.Problem.SHAPE, assertThrows(InvalidRequestException.class,
                () -> CLIENT.encryptRunDecrypt(new long[4])).problem());
    }

    @Test
    void evaluationKeysOfOtherParametersAreRefusedAtLoad() {
        Circuit secure = TestCircuits.lookup();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ServerCircuit.load(secure.serverSpecification(), CLIENT.evaluationKeys(), 1));
        assertTrue(refused.getMessage().contains("they are another circuit's keys"), refused.getMessage());
    }

    @Test
    void aClosedServerRefusesWork() {
        ServerCircuit server = ServerCircuit.load(CLIENT.serverSpecification(), CLIENT.evaluationKeys(), 1);
        byte[] request = CLIENT.encryptToBytes(valid(4));
        server.run(request);
        server.close();
        server.close();
        assertThrows(IllegalStateException.class, () -> server.run(request));
    }

    /** The kinds of bad request the property sends. */
    enum Bad {
        WRONG_SHAPE, WRONG_ARGUMENT_COUNT, TRUNCATED, CLEAR_INSTEAD_OF_ENCRYPTED, OTHER_PARAMETERS, GARBAGE, FOREIGN_KEY_SET
    }

    /**
     * 50 random bad requests interleaved with 10 valid ones per try, 20 tries: 1,000 bad requests on one server.
     * Every bad one is refused with the problem it has, a foreign key set by its key-set id. Every valid one is
     * right.
     */
    @Property(tries = 20)
    void badRequestsInterleavedWithValidOnesNeverPoisonTheServer(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 60; i++) {
            if (i % 6 == 5) {
                long[] x = TestCircuits.input(CLIENT, random);
                assertArrayEquals(CLIENT.evaluate(x), CLIENT.decryptBytes(SERVER.run(CLIENT.encryptToBytes(x))),
                        "valid request " + i);
                continue;
            }
            Bad bad = Bad.values()[random.nextInt(Bad.values().length)];
            byte[] request = badRequest(bad, random);
            if (bad == Bad.FOREIGN_KEY_SET) {
                assertThrows(KeySetMismatchException.class, () -> SERVER.run(request));
                continue;
            }
            InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> SERVER.run(request),
                    bad::name);
            assertEquals(expectedProblem(bad), refused.problem(), refused.getMessage());
        }
    }

    private static InvalidRequestException.Problem expectedProblem(Bad bad) {
        return switch (bad) {
            case WRONG_SHAPE -> InvalidRequestException.Problem.SHAPE;
            case WRONG_ARGUMENT_COUNT -> InvalidRequestException.Problem.ARGUMENT_COUNT;
            case TRUNCATED, GARBAGE -> InvalidRequestException.Problem.MALFORMED;
            case CLEAR_INSTEAD_OF_ENCRYPTED -> InvalidRequestException.Problem.ENCRYPTION;
            case OTHER_PARAMETERS -> InvalidRequestException.Problem.LWE_DIMENSION;
            case FOREIGN_KEY_SET -> throw new IllegalArgumentException("refused as a KeySetMismatchException");
        };
    }

    private static byte[] badRequest(Bad bad, SplittableRandom random) {
        long[] x = TestCircuits.input(CLIENT, random);
        return switch (bad) {
            case WRONG_SHAPE -> {
                int count = 1 + random.nextInt(12);
                yield EncryptedValuesCodec.write(KEY_SET, withShape(CLIENT.encrypt(x), count == 8 ? 9 : count));
            }
            case WRONG_ARGUMENT_COUNT -> {
                EncryptedValues one = CLIENT.encrypt(x);
                yield EncryptedValuesCodec.write(KEY_SET, new EncryptedValues(random.nextBoolean() ? List.of()
                        : List.of(one.values().getFirst(), one.values().getFirst())));
            }
            case TRUNCATED -> {
                byte[] bytes = CLIENT.encryptToBytes(x);
                yield Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            case CLEAR_INSTEAD_OF_ENCRYPTED -> EncryptedValuesCodec.write(KEY_SET, 
                    new EncryptedValues(List.of(LongTensor.of(Shape.of(8), x))));
            case OTHER_PARAMETERS -> {
                LweCiphertextList other = new LweCiphertextList(new LweDimension(600 + random.nextInt(100)), 8);
                yield EncryptedValuesCodec.write(KEY_SET,
                        new EncryptedValues(List.of(new EncryptedTensor(Shape.of(8), other))));
            }
            case GARBAGE -> {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case FOREIGN_KEY_SET -> FOREIGN.encryptToBytes(x);
        };
    }

    /** The first {@code count} ciphertexts of a (8,) argument (repeated when more), as a tensor of shape (count,). */
    private static EncryptedValues withShape(EncryptedValues values, int count) {
        LweCiphertextList all = ((EncryptedTensor) values.values().getFirst()).ciphertexts();
        LweCiphertextList part = new LweCiphertextList(all.dimension(), count);
        for (int i = 0; i < count; i++) {
            all.get(i % all.count()).copyTo(part.get(i));
        }
        return new EncryptedValues(List.of(new EncryptedTensor(Shape.of(count), part)));
    }

    private static long[] valid(int seed) {
        return TestCircuits.input(CLIENT, new SplittableRandom(seed));
    }
}
