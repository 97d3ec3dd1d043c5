package org.fheml.compilation;

import static org.fheml.compilation.Encryption.ENCRYPTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.GlweSecretKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.serialization.ArtifactException;
import org.junit.jupiter.api.Test;

/** A client and a server that share nothing but bytes. */
class ClientServerTest {

    private static Circuit lookupCircuit() {
        return Compiler.of(Map.of("x", ENCRYPTED), in -> {
            Tracer x = in.get("x");
            return Tracer.concatenate(0, x.multiply(3).roundBitPattern(2).apply("square", v -> v * v / 16),
                    x.sum().reshape(1), x.relu());
        }).inputShape("x", 2).compile(new long[][] {{-4, 3}, {3, -4}, {0, 0}});
    }

    @Test
    void aRoundTripThroughBytesAloneGivesTheEncryptedResult() {
        Circuit client = lookupCircuit();
        ServerCircuit server = ServerCircuit.load(client.serverSpecification(), client.evaluationKeys(), 2);
        for (long[] x : new long[][] {{-4, 3}, {2, -1}, {0, 3}}) {
            byte[] results = server.run(client.encryptToBytes(x));
            assertArrayEquals(client.evaluate(x), client.decryptBytes(results));
            assertArrayEquals(client.encryptRunDecrypt(x), client.decryptBytes(results));
        }
    }

    @Test
    void evaluationKeysTravelSeededAtUnderHalfThePlainSizeAndTheServerTakesEitherForm() {
        Circuit client = lookupCircuit();
        byte[] seeded = client.evaluationKeys();
        byte[] plain = EvaluationKeysCodec.write(client.keygen().keySetId(), client.keygen().serverKey());
        assertTrue(seeded.length < plain.length / 2, seeded.length + " seeded bytes against " + plain.length);
        long[] x = {2, -1};
        for (byte[] keys : new byte[][] {seeded, plain}) {
            ServerCircuit server = ServerCircuit.load(client.serverSpecification(), keys, 1);
            assertArrayEquals(client.evaluate(x), client.decryptBytes(server.run(client.encryptToBytes(x))));
        }
    }

    @Test
    void aLeveledCircuitNeedsNoEvaluationKey() {
        Circuit client = Compiler.of(Map.of("x", ENCRYPTED), in -> in.get("x").dot(new long[] {2, -3}).add(5))
                .compile(new long[][] {{0, 0}, {15, 15}});
        ServerCircuit server = ServerCircuit.load(client.serverSpecification(), client.evaluationKeys(), 1);
        assertArrayEquals(new long[] {2 * 7 - 3 * 4 + 5}, client.decryptBytes(server.run(client.encryptToBytes(new long[] {7, 4}))));
    }

    @Test
    void theServerHoldsNoSecretKey() {
        Circuit client = lookupCircuit();
        ServerCircuit server = ServerCircuit.load(client.serverSpecification(), client.evaluationKeys(), 1);
        assertFalse(reachesSecretKey(server), "the server must not reach any secret key type");
        assertTrue(reachesSecretKey(client), "the same walk finds the keys the client holds");
    }

    @Test
    void damagedBytesAreRejected() {
        Circuit client = lookupCircuit();
        byte[] specification = client.serverSpecification();
        assertThrows(ArtifactException.class,
                () -> ServerCircuit.load(java.util.Arrays.copyOf(specification, specification.length / 2),
                        client.evaluationKeys(), 1));
        assertThrows(IllegalArgumentException.class, () -> ServerCircuit.load(specification, new byte[0], 1));
    }

    /** Walks the object graph of the server (fields, arrays, collections) looking for a secret key. */
    private static boolean reachesSecretKey(Object root) {
        Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        Set<Class<?>> secret = new HashSet<>(java.util.List.of(LweSecretKey.class, GlweSecretKey.class,
                ClientKey.class, ClientKeys.class));
        while (!pending.isEmpty()) {
            Object object = pending.pop();
            if (object == null || !seen.add(object)) {
                continue;
            }
            Class<?> type = object.getClass();
            if (secret.contains(type)) {
                return true;
            }
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (Object element : (Object[]) object) {
                        if (element != null) {
                            pending.push(element);
                        }
                    }
                }
                continue;
            }
            if (object instanceof Iterable<?> iterable && type.getName().startsWith("java.util")) {
                iterable.forEach(pending::push);
                continue;
            }
            if (object instanceof Map<?, ?> map && type.getName().startsWith("java.util")) {
                map.keySet().forEach(pending::push);
                map.values().forEach(pending::push);
                continue;
            }
            if (!type.getName().startsWith("org.fheml")) {
                continue;
            }
            for (Class<?> c = type; c != null && c.getName().startsWith("org.fheml"); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.getType().isPrimitive() || java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        Object value = field.get(object);
                        if (value != null) {
                            pending.push(value);
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new AssertionError("cannot inspect " + field, e);
                    }
                }
            }
        }
        return false;
    }
}
