package org.fheml.tfhe.measure;

import org.fheml.tfhe.algorithms.BootstrapScratch;
import org.fheml.tfhe.algorithms.KeyGeneration;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.algorithms.ProgrammableBootstrap;
import org.fheml.tfhe.algorithms.SplitBootstrap;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.ClientKey;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * The latency of one KS-PBS on one thread and split across several ({@link SplitBootstrap}), timed alternately in
 * the same run (so that a loaded machine slows both alike), with medians, checking every output.
 *
 * @param threads the threads of the split bootstrap
 * @param singleMedianMillis the median single-thread KS-PBS
 * @param splitMedianMillis the median split KS-PBS
 * @param errors outputs that decrypted wrongly, over both
 */
public record SplitLatency(int threads, double singleMedianMillis, double splitMedianMillis, long errors) {

    /** Single-thread over split time: 2 would be a perfect split on 2 threads. */
    public double speedup() {
        return singleMedianMillis / splitMedianMillis;
    }

    public static SplitLatency measure(TfheParameters parameters, int precision, ModulusSwitchType modulusSwitch,
            int iterations, int warmup, int threads, long seed) {
        if (iterations < 1 || warmup < 0 || threads < 1) {
            throw new IllegalArgumentException("iterations and threads must be at least 1 and warm-up non-negative.");
        }
        AesCtrGenerator random = AesCtrGenerator.seeded(seed);
        ClientKey clientKey = KeyGeneration.generateClientKey(parameters, random.fork());
        ServerKey serverKey = KeyGeneration.generateServerKey(clientKey, random.fork());
        Encoding encoding = new Encoding(precision);
        long modulus = encoding.messageModulus();
        LookupTable lut = LookupTables.fromFunction(parameters.polynomialSize(), encoding, encoding,
                m -> (3 * m + 1) % modulus);
        BootstrapScratch scratch = new BootstrapScratch(parameters);
        LweCiphertext out = new LweCiphertext(parameters.bigLweDimension());
        double[] single = new double[iterations];
        double[] split = new double[iterations];
        long errors = 0;
        try (SplitBootstrap splitBootstrap = new SplitBootstrap(serverKey, threads, modulusSwitch, false)) {
            for (int i = -warmup; i < iterations; i++) {
                long message = Math.floorMod(random.nextLong(), modulus);
                LweCiphertext in = LweEncryption.encrypt(clientKey.bigLweKey(), encoding, message,
                        parameters.glweNoiseStd(), random);
                long t0 = System.nanoTime();
                ProgrammableBootstrap.bootstrap(serverKey, in, out, lut, modulusSwitch, scratch);
                long t1 = System.nanoTime();
                errors += LweEncryption.decrypt(clientKey.bigLweKey(), encoding, out) == (3 * message + 1) % modulus
                        ? 0 : 1;
                long t2 = System.nanoTime();
                splitBootstrap.bootstrap(in, out, lut);
                long t3 = System.nanoTime();
                errors += LweEncryption.decrypt(clientKey.bigLweKey(), encoding, out) == (3 * message + 1) % modulus
                        ? 0 : 1;
                if (i >= 0) {
                    single[i] = (t1 - t0) / 1e6;
                    split[i] = (t3 - t2) / 1e6;
                }
            }
            return new SplitLatency(splitBootstrap.threads(), BootstrapLatency.median(single),
                    BootstrapLatency.median(split), errors);
        }
    }
}
