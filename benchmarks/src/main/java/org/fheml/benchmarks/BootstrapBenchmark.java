package org.fheml.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fheml.tfhe.algorithms.BootstrapScratch;
import org.fheml.tfhe.algorithms.LookupTables;
import org.fheml.tfhe.algorithms.LweEncryption;
import org.fheml.tfhe.algorithms.LweKeyswitch;
import org.fheml.tfhe.algorithms.ModulusSwitchType;
import org.fheml.tfhe.algorithms.ProgrammableBootstrap;
import org.fheml.tfhe.encoding.Encoding;
import org.fheml.tfhe.entities.LookupTable;
import org.fheml.tfhe.entities.LweCiphertext;
import org.fheml.tfhe.entities.ServerKey;
import org.fheml.tfhe.entities.Torus32KeyswitchKey;
import org.fheml.tfhe.params.TfheParameters;
import org.fheml.tfhe.random.AesCtrGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One programmable bootstrap, single-threaded: {@code pbs} without the keyswitch (input under the small key),
 * {@code ksPbs} with it (input under the big key), and the keyswitch alone: {@code keyswitch} with the exact 64-bit
 * key, {@code keyswitchTorus32} with the key rounded to 32 bits (which {@code ksPbs} uses where the parameters allow).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BootstrapBenchmark {

    @Param({"TFHE_LIB_GATE_INSECURE", "CONCRETE_V0_P4", "TFHE_RS_2_2_G2M64"})
    public String parameterSet;

    private ServerKey server;
    private LookupTable lut;
    private BootstrapScratch scratch;
    private LweCiphertext big;
    private LweCiphertext small;
    private LweCiphertext out;
    private LweCiphertext keyswitched;
    private long[] keyswitchDigits;
    private Torus32KeyswitchKey torus32Key;
    private int[] keyswitchAccumulator;

    @Setup
    public void setUp() {
        BenchKeys.Keys keys = BenchKeys.of(parameterSet);
        TfheParameters p = keys.set().parameters();
        server = keys.server();
        Encoding encoding = new Encoding(keys.set().precision());
        lut = LookupTables.fromFunction(p.polynomialSize(), encoding, encoding, m -> 3 * m + 1);
        scratch = new BootstrapScratch(p);
        AesCtrGenerator random = AesCtrGenerator.seeded(2);
        big = LweEncryption.encrypt(keys.client().bigLweKey(), encoding, 1, p.glweNoiseStd(), random);
        small = LweEncryption.encrypt(keys.client().smallLweKey(), encoding, 1, p.lweNoiseStd(), random);
        out = new LweCiphertext(p.bigLweDimension());
        keyswitched = new LweCiphertext(p.lweDimension());
        keyswitchDigits = new long[LweKeyswitch.scratchLength(server.keyswitchKey())];
        torus32Key = Torus32KeyswitchKey.roundedFrom(server.keyswitchKey());
        keyswitchAccumulator = new int[LweKeyswitch.accumulatorLength(torus32Key)];
    }

    @Benchmark
    public long pbs() {
        ProgrammableBootstrap.bootstrapSmall(server.bootstrapKey(), small, out, lut, ModulusSwitchType.CENTERED_MEAN,
                scratch);
        return out.body();
    }

    @Benchmark
    public long ksPbs() {
        ProgrammableBootstrap.bootstrap(server, big, out, lut, ModulusSwitchType.CENTERED_MEAN, scratch);
        return out.body();
    }

    @Benchmark
    public long keyswitch() {
        LweKeyswitch.keyswitch(server.keyswitchKey(), big, keyswitched, keyswitchDigits);
        return keyswitched.body();
    }

    @Benchmark
    public long keyswitchTorus32() {
        LweKeyswitch.keyswitch(torus32Key, big, keyswitched, keyswitchDigits, keyswitchAccumulator);
        return keyswitched.body();
    }
}
