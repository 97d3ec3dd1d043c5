package org.fheml.compilation;

import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.compression.SeededKeyGeneration;
import org.fheml.tfhe.compression.SeededServerKey;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LweSecretKey;
import org.fheml.tfhe.params.LweDimension;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * Key generation for a multi-parameter circuit: one GLWE key (so one big LWE key for every ciphertext between
 * bootstraps), and per partition its own small LWE key, from which its keyswitch key (big key → small key) and
 * bootstrap key (small key → GLWE key) are drawn, in seeded form as for a single set.
 */
final class PartitionKeys {

    private PartitionKeys() {
    }

    /** The secret keys of every partition, the first drawn whole and the others sharing its GLWE key. */
    static ClientKey[] secretKeys(CircuitParameters.Bootstrapped parameters) {
        ClientKey[] keys = new ClientKey[parameters.partitionCount()];
        keys[0] = KeyGeneration.generateClientKey(parameters.pbs(0).toTfheParameters(),
                AesCtrGenerator.fromSecureRandom());
        for (int i = 1; i < keys.length; i++) {
            var tfhe = parameters.pbs(i).toTfheParameters();
            keys[i] = new ClientKey(tfhe, keys[0].glweKey(),
                    LweSecretKey.generate(new LweDimension(tfhe.lweDimension().value()), AesCtrGenerator.fromSecureRandom()));
        }
        return keys;
    }

    /** Each partition's seeded evaluation keys. */
    static SeededServerKey[] serverKeys(ClientKey[] secretKeys) {
        SeededServerKey[] keys = new SeededServerKey[secretKeys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = SeededKeyGeneration.generateServerKey(secretKeys[i], AesCtrGenerator.fromSecureRandom());
        }
        return keys;
    }

    /** Fresh keys for a circuit's client. */
    static ClientKeys generate(CircuitParameters.Bootstrapped parameters) {
        ClientKey[] secret = secretKeys(parameters);
        return ClientKeys.partitioned(parameters, secret, serverKeys(secret), KeySetId.randomNonce());
    }
}
