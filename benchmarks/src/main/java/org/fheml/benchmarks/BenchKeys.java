package org.fheml.benchmarks;

import java.util.concurrent.ConcurrentHashMap;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.random.AesCtrGenerator;

/** Keys shared by the benchmarks of one fork, generated once per parameter set from a fixed seed. */
final class BenchKeys {

    record Keys(ParameterSet set, ClientKey client, ServerKey server) {
    }

    private static final ConcurrentHashMap<String, Keys> CACHE = new ConcurrentHashMap<>();

    private BenchKeys() {
    }

    static Keys of(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            ParameterSet set = ParameterSet.named(n);
            AesCtrGenerator random = AesCtrGenerator.seeded(1);
            ClientKey client = KeyGeneration.generateClientKey(set.parameters(), random);
            return new Keys(set, client, KeyGeneration.generateServerKey(client, random));
        });
    }
}
