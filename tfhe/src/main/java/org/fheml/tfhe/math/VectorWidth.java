package org.fheml.tfhe.math;

import java.io.IOException;
import java.io.InputStream;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One SIMD kernel class, compiled at several vector widths in one JVM. The Vector API is only fast when a kernel's
 * species is a compile-time constant (a static final), so a kernel class reads its width once, in its static
 * initialiser, through {@link #of}; {@link #instantiate} defines a copy of the class (a hidden class made from the
 * same bytes) that carries another width as its class data. The class itself runs at the JVM's preferred width.
 * Tests and benchmarks use this to run every kernel at 128, 256 and 512 bits; the runtime uses the preferred width.
 * Nothing here touches jdk.incubator.vector, so it loads on a JVM without that module.
 */
public final class VectorWidth {

    private VectorWidth() {
    }

    /**
     * The width in bits this class (the caller's {@code MethodHandles.lookup()}) was defined for by
     * {@link #instantiate}, or {@code preferredBits} for the class itself.
     */
    public static int of(MethodHandles.Lookup lookup, int preferredBits) {
        try {
            Integer bits = MethodHandles.classData(lookup, ConstantDescs.DEFAULT_NAME, Integer.class);
            return bits != null ? bits : preferredBits;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("A kernel must pass its own MethodHandles.lookup()", e);
        }
    }

    /**
     * A new instance, through its no-argument constructor, of a copy of {@code lookup.lookupClass()} whose
     * {@link #of} returns {@code bits}. {@code lookup} must be the kernel class's own full-privilege lookup.
     */
    public static <T> T instantiate(MethodHandles.Lookup lookup, Class<T> type, int bits) {
        Class<?> kernel = lookup.lookupClass();
        String resource = kernel.getSimpleName() + ".class";
        try (InputStream in = kernel.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The class file " + resource + " is not readable");
            }
            MethodHandles.Lookup copy = lookup.defineHiddenClassWithClassData(in.readAllBytes(), bits, true);
            return type.cast(copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class)).invoke());
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot define the " + bits + "-bit copy of " + kernel.getName(), e);
        } catch (Throwable e) {
            throw new IllegalStateException("The " + bits + "-bit copy of " + kernel.getName() + " failed to start", e);
        }
    }
}
