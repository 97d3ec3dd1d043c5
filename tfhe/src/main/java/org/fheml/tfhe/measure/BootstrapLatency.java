package org.fheml.tfhe.measure;

import java.util.Arrays;
import org.fheml.tfhe.algorithms.BatchBootstrap;
import org.fheml.tfhe.algorithms.BootstrapScratch;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.LweKeyswitch;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.algorithms.ProgrammableBootstrap;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.LweCiphertextList;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * Times key generation, single-thread KS-PBS, PBS and keyswitch (medians after a warm-up), and a multi-threaded
 * batch, checking every output decrypts to the table's value. A measurement tool, not a benchmark harness: the
 * JMH benchmarks in the benchmarks module are the reference for kernels.
 */
public final class BootstrapLatency {

    private BootstrapLatency() {
    }

    public static LatencyResult measure(TfheParameters parameters, int precision, ModulusSwitchType modulusSwitch,
            int iterations, int warmup, int threads, long seed) {
        if (iterations < 1 || warmup < 0 || threads < 1) {
            throw new IllegalArgumentException("iterations and threads must be at least 1 and warm-up non-negative.");
        }
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        long start = System.nanoTime();
        ClientKey clientKey = KeyGeneration.generateClientKey(parameters, random.fork());
        ServerKey serverKey = KeyGeneration.generateServerKey(clientKey, random.fork());
        double keygenMillis = (System.nanoTime() - start) / 1e6;

        Encoding encoding = new Encoding(precision);
        long modulus = encoding.messageModulus();
        long[] table = new long[(int) modulus];
        for (int m = 0; m < table.length; m++) {
            table[m] = (3L * m + 1) % modulus;
        }
        LookupTable lut = LookupTables.fromMessages(parameters.polynomialSize(), encoding, table, encoding);
        BootstrapScratch scratch = new BootstrapScratch(parameters);
        LweCiphertext out = new LweCiphertext(clientKey.bigLweKey().dimension());
        LweCiphertext small = new LweCiphertext(clientKey.smallLweKey().dimension());
        long[] digits = new long[LweKeyswitch.scratchLength(serverKey.keyswitchKey())];
        int[] accumulator = new int[clientKey.smallLweKey().dimension().lweSize()];
        double[] ksPbs = new double[iterations];
        double[] pbs = new double[iterations];
        double[] keyswitch = new double[iterations];
        long errors = 0;
        for (int i = -warmup; i < iterations; i++) {
            long message = Math.floorMod(random.nextLong(), modulus);
            LweCiphertext in = LweEncryption.encrypt(clientKey.bigLweKey(), encoding, message,
                    parameters.glweNoiseStd(), random);
            long t0 = System.nanoTime();
            ProgrammableBootstrap.bootstrap(serverKey, in, out, lut, modulusSwitch, scratch);
            long t1 = System.nanoTime();
            LweKeyswitch.keyswitch(serverKey, in, small, digits, accumulator);
            long t2 = System.nanoTime();
            ProgrammableBootstrap.bootstrapSmall(serverKey.bootstrapKey(), small, out, lut, modulusSwitch, scratch);
            long t3 = System.nanoTime();
            errors += LweEncryption.decrypt(clientKey.bigLweKey(), encoding, out) == table[(int) message] ? 0 : 1;
            if (i >= 0) {
                ksPbs[i] = (t1 - t0) / 1e6;
                keyswitch[i] = (t2 - t1) / 1e6;
                pbs[i] = (t3 - t2) / 1e6;
            }
        }

        int batch = Math.max(threads * 4, 8);
        LweCiphertextList inputs = new LweCiphertextList(clientKey.bigLweKey().dimension(), batch);
        LweCiphertextList outputs = new LweCiphertextList(clientKey.bigLweKey().dimension(), batch);
        long[] messages = new long[batch];
        long[] plaintexts = new long[batch];
        for (int i = 0; i < batch; i++) {
            messages[i] = Math.floorMod(random.nextLong(), modulus);
            plaintexts[i] = encoding.encode(messages[i]);
        }
        LweEncryption.encrypt(clientKey.bigLweKey(), plaintexts, parameters.glweNoiseStd(), random, inputs);
        double batchMillis;
        try (BatchBootstrap bootstraps = new BatchBootstrap(serverKey, threads, modulusSwitch)) {
            bootstraps.bootstrap(inputs, outputs, lut);
            long t0 = System.nanoTime();
            bootstraps.bootstrap(inputs, outputs, lut);
            batchMillis = (System.nanoTime() - t0) / 1e6 / batch;
        }
        for (int i = 0; i < batch; i++) {
            errors += LweEncryption.decrypt(clientKey.bigLweKey(), encoding, outputs.get(i)) == table[(int) messages[i]] ? 0 : 1;
        }
        return new LatencyResult(iterations, keygenMillis, median(ksPbs), median(pbs),
                java.util.Arrays.stream(pbs).min().orElseThrow(), java.util.Arrays.stream(pbs).max().orElseThrow(),
                median(keyswitch), threads, batchMillis, errors);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
