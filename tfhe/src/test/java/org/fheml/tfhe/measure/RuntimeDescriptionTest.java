package org.fheml.tfhe.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fheml.tfhe.fft.FftKernels;
import org.junit.jupiter.api.Test;

class RuntimeDescriptionTest {

    @Test
    void readsTheVectorFlagsOfTheFirstProcessor() {
        String x86 = "processor\t: 0\nflags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 avx f16c avx2 fma avx512f avx512dq "
                + "avx512_vnni avx512vl\nprocessor\t: 1\nflags\t\t: avx512bw\n";
        assertEquals(List.of("avx", "avx2", "avx512_vnni", "avx512dq", "avx512f", "avx512vl", "fma", "sse4_2"),
                RuntimeDescription.parseCpuFlags(x86));
        assertEquals(List.of("asimd"), RuntimeDescription.parseCpuFlags("Features\t: fp asimd evtstrm aes crc32\n"));
        assertEquals(List.of(), RuntimeDescription.parseCpuFlags("model name : something\n"));
    }

    @Test
    void namesTheKernelsTheRuntimeChose() {
        RuntimeDescription runtime = RuntimeDescription.current();
        assertEquals(FftKernels.preferred().name(), runtime.fftKernel());
        assertEquals(FftKernels.vectorWidths().getLast(), runtime.vectorBits());
        assertTrue(runtime.jvmFlags().stream().anyMatch(flag -> flag.startsWith("MaxVectorSize=")), runtime.toString());
        assertEquals(runtime.fftKernel(), runtime.toMap().get("fftKernel"));
    }
}
