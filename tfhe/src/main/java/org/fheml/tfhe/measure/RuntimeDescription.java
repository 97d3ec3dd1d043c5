package org.fheml.tfhe.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fheml.tfhe.fft.FftKernels;
import org.fheml.tfhe.math.IntegerKernels;

/**
 * What a timing ran on, for benchmark reports: the FFT and integer kernels the runtime chose, the JVM's widest
 * vector width, the CPU's vector flags (from /proc/cpuinfo; empty where there is none) and the JVM flags that change
 * the kernels' speed (UseAVX, MaxVectorSize, UseFMA, and any -XX or -Dfheml option on the command line).
 *
 * @param fftKernel the FFT kernel's name, such as vector-512 or scalar
 * @param integerKernel the integer (keyswitch) kernel's name
 * @param vectorBits the widest vector width the JVM compiles the vector kernels at, 0 without jdk.incubator.vector
 * @param cpuVectorFlags the CPU's SIMD flags (sse4_2, avx2, fma, avx512f, ...; asimd on ARM)
 * @param jvmFlags the JVM flags that matter, as name=value
 */
public record RuntimeDescription(String fftKernel, String integerKernel, int vectorBits, List<String> cpuVectorFlags,
        List<String> jvmFlags) {

    private static final Pattern CPU_FLAG = Pattern.compile("\\b(sse4_2|avx|avx2|fma|avx512[a-z_]*|asimd|sve2?)\\b");
    private static final List<String> VM_OPTIONS = List.of("UseAVX", "MaxVectorSize", "UseFMA", "UseSuperWord");

    public RuntimeDescription {
        cpuVectorFlags = List.copyOf(cpuVectorFlags);
        jvmFlags = List.copyOf(jvmFlags);
    }

    /** This JVM's description. */
    public static RuntimeDescription current() {
        List<Integer> widths = FftKernels.vectorWidths();
        return new RuntimeDescription(FftKernels.preferred().name(), IntegerKernels.preferred().name(),
                widths.isEmpty() ? 0 : widths.get(widths.size() - 1), readCpuVectorFlags(), readJvmFlags());
    }

    /** The fields under the names the JSON of {@code fheml bench pbs} uses. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("fftKernel", fftKernel);
        map.put("integerKernel", integerKernel);
        map.put("vectorBits", vectorBits);
        map.put("cpuVectorFlags", cpuVectorFlags);
        map.put("jvmFlags", jvmFlags);
        return map;
    }

    static List<String> readCpuVectorFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return List.of();
        }
        try {
            return parseCpuFlags(Files.readString(cpuinfo));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The vector flags on the first "flags" (x86) or "Features" (ARM) line of a /proc/cpuinfo text, sorted. */
    static List<String> parseCpuFlags(String cpuinfo) {
        TreeSet<String> flags = new TreeSet<>();
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("flags") || line.startsWith("Features")) {
                Matcher matcher = CPU_FLAG.matcher(line.substring(line.indexOf(':') + 1));
                while (matcher.find()) {
                    flags.add(matcher.group(1));
                }
                break;
            }
        }
        return List.copyOf(flags);
    }

    private static List<String> readJvmFlags() {
        List<String> flags = new ArrayList<>();
        try {
            var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            for (String option : VM_OPTIONS) {
                try {
                    flags.add(option + "=" + bean.getVMOption(option).getValue());
                } catch (IllegalArgumentException absent) {
                    // not a flag of this JVM or CPU architecture
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // not a HotSpot JVM
        }
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean named = VM_OPTIONS.stream().anyMatch(argument::contains);
            if ((argument.startsWith("-XX:") && !named) || argument.startsWith("-Dfheml.")) {
                flags.add(argument);
            }
        }
        return flags;
    }
}
