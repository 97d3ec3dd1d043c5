package org.fheml.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fheml.tfhe.algorithms.ExternalProduct;
import org.fheml.tfhe.algorithms.ExternalProductScratch;
import org.fheml.tfhe.entities.FourierGgswCiphertext;
import org.fheml.tfhe.entities.GlweCiphertext;
import org.fheml.tfhe.params.TfheParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One external product GGSW ⊡ GLWE with a GGSW of the bootstrap key, single-threaded. Cycles over the key's GGSWs so
 * that, as in a blind rotation, the key streams from memory rather than sitting in cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExternalProductBenchmark {

    @Param({"TFHE_LIB_GATE_INSECURE"})
    public String parameterSet;

    /** false: always the same GGSW (cached), to separate the cost of streaming the key from memory. */
    @Param({"true"})
    public boolean cycleKeys;

    private FourierGgswCiphertext[] ggsws;
    private GlweCiphertext in;
    private GlweCiphertext out;
    private ExternalProductScratch scratch;
    private int next;

    @Setup
    public void setUp() {
        BenchKeys.Keys keys = BenchKeys.of(parameterSet);
        TfheParameters p = keys.set().parameters();
        ggsws = keys.server().bootstrapKey().ggsws().toArray(FourierGgswCiphertext[]::new);
        in = new GlweCiphertext(p.glweDimension(), p.polynomialSize());
        out = new GlweCiphertext(p.glweDimension(), p.polynomialSize());
        long[] data = in.data();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextLong();
        }
        scratch = ExternalProductScratch.forGgsw(ggsws[0]);
    }

    @Benchmark
    public long externalProduct() {
        FourierGgswCiphertext ggsw = ggsws[next];
        next = !cycleKeys || next + 1 == ggsws.length ? 0 : next + 1;
        ExternalProduct.addExternalProduct(out, ggsw, in, scratch);
        return out.data()[1];
    }
}
