package org.fheml.tfhe.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every available kernel against the scalar reference. The SIMD kernel performs the same operations in the same
 * order, so the stated bound is 0: results must be bit-identical.
 */
class FftKernelsTest {

    @Test
    void theVectorKernelIsAvailableInTheBuild() {
        // the build runs tests with --add-modules jdk.incubator.vector
        assertEquals(2, FftKernels.all().size(), "kernels: " + FftKernels.all());
        assertTrue(FftKernels.preferred().name().startsWith("vector"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 16, 128, 512, 4096, 32768})
    void kernelsAgreeBitForBit(int m) {
        List<FftKernel> kernels = FftKernels.all();
        FftKernel reference = kernels.get(0);
        FftPlan plan = new FftPlan(m);
        SplittableRandom random = new SplittableRandom(m);
        long[] poly = random.longs(2 * m).toArray();
        double[] twistRe = random.doubles(m, -1, 1).toArray();
        double[] twistIm = random.doubles(m, -1, 1).toArray();
        double[] bRe = random.doubles(m + 3, -1e20, 1e20).toArray();
        double[] bIm = random.doubles(m + 3, -1e20, 1e20).toArray();
        double[][] expected = run(reference, plan, poly, twistRe, twistIm, bRe, bIm);
        for (FftKernel kernel : kernels.subList(1, kernels.size())) {
            double[][] actual = run(kernel, plan, poly, twistRe, twistIm, bRe, bIm);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i], 0.0, kernel.name() + " output " + i + ", M=" + m);
            }
        }
    }

    private static double[][] run(FftKernel kernel, FftPlan plan, long[] poly, double[] twistRe, double[] twistIm,
            double[] bRe, double[] bIm) {
        int m = plan.size();
        double[] re = new double[m];
        double[] im = new double[m];
        kernel.foldTwist(poly, 0, twistRe, twistIm, re, im, m);
        double[] foldedRe = re.clone();
        double[] foldedIm = im.clone();
        kernel.forward(plan, re, im);
        double[] forwardRe = re.clone();
        double[] forwardIm = im.clone();
        double[] accRe = new double[m];
        double[] accIm = new double[m];
        kernel.multiplyAccumulate(accRe, accIm, 0, re, im, 0, bRe, bIm, 3, m);
        kernel.multiplyAccumulate(accRe, accIm, 0, re, im, 0, bRe, bIm, 1, m);
        kernel.inverse(plan, accRe, accIm);
        long[] out = new long[2 * m];
        kernel.untwistAdd(accRe.clone(), accIm.clone(), twistRe, twistIm, 1.0 / m, out, 0, m);
        double[] outAsDouble = java.util.Arrays.stream(out).asDoubleStream().toArray();
        return new double[][] {foldedRe, foldedIm, forwardRe, forwardIm, accRe, accIm, outAsDouble};
    }
}
