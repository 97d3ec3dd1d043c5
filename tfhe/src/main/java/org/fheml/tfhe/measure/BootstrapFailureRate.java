package org.fheml.tfhe.measure;

import org.fheml.tfhe.algorithms.BatchBootstrap;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.optimizer.BootstrapParameters;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * Measures how often bootstraps fail, to hold the noise model to account. Ciphertexts go through a chain of
 * identity bootstraps, so each checked bootstrap reads an input that carries a bootstrap's output noise, as the
 * model assumes (2-norm 1); a failure is an output that decrypts to another message than its input did.
 */
public final class BootstrapFailureRate {

    private BootstrapFailureRate() {
    }

    /**
     * @param chains     ciphertexts bootstrapped side by side
     * @param chainSteps checked bootstraps per chain; trials = chains × chainSteps
     */
    public static FailureRateResult measure(BootstrapParameters parameters, int chains, int chainSteps, int threads,
            long seed) {
        if (parameters.norm2() != 1) {
            throw new IllegalArgumentException("The chain measures bootstraps of 2-norm 1; the parameters were "
                    + "chosen for " + parameters.norm2() + ".");
        }
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        ClientKey clientKey = KeyGeneration.generateClientKey(parameters.toTfheParameters(), random.fork());
        ServerKey serverKey = KeyGeneration.generateServerKey(clientKey, random.fork());
        Encoding encoding = new Encoding(parameters.precision());
        LookupTable identity = LookupTables.identity(parameters.toTfheParameters().polynomialSize(), encoding);
        ModulusSwitchType modulusSwitch = parameters.centeredModulusSwitch()
                ? ModulusSwitchType.CENTERED_MEAN : ModulusSwitchType.PLAIN;

        LweCiphertextList current = new LweCiphertextList(clientKey.bigLweKey().dimension(), chains);
        LweCiphertextList next = new LweCiphertextList(clientKey.bigLweKey().dimension(), chains);
        long[] plaintexts = new long[chains];
        for (int i = 0; i < chains; i++) {
            plaintexts[i] = encoding.encode(Math.floorMod(random.nextLong(), encoding.messageModulus()));
        }
        LweEncryption.encrypt(clientKey.bigLweKey(), plaintexts, parameters.glweNoiseStd(), random, current);
        long failures = 0;
        try (BatchBootstrap bootstrap = new BatchBootstrap(serverKey, threads, modulusSwitch)) {
            bootstrap.bootstrap(current, next, identity);
            for (int step = 0; step < chainSteps; step++) {
                LweCiphertextList swap = current;
                current = next;
                next = swap;
                bootstrap.bootstrap(current, next, identity);
                for (int i = 0; i < chains; i++) {
                    long before = LweEncryption.decrypt(clientKey.bigLweKey(), encoding, current.get(i));
                    long after = LweEncryption.decrypt(clientKey.bigLweKey(), encoding, next.get(i));
                    if (before != after) {
                        failures++;
                    }
                }
            }
        }
        return new FailureRateResult((long) chains * chainSteps, failures, parameters.pError());
    }
}
