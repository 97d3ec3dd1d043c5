package org.fheml.tfhe;

import java.util.Arrays;
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
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.params.ParameterSet;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;

/**
 * A rough single-thread timing of one KS→PBS (not a test, not JMH): {@code java ... BootstrapTimingMain SET [runs]}.
 * Prints the median, min and max over the runs after a warm-up, and checks every decryption.
 */
public final class BootstrapTimingMain {

    public static void main(String[] args) {
        ParameterSet set = ParameterSet.named(args.length > 0 ? args[0] : "CONCRETE_V0_P4");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        TfheParameters p = set.parameters();
        AesCtrGenerator random = AesCtrGenerator.seeded(1);
        long keygenStart = System.nanoTime();
        ClientKey client = KeyGeneration.generateClientKey(p, random);
        ServerKey server = KeyGeneration.generateServerKey(client, random);
        double keygenMs = (System.nanoTime() - keygenStart) / 1e6;
        Encoding encoding = new Encoding(set.precision());
        LookupTable lut = LookupTables.fromFunction(p.polynomialSize(), encoding, encoding, m -> (3 * m + 1));
        BootstrapScratch scratch = new BootstrapScratch(p);
        LweCiphertext out = new LweCiphertext(p.bigLweDimension());
        int errors = 0;
        double[] ms = new double[runs];
        for (int run = -runs / 3 - 2; run < runs; run++) {
            long m = Math.floorMod(run, encoding.messageModulus());
            LweCiphertext in = LweEncryption.encrypt(client.bigLweKey(), encoding, m, p.glweNoiseStd(), random);
            long start = System.nanoTime();
            ProgrammableBootstrap.bootstrap(server, in, out, lut, ModulusSwitchType.CENTERED_MEAN, scratch);
            long elapsed = System.nanoTime() - start;
            if (LweEncryption.decrypt(client.bigLweKey(), encoding, out) != Math.floorMod(3 * m + 1,
                    encoding.messageModulus())) {
                errors++;
            }
            if (run >= 0) {
                ms[run] = elapsed / 1e6;
            }
        }
        Arrays.sort(ms);
        LweCiphertext small = new LweCiphertext(p.lweDimension());
        double[] ksMs = new double[runs];
        for (int run = -runs / 3 - 2; run < runs; run++) {
            long start = System.nanoTime();
            LweKeyswitch.keyswitch(server.keyswitchKey(), out, small);
            if (run >= 0) {
                ksMs[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ksMs);
        System.out.printf("%s (p=%d): KS-PBS median %.2f ms, min %.2f, max %.2f over %d runs; errors %d; keygen %.0f ms;"
                + " BSK %.1f MiB, KSK %.1f MiB; keyswitch alone %.2f ms; kernel %s%n", set, set.precision(), ms[runs / 2], ms[0], ms[runs - 1], runs,
                errors, keygenMs, server.bootstrapKey().sizeInBytes() / 1048576.0,
                server.keyswitchKey().sizeInBytes() / 1048576.0, ksMs[runs / 2],
                org.fheml.tfhe.fft.FftKernels.preferred().name());
    }
}
