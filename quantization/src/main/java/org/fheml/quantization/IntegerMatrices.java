package org.fheml.quantization;

/** Vector-matrix products on integers, and their interval bounds, as the compiler computes them. */
final class IntegerMatrices {

    private IntegerMatrices() {
    }

    /** q · m, with m of shape [q.length][columns]. */
    static long[] times(long[] q, long[][] m) {
        int columns = m.length == 0 ? 0 : m[0].length;
        long[] out = new long[columns];
        for (int j = 0; j < q.length; j++) {
            long v = q[j];
            if (v == 0) {
                continue;
            }
            long[] row = m[j];
            for (int k = 0; k < columns; k++) {
                out[k] = Math.addExact(out[k], Math.multiplyExact(v, row[k]));
            }
        }
        return out;
    }

    /** Bounds of q · m for every q within {@code in}. */
    static IntegerBounds times(IntegerBounds in, long[][] m) {
        int columns = m.length == 0 ? 0 : m[0].length;
        long[] lo = new long[columns];
        long[] hi = new long[columns];
        for (int j = 0; j < in.size(); j++) {
            long a = in.lower(j);
            long b = in.upper(j);
            for (int k = 0; k < columns; k++) {
                long p = Math.multiplyExact(a, m[j][k]);
                long r = Math.multiplyExact(b, m[j][k]);
                lo[k] = Math.addExact(lo[k], Math.min(p, r));
                hi[k] = Math.addExact(hi[k], Math.max(p, r));
            }
        }
        return new IntegerBounds(lo, hi);
    }

    static IntegerBounds plus(IntegerBounds in, long[] constants) {
        long[] lo = in.lower();
        long[] hi = in.upper();
        for (int k = 0; k < lo.length; k++) {
            lo[k] = Math.addExact(lo[k], constants[k]);
            hi[k] = Math.addExact(hi[k], constants[k]);
        }
        return new IntegerBounds(lo, hi);
    }

    static long[] plus(long[] values, long[] constants) {
        long[] out = new long[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.addExact(values[k], constants[k]);
        }
        return out;
    }
}
