package org.fheml.tfhe.fft;

import java.lang.invoke.MethodHandles;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.fheml.tfhe.math.SignedDecomposer;
import org.fheml.tfhe.math.VectorWidth;

/**
 * {@link FftKernel} on jdk.incubator.vector (structure of arrays; by default {@code DoubleVector.SPECIES_PREFERRED},
 * 8 lanes with AVX-512, and at any other width through {@link #atWidth}). It uses only operations with an
 * instruction at every width from 128 bits and on AVX2 alone: longs become doubles by the 2^52 trick (the
 * long-to-double conversion instruction needs AVX-512DQ), the rounding back to the torus uses no long compares or
 * blends, and 2-lane vectors swap no lanes. The FFT computes the same transform as {@link ScalarFftKernel} (decimation in frequency, natural
 * order in, bit-reversed order out, and the matching decimation-in-time inverse), so the Fourier values come out in
 * the same permuted order; it differs only in rounding:
 * <ul>
 *   <li>the butterfly stages at least one vector wide run two at a time (radix 4), halving the loads and stores;</li>
 *   <li>the log2(lanes) stages narrower than a vector run inside registers: one pass loads each vector once, swaps
 *   lanes with a constant shuffle, and applies ±1 and the stage twiddles as lane constants;</li>
 *   <li>complex products use fused multiply-adds.</li>
 * </ul>
 * The decomposition (carry-free digits, bit-exact with {@link SignedDecomposer}) is fused with the integer-to-double
 * conversion, the twist and the first butterfly pass (radix 4, or radix 2 when the number of stages across vectors is
 * odd, as with 256-bit vectors at N = 1024), the multiply-accumulate of an
 * external product reads the GGSW in memory order into L1-resident sums (or, when those would not fit, sums each
 * column in registers), and the rounding back to the torus is vectorised. Sizes below two vectors use the scalar
 * code. Allocates nothing.
 */
public final class VectorFftKernel implements FftKernel {

    private static final int BITS =
            VectorWidth.of(MethodHandles.lookup(), DoubleVector.SPECIES_PREFERRED.vectorBitSize());
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorShape.forBitSize(BITS));
    private static final VectorSpecies<Long> L = VectorSpecies.of(long.class, VectorShape.forBitSize(BITS));
    private static final int LANES = D.length();
    private static final int LOG_LANES = Integer.numberOfTrailingZeros(LANES);

    // In-vector stages, widest first: stage s has half-width LANES >> (s + 1). Unused stages get harmless values.
    private static final VectorShuffle<Double> SWAP0 = swap(0);
    private static final VectorShuffle<Double> SWAP1 = swap(1);
    private static final VectorShuffle<Double> SWAP2 = swap(2);
    private static final DoubleVector SIGN0 = sign(0);
    private static final DoubleVector SIGN1 = sign(1);
    private static final DoubleVector SIGN2 = sign(2);
    private static final DoubleVector WR0 = twiddle(0, 0);
    private static final DoubleVector WR1 = twiddle(1, 0);
    private static final DoubleVector WI0 = twiddle(0, 1);
    private static final DoubleVector WI1 = twiddle(1, 1);
    private static final DoubleVector NWI0 = twiddle(0, 2);
    private static final DoubleVector NWI1 = twiddle(1, 2);
    // the stage of half-width 1 (twiddle 1)
    private static final VectorShuffle<Double> LAST_SWAP = LANES == 8 ? SWAP2 : LANES == 4 ? SWAP1 : SWAP0;
    private static final DoubleVector LAST_SIGN = LANES == 8 ? SIGN2 : LANES == 4 ? SIGN1 : SIGN0;

    private static final double TWO_POW_52 = 0x1p52;
    private static final long TWO_POW_52_BITS = Double.doubleToRawLongBits(TWO_POW_52);
    /**
     * 1.5·2^52: a long |x| < 2^51 added to its bit pattern gives the double MAGIC + x, so subtracting MAGIC converts
     * x exactly; a double |v| < 2^51 plus MAGIC is rounded to an integer (ties to even) held in the low bits.
     */
    private static final double MAGIC = 0x1.8p52;
    private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
    /** (MAGIC_BITS << 32) + MAGIC_BITS mod 2^64: removes the 2^52 trick's offsets from a high and a low half at once. */
    private static final DoubleVector MINUS_TWO_POW_64 = DoubleVector.broadcast(D, -0x1p64);
    private static final DoubleVector MINUS_TWO_POW_32 = DoubleVector.broadcast(D, -0x1p32);
    private static final long MAGIC_PAIR_BITS = (MAGIC_BITS << 32) + MAGIC_BITS;
    /** The widest digits the 2^52 trick converts: |digit| ≤ 2^(baseLog − 1) < 2^51. */
    private static final int MAX_CONVERTED_BASE_LOG = 51;
    /** The most complex values the sums of an external product may take to be built in memory order (16 KiB). */
    private static final int L1_SUMS = 1024;

    private final ScalarFftKernel scalar = new ScalarFftKernel();
    private Digits lastDigits;

    public VectorFftKernel() {
        if (L.length() != LANES) {
            throw new IllegalStateException("Long and double vectors differ in length on this platform");
        }
        if (LANES < 2 || LANES > 8) {
            throw new IllegalStateException("The SIMD FFT kernel supports 2 to 8 double lanes, this platform has "
                    + LANES);
        }
    }

    @Override
    public String name() {
        return "vector-" + BITS;
    }

    /** The width this JVM prefers, in bits (the class itself runs at it). */
    static int preferredBits() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize();
    }

    /** This kernel compiled for vectors of {@code bits} bits (128, 256 or 512), see {@link VectorWidth}. */
    static FftKernel atWidth(int bits) {
        return bits == preferredBits() ? new VectorFftKernel()
                : VectorWidth.instantiate(MethodHandles.lookup(), FftKernel.class, bits);
    }

    // ---- lane constants of the in-vector stages ----

    private static int stageHalf(int stage) {
        return Math.max(1, LANES >> (stage + 1));
    }

    private static VectorShuffle<Double> swap(int stage) {
        int half = stageHalf(stage);
        return VectorShuffle.fromOp(D, i -> i ^ half);
    }

    private static DoubleVector sign(int stage) {
        int half = stageHalf(stage);
        double[] values = new double[LANES];
        for (int i = 0; i < LANES; i++) {
            values[i] = (i & half) == 0 ? 1 : -1;
        }
        return DoubleVector.fromArray(D, values, 0);
    }

    /** part 0: re, 1: im, 2: −im of the twiddle each lane applies in the stage (1 on the lanes of the upper half). */
    private static DoubleVector twiddle(int stage, int part) {
        int half = stageHalf(stage);
        double[] values = new double[LANES];
        for (int i = 0; i < LANES; i++) {
            double r = 1;
            double s = 0;
            if ((i & half) != 0) {
                int j = i & (half - 1);
                double angle = Math.PI * j / half;
                r = Math.cos(angle);
                s = -Math.sin(angle);
            }
            values[i] = part == 0 ? r : part == 1 ? s : -s;
        }
        return DoubleVector.fromArray(D, values, 0);
    }

    // ---- fold and twist, decomposition ----

    @Override
    public void foldTwist(long[] src, int srcOffset, double[] twistRe, double[] twistIm, double[] re, double[] im,
            int m) {
        if (m < LANES) {
            scalar.foldTwist(src, srcOffset, twistRe, twistIm, re, im, m);
            return;
        }
        for (int j = 0; j < m; j += LANES) {
            DoubleVector x = toDouble(LongVector.fromArray(L, src, srcOffset + j));
            DoubleVector y = toDouble(LongVector.fromArray(L, src, srcOffset + j + m));
            DoubleVector tr = DoubleVector.fromArray(D, twistRe, j);
            DoubleVector ti = DoubleVector.fromArray(D, twistIm, j);
            y.neg().fma(ti, x.mul(tr)).intoArray(re, j);
            y.fma(tr, x.mul(ti)).intoArray(im, j);
        }
    }

    /**
     * (double) x on every lane, correctly rounded, without a long-to-double conversion instruction (which only
     * AVX-512DQ has): the high and low 32-bit halves become exact doubles by the 2^52 trick, and one addition
     * (after an exact scaling) joins them with a single rounding. The sign bit is flipped first so that the high half is
     * unsigned.
     */
    private static DoubleVector toDouble(LongVector x) {
        LongVector biased = x.lanewise(VectorOperators.XOR, Long.MIN_VALUE);
        DoubleVector high = biased.lanewise(VectorOperators.LSHR, 32).or(TWO_POW_52_BITS).reinterpretAsDoubles()
                .sub(TWO_POW_52 + 0x1p31);
        DoubleVector low = biased.and(0xFFFF_FFFFL).or(TWO_POW_52_BITS).reinterpretAsDoubles().sub(TWO_POW_52);
        return high.mul(0x1p32).add(low);
    }

    @Override
    public void decomposeFoldTwist(long[] src, int srcOffset, SignedDecomposer decomposer, double[] twistRe,
            double[] twistIm, double[][] re, double[][] im, int first, int stride, int m) {
        if (m < LANES || decomposer.baseLog() > MAX_CONVERTED_BASE_LOG) {
            scalar.decomposeFoldTwist(src, srcOffset, decomposer, twistRe, twistIm, re, im, first, stride, m);
            return;
        }
        Digits digits = digits(decomposer);
        long digitMask = digits.mask;
        int levels = digits.levels;
        int baseLog = digits.baseLog;
        int roundShift = digits.roundShift;
        int tieShift = digits.tieShift;
        long stateMask = digits.stateMask;
        long fieldOnes = digits.fieldOnes;
        long offsets = digits.offsets;
        double magic = digits.magic;
        for (int j = 0; j < m; j += LANES) {
            LongVector sx = LongVector.fromArray(L, src, srcOffset + j);
            LongVector sy = LongVector.fromArray(L, src, srcOffset + j + m);
            if (roundShift >= 0) {
                sx = sx.lanewise(VectorOperators.LSHR, roundShift).add(1L).lanewise(VectorOperators.LSHR, 1)
                        .and(stateMask);
                sy = sy.lanewise(VectorOperators.LSHR, roundShift).add(1L).lanewise(VectorOperators.LSHR, 1)
                        .and(stateMask);
            }
            LongVector gx = sx.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector gy = sy.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector vx = sx.add(offsets).add(gx);
            LongVector vy = sy.add(offsets).add(gy);
            DoubleVector tr = DoubleVector.fromArray(D, twistRe, j);
            DoubleVector ti = DoubleVector.fromArray(D, twistIm, j);
            DoubleVector nti = ti.neg();
            for (int level = 0; level < levels; level++) {
                int shift = (levels - 1 - level) * baseLog;
                DoubleVector x = vx.lanewise(VectorOperators.LSHR, shift).and(digitMask)
                        .sub(gx.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector y = vy.lanewise(VectorOperators.LSHR, shift).and(digitMask)
                        .sub(gy.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                int index = first + level * stride;
                y.fma(nti, x.mul(tr)).intoArray(re[index], j);
                y.fma(tr, x.mul(ti)).intoArray(im[index], j);
            }
        }
    }

    /** The digit constants of this decomposer, kept from the last call (immutable, so a racy cache is safe). */
    private Digits digits(SignedDecomposer decomposer) {
        Digits cached = lastDigits;
        if (cached == null || cached.baseLog != decomposer.baseLog() || cached.levels != decomposer.levels()) {
            cached = new Digits(decomposer);
            lastDigits = cached;
        }
        return cached;
    }

    /**
     * The constants (no vectors: nested classes are not copied per width) of the signed digits of
     * {@link SignedDecomposer}, each computed on its own instead of through the carry chain:
     * with the rounded state S, adding o_p = B/2 − 1 + T_(p+1) to every digit field p (T_(p+1) the top bit of S's
     * raw field p + 1, 0 above the last) makes the carries of the whole chain come out of one addition, and digit p
     * is field p of V = S + Σ o_p·B^p minus o_p. (A field of S plus its carry-in t carries out when
     * t + B/2 − 1 + T ≥ B, that is t > B/2, or t = B/2 with T set: the decomposer's tie rule, since at a tie the
     * next field has not been changed by a carry.) Per digit: two shifts, two masks, a subtraction and the 2^52
     * conversion, against nine operations of the chain. Exact: the same digits as the decomposer.
     */
    private static final class Digits {
        final int baseLog;
        final int levels;
        final int roundShift;
        final long stateMask;
        final long mask;
        /** Σ_p (B/2 − 1)·B^p: the constant part of the offsets. */
        final long offsets;
        final long fieldOnes;
        /** 2β − 1, at most 63: a shift that brings each T_(p+1) to the bottom of field p (and none past one level). */
        final int tieShift;
        /** MAGIC + B/2 − 1: subtracting it converts field − T and removes the offset's constant part. */
        final double magic;

        Digits(SignedDecomposer decomposer) {
            baseLog = decomposer.baseLog();
            levels = decomposer.levels();
            int totalBits = baseLog * levels;
            roundShift = 64 - totalBits - 1;
            stateMask = totalBits == 64 ? -1L : (1L << totalBits) - 1;
            mask = (1L << baseLog) - 1;
            long halfMinusOne = 0;
            long ones = 0;
            for (int p = 0; p < levels; p++) {
                halfMinusOne += ((1L << (baseLog - 1)) - 1) << (p * baseLog);
                ones |= 1L << (p * baseLog);
            }
            offsets = halfMinusOne;
            fieldOnes = ones;
            tieShift = Math.min(2 * baseLog - 1, 63);
            magic = MAGIC + ((1L << (baseLog - 1)) - 1);
        }

    }

    // ---- forward FFT ----

    @Override
    public void forward(FftPlan plan, double[] re, double[] im) {
        int m = plan.size();
        if (m < 2 * LANES) {
            scalar.forward(plan, re, im);
            return;
        }
        double[] wr = plan.twiddleRe();
        double[] wi = plan.twiddleIm();
        double[] nwi = plan.twiddleImNegated();
        int across = Integer.numberOfTrailingZeros(m) - LOG_LANES;
        int half = m >> 1;
        if ((across & 1) == 1) {
            forwardRadix2(re, im, m, half, wr, wi, nwi);
            half >>= 1;
        }
        if (half < LANES) {
            // m = 2·LANES: the radix-2 stage was the only one across vectors
            forwardInVector(plan, re, im, m);
            return;
        }
        forwardTail(plan, re, im, half);
    }

    /**
     * The radix-4 passes from half-width {@code half} down, the last one followed by the in-vector stages. Two
     * lanes have no cheap lane swap on x86 (C2 does not compile a 2-lane shuffle), so there the one in-vector stage
     * is a scalar pass.
     */
    private static void forwardTail(FftPlan plan, double[] re, double[] im, int half) {
        int m = plan.size();
        double[] wr = plan.twiddleRe();
        double[] wi = plan.twiddleIm();
        double[] nwi = plan.twiddleImNegated();
        for (; half > 2 * LANES; half >>= 2) {
            forwardRadix4(re, im, m, half, wr, wi, nwi, false);
        }
        if (LANES == 2) {
            forwardRadix4(re, im, m, half, wr, wi, nwi, false);
            ScalarStages.forward(plan, re, im, 1);
        } else {
            forwardRadix4(re, im, m, half, wr, wi, nwi, true);
        }
    }

    private static void forwardRadix2(double[] re, double[] im, int m, int half, double[] wr, double[] wi,
            double[] nwi) {
        int tw = half - 1;
        for (int start = 0; start < m; start += 2 * half) {
            for (int j = 0; j < half; j += LANES) {
                int p = start + j;
                int q = p + half;
                DoubleVector ur = DoubleVector.fromArray(D, re, p);
                DoubleVector ui = DoubleVector.fromArray(D, im, p);
                DoubleVector vr = DoubleVector.fromArray(D, re, q);
                DoubleVector vi = DoubleVector.fromArray(D, im, q);
                ur.add(vr).intoArray(re, p);
                ui.add(vi).intoArray(im, p);
                DoubleVector dr = ur.sub(vr);
                DoubleVector di = ui.sub(vi);
                DoubleVector c = DoubleVector.fromArray(D, wr, tw + j);
                di.fma(DoubleVector.fromArray(D, nwi, tw + j), dr.mul(c)).intoArray(re, q);
                dr.fma(DoubleVector.fromArray(D, wi, tw + j), di.mul(c)).intoArray(im, q);
            }
        }
    }

    /** The stages of half-width {@code half} and {@code half / 2} in one pass (half / 2 ≥ LANES). */
    private static void forwardRadix4(double[] re, double[] im, int m, int half, double[] wr, double[] wi,
            double[] nwi, boolean last) {
        int quarter = half >> 1;
        int tw1 = half - 1;
        int tw2 = quarter - 1;
        for (int start = 0; start < m; start += 2 * half) {
            for (int j = 0; j < quarter; j += LANES) {
                int a = start + j;
                int b = a + quarter;
                int c = a + half;
                int d = c + quarter;
                DoubleVector ar = DoubleVector.fromArray(D, re, a);
                DoubleVector ai = DoubleVector.fromArray(D, im, a);
                DoubleVector br = DoubleVector.fromArray(D, re, b);
                DoubleVector bi = DoubleVector.fromArray(D, im, b);
                DoubleVector cr = DoubleVector.fromArray(D, re, c);
                DoubleVector ci = DoubleVector.fromArray(D, im, c);
                DoubleVector dr = DoubleVector.fromArray(D, re, d);
                DoubleVector di = DoubleVector.fromArray(D, im, d);
                // stage of half-width `half`: (a, c) with w_half^j, (b, d) with w_half^(j + quarter)
                DoubleVector a1r = ar.add(cr);
                DoubleVector a1i = ai.add(ci);
                DoubleVector tr = ar.sub(cr);
                DoubleVector ti = ai.sub(ci);
                DoubleVector w = DoubleVector.fromArray(D, wr, tw1 + j);
                DoubleVector c1r = ti.fma(DoubleVector.fromArray(D, nwi, tw1 + j), tr.mul(w));
                DoubleVector c1i = tr.fma(DoubleVector.fromArray(D, wi, tw1 + j), ti.mul(w));
                DoubleVector b1r = br.add(dr);
                DoubleVector b1i = bi.add(di);
                tr = br.sub(dr);
                ti = bi.sub(di);
                w = DoubleVector.fromArray(D, wr, tw1 + j + quarter);
                DoubleVector d1r = ti.fma(DoubleVector.fromArray(D, nwi, tw1 + j + quarter), tr.mul(w));
                DoubleVector d1i = tr.fma(DoubleVector.fromArray(D, wi, tw1 + j + quarter), ti.mul(w));
                // stage of half-width `quarter`: (a, b) and (c, d), both with w_quarter^j
                DoubleVector w2r = DoubleVector.fromArray(D, wr, tw2 + j);
                DoubleVector w2i = DoubleVector.fromArray(D, wi, tw2 + j);
                DoubleVector w2n = DoubleVector.fromArray(D, nwi, tw2 + j);
                DoubleVector sr = a1r.sub(b1r);
                DoubleVector si = a1i.sub(b1i);
                DoubleVector ur = c1r.sub(d1r);
                DoubleVector ui = c1i.sub(d1i);
                if (last) {
                    // quarter == LANES: the in-vector stages follow on each output, still in registers
                    // quarter == LANES: the in-vector stages follow on each output, in registers (written out
                    // by hand: C2 does not inline a helper taking vectors here, and boxing them would be slow)
                    {
                        DoubleVector vr = a1r.add(b1r);
                        DoubleVector vi = a1i.add(b1i);
                        if (LANES >= 4) {
                            DoubleVector qr = vr.fma(SIGN0, vr.rearrange(SWAP0));
                            DoubleVector qi = vi.fma(SIGN0, vi.rearrange(SWAP0));
                            vr = qi.fma(NWI0, qr.mul(WR0));
                            vi = qr.fma(WI0, qi.mul(WR0));
                        }
                        if (LANES >= 8) {
                            DoubleVector qr = vr.fma(SIGN1, vr.rearrange(SWAP1));
                            DoubleVector qi = vi.fma(SIGN1, vi.rearrange(SWAP1));
                            vr = qi.fma(NWI1, qr.mul(WR1));
                            vi = qr.fma(WI1, qi.mul(WR1));
                        }
                        vr.fma(LAST_SIGN, vr.rearrange(LAST_SWAP)).intoArray(re, a);
                        vi.fma(LAST_SIGN, vi.rearrange(LAST_SWAP)).intoArray(im, a);
                    }
                    {
                        DoubleVector vr = si.fma(w2n, sr.mul(w2r));
                        DoubleVector vi = sr.fma(w2i, si.mul(w2r));
                        if (LANES >= 4) {
                            DoubleVector qr = vr.fma(SIGN0, vr.rearrange(SWAP0));
                            DoubleVector qi = vi.fma(SIGN0, vi.rearrange(SWAP0));
                            vr = qi.fma(NWI0, qr.mul(WR0));
                            vi = qr.fma(WI0, qi.mul(WR0));
                        }
                        if (LANES >= 8) {
                            DoubleVector qr = vr.fma(SIGN1, vr.rearrange(SWAP1));
                            DoubleVector qi = vi.fma(SIGN1, vi.rearrange(SWAP1));
                            vr = qi.fma(NWI1, qr.mul(WR1));
                            vi = qr.fma(WI1, qi.mul(WR1));
                        }
                        vr.fma(LAST_SIGN, vr.rearrange(LAST_SWAP)).intoArray(re, b);
                        vi.fma(LAST_SIGN, vi.rearrange(LAST_SWAP)).intoArray(im, b);
                    }
                    {
                        DoubleVector vr = c1r.add(d1r);
                        DoubleVector vi = c1i.add(d1i);
                        if (LANES >= 4) {
                            DoubleVector qr = vr.fma(SIGN0, vr.rearrange(SWAP0));
                            DoubleVector qi = vi.fma(SIGN0, vi.rearrange(SWAP0));
                            vr = qi.fma(NWI0, qr.mul(WR0));
                            vi = qr.fma(WI0, qi.mul(WR0));
                        }
                        if (LANES >= 8) {
                            DoubleVector qr = vr.fma(SIGN1, vr.rearrange(SWAP1));
                            DoubleVector qi = vi.fma(SIGN1, vi.rearrange(SWAP1));
                            vr = qi.fma(NWI1, qr.mul(WR1));
                            vi = qr.fma(WI1, qi.mul(WR1));
                        }
                        vr.fma(LAST_SIGN, vr.rearrange(LAST_SWAP)).intoArray(re, c);
                        vi.fma(LAST_SIGN, vi.rearrange(LAST_SWAP)).intoArray(im, c);
                    }
                    {
                        DoubleVector vr = ui.fma(w2n, ur.mul(w2r));
                        DoubleVector vi = ur.fma(w2i, ui.mul(w2r));
                        if (LANES >= 4) {
                            DoubleVector qr = vr.fma(SIGN0, vr.rearrange(SWAP0));
                            DoubleVector qi = vi.fma(SIGN0, vi.rearrange(SWAP0));
                            vr = qi.fma(NWI0, qr.mul(WR0));
                            vi = qr.fma(WI0, qi.mul(WR0));
                        }
                        if (LANES >= 8) {
                            DoubleVector qr = vr.fma(SIGN1, vr.rearrange(SWAP1));
                            DoubleVector qi = vi.fma(SIGN1, vi.rearrange(SWAP1));
                            vr = qi.fma(NWI1, qr.mul(WR1));
                            vi = qr.fma(WI1, qi.mul(WR1));
                        }
                        vr.fma(LAST_SIGN, vr.rearrange(LAST_SWAP)).intoArray(re, d);
                        vi.fma(LAST_SIGN, vi.rearrange(LAST_SWAP)).intoArray(im, d);
                    }
                } else {
                    a1r.add(b1r).intoArray(re, a);
                    a1i.add(b1i).intoArray(im, a);
                    si.fma(w2n, sr.mul(w2r)).intoArray(re, b);
                    sr.fma(w2i, si.mul(w2r)).intoArray(im, b);
                    c1r.add(d1r).intoArray(re, c);
                    c1i.add(d1i).intoArray(im, c);
                    ui.fma(w2n, ur.mul(w2r)).intoArray(re, d);
                    ur.fma(w2i, ui.mul(w2r)).intoArray(im, d);
                }
            }
        }
    }

    @Override
    public void decomposeForward(FftPlan plan, long[] src, int srcOffset, SignedDecomposer decomposer,
            double[] twistRe, double[] twistIm, double[][] reOut, double[][] imOut, int first, int stride) {
        int m = plan.size();
        int across = Integer.numberOfTrailingZeros(m) - LOG_LANES;
        if (m < 2 * LANES || across < 3 || decomposer.baseLog() > MAX_CONVERTED_BASE_LOG
                || decomposer.baseLog() * decomposer.levels() == 64) {
            // tiny sizes, digits too wide for the 2^52 trick, or no rounding (a rare case the fused passes omit)
            FftKernel.super.decomposeForward(plan, src, srcOffset, decomposer, twistRe, twistIm, reOut, imOut, first,
                    stride);
            return;
        }
        Digits digits = digits(decomposer);
        int tail;
        if ((across & 1) == 1) {
            decomposeRadix2(plan, src, srcOffset, digits, twistRe, twistIm, reOut, imOut, first, stride);
            tail = m >> 2;
        } else {
            decomposeRadix4(plan, src, srcOffset, digits, twistRe, twistIm, reOut, imOut, first, stride);
            tail = m >> 3;
        }
        for (int level = 0, index = first; level < digits.levels; level++, index += stride) {
            forwardTail(plan, reOut[index], imOut[index], tail);
        }
    }

    /**
     * The first pass of {@link #decomposeForward} when an odd number of stages is at least a vector wide: the
     * decomposition, conversion, fold and twist of both inputs of each butterfly of the stage of half-width M/2,
     * for every level, and that stage, without writing the digits out.
     */
    private static void decomposeRadix2(FftPlan plan, long[] src, int srcOffset, Digits digits, double[] twistRe,
            double[] twistIm, double[][] reOut, double[][] imOut, int first, int stride) {
        int m = plan.size();
        int half = m >> 1;
        int tw = half - 1;
        double[] wr = plan.twiddleRe();
        double[] wi = plan.twiddleIm();
        double[] nwi = plan.twiddleImNegated();
        LongVector mask = LongVector.broadcast(L, digits.mask);
        int levels = digits.levels;
        int baseLog = digits.baseLog;
        int roundShift = digits.roundShift;
        int tieShift = digits.tieShift;
        long stateMask = digits.stateMask;
        long fieldOnes = digits.fieldOnes;
        long offsets = digits.offsets;
        double magic = digits.magic;
        for (int j = 0; j < half; j += LANES) {
            int p = j;
            int q = j + half;
            LongVector s = LongVector.fromArray(L, src, srcOffset + p).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector xpg = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector xpv = s.add(offsets).add(xpg);
            s = LongVector.fromArray(L, src, srcOffset + p + m).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector ypg = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector ypv = s.add(offsets).add(ypg);
            s = LongVector.fromArray(L, src, srcOffset + q).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector xqg = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector xqv = s.add(offsets).add(xqg);
            s = LongVector.fromArray(L, src, srcOffset + q + m).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector yqg = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector yqv = s.add(offsets).add(yqg);
            DoubleVector kpr = DoubleVector.fromArray(D, twistRe, p);
            DoubleVector kpi = DoubleVector.fromArray(D, twistIm, p);
            DoubleVector kqr = DoubleVector.fromArray(D, twistRe, q);
            DoubleVector kqi = DoubleVector.fromArray(D, twistIm, q);
            DoubleVector nkpi = kpi.neg();
            DoubleVector nkqi = kqi.neg();
            DoubleVector c = DoubleVector.fromArray(D, wr, tw + j);
            DoubleVector sn = DoubleVector.fromArray(D, nwi, tw + j);
            DoubleVector sp = DoubleVector.fromArray(D, wi, tw + j);
            for (int level = 0; level < levels; level++) {
                int shift = (levels - 1 - level) * baseLog;
                DoubleVector xp = xpv.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(xpg.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector yp = ypv.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(ypg.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector xq = xqv.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(xqg.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector yq = yqv.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(yqg.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                // fold and twist: (x + iy)·k
                DoubleVector ur = yp.fma(nkpi, xp.mul(kpr));
                DoubleVector ui = yp.fma(kpr, xp.mul(kpi));
                DoubleVector vr = yq.fma(nkqi, xq.mul(kqr));
                DoubleVector vi = yq.fma(kqr, xq.mul(kqi));
                int index = first + level * stride;
                double[] re = reOut[index];
                double[] im = imOut[index];
                ur.add(vr).intoArray(re, p);
                ui.add(vi).intoArray(im, p);
                DoubleVector dr = ur.sub(vr);
                DoubleVector di = ui.sub(vi);
                di.fma(sn, dr.mul(c)).intoArray(re, q);
                dr.fma(sp, di.mul(c)).intoArray(im, q);
            }
        }
    }

    /**
     * The first pass of {@link #decomposeForward} when an even number of stages is at least a vector wide: the
     * decomposition, conversion, fold and twist of the four inputs of each radix-4 butterfly of the stages of
     * half-width M/2 and M/4, for every level, and those stages, without writing the digits out.
     */
    private static void decomposeRadix4(FftPlan plan, long[] src, int srcOffset, Digits digits, double[] twistRe,
            double[] twistIm, double[][] reOut, double[][] imOut, int first, int stride) {
        int m = plan.size();
        double[] wr = plan.twiddleRe();
        double[] wi = plan.twiddleIm();
        double[] nwi = plan.twiddleImNegated();
        int half = m >> 1;
        int quarter = half >> 1;
        int tw1 = half - 1;
        int tw2 = quarter - 1;
        LongVector mask = LongVector.broadcast(L, digits.mask);
        int levels = digits.levels;
        int baseLog = digits.baseLog;
        int roundShift = digits.roundShift;
        int tieShift = digits.tieShift;
        long stateMask = digits.stateMask;
        long fieldOnes = digits.fieldOnes;
        long offsets = digits.offsets;
        double magic = digits.magic;
        for (int j = 0; j < quarter; j += LANES) {
            int a = j;
            int b = a + quarter;
            int c = a + half;
            int d = c + quarter;
            LongVector s = LongVector.fromArray(L, src, srcOffset + a).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector xag = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector xav = s.add(offsets).add(xag);
            s = LongVector.fromArray(L, src, srcOffset + a + m).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector yag = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector yav = s.add(offsets).add(yag);
            s = LongVector.fromArray(L, src, srcOffset + b).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector xbg = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector xbv = s.add(offsets).add(xbg);
            s = LongVector.fromArray(L, src, srcOffset + b + m).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector ybg = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector ybv = s.add(offsets).add(ybg);
            s = LongVector.fromArray(L, src, srcOffset + c).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector xcg = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector xcv = s.add(offsets).add(xcg);
            s = LongVector.fromArray(L, src, srcOffset + c + m).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector ycg = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector ycv = s.add(offsets).add(ycg);
            s = LongVector.fromArray(L, src, srcOffset + d).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector xdg = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector xdv = s.add(offsets).add(xdg);
            s = LongVector.fromArray(L, src, srcOffset + d + m).lanewise(VectorOperators.LSHR, roundShift).add(1L)
                    .lanewise(VectorOperators.LSHR, 1).and(stateMask);
            LongVector ydg = s.lanewise(VectorOperators.LSHR, tieShift).and(fieldOnes);
            LongVector ydv = s.add(offsets).add(ydg);
            for (int level = 0; level < levels; level++) {
                int shift = (levels - 1 - level) * baseLog;
                DoubleVector xa = xav.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(xag.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector ya = yav.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(yag.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector xb = xbv.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(xbg.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector yb = ybv.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(ybg.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector xc = xcv.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(xcg.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector yc = ycv.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(ycg.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector xd = xdv.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(xdg.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                DoubleVector yd = ydv.lanewise(VectorOperators.LSHR, shift).and(mask)
                        .sub(ydg.lanewise(VectorOperators.LSHR, shift).and(1L)).add(MAGIC_BITS).reinterpretAsDoubles()
                        .sub(magic);
                // fold and twist: (x + iy)·k, the twists reloaded per level (L1 hits) to spare registers
                DoubleVector k = DoubleVector.fromArray(D, twistRe, a);
                DoubleVector n = DoubleVector.fromArray(D, twistIm, a);
                DoubleVector ar = ya.fma(n.neg(), xa.mul(k));
                DoubleVector ai = ya.fma(k, xa.mul(n));
                k = DoubleVector.fromArray(D, twistRe, b);
                n = DoubleVector.fromArray(D, twistIm, b);
                DoubleVector br = yb.fma(n.neg(), xb.mul(k));
                DoubleVector bi = yb.fma(k, xb.mul(n));
                k = DoubleVector.fromArray(D, twistRe, c);
                n = DoubleVector.fromArray(D, twistIm, c);
                DoubleVector cr = yc.fma(n.neg(), xc.mul(k));
                DoubleVector ci = yc.fma(k, xc.mul(n));
                k = DoubleVector.fromArray(D, twistRe, d);
                n = DoubleVector.fromArray(D, twistIm, d);
                DoubleVector dr = yd.fma(n.neg(), xd.mul(k));
                DoubleVector di = yd.fma(k, xd.mul(n));
                double[] re = reOut[first + level * stride];
                double[] im = imOut[first + level * stride];
                // stage of half-width `half`: (a, c) with w_half^j, (b, d) with w_half^(j + quarter)
                DoubleVector a1r = ar.add(cr);
                DoubleVector a1i = ai.add(ci);
                DoubleVector tr = ar.sub(cr);
                DoubleVector ti = ai.sub(ci);
                DoubleVector w = DoubleVector.fromArray(D, wr, tw1 + j);
                DoubleVector c1r = ti.fma(DoubleVector.fromArray(D, nwi, tw1 + j), tr.mul(w));
                DoubleVector c1i = tr.fma(DoubleVector.fromArray(D, wi, tw1 + j), ti.mul(w));
                DoubleVector b1r = br.add(dr);
                DoubleVector b1i = bi.add(di);
                tr = br.sub(dr);
                ti = bi.sub(di);
                w = DoubleVector.fromArray(D, wr, tw1 + j + quarter);
                DoubleVector d1r = ti.fma(DoubleVector.fromArray(D, nwi, tw1 + j + quarter), tr.mul(w));
                DoubleVector d1i = tr.fma(DoubleVector.fromArray(D, wi, tw1 + j + quarter), ti.mul(w));
                // stage of half-width `quarter`: (a, b) and (c, d), both with w_quarter^j
                DoubleVector w2r = DoubleVector.fromArray(D, wr, tw2 + j);
                DoubleVector w2i = DoubleVector.fromArray(D, wi, tw2 + j);
                DoubleVector w2n = DoubleVector.fromArray(D, nwi, tw2 + j);
                DoubleVector sr = a1r.sub(b1r);
                DoubleVector si = a1i.sub(b1i);
                DoubleVector ur = c1r.sub(d1r);
                DoubleVector ui = c1i.sub(d1i);
                a1r.add(b1r).intoArray(re, a);
                a1i.add(b1i).intoArray(im, a);
                si.fma(w2n, sr.mul(w2r)).intoArray(re, b);
                sr.fma(w2i, si.mul(w2r)).intoArray(im, b);
                c1r.add(d1r).intoArray(re, c);
                c1i.add(d1i).intoArray(im, c);
                ui.fma(w2n, ur.mul(w2r)).intoArray(re, d);
                ur.fma(w2i, ui.mul(w2r)).intoArray(im, d);
            }
        }
    }

    /** The log2(LANES) stages of half-width below LANES, each vector loaded once. */
    private static void forwardInVector(FftPlan plan, double[] re, double[] im, int m) {
        if (LANES == 2) {
            ScalarStages.forward(plan, re, im, 1);
            return;
        }
        for (int j = 0; j < m; j += LANES) {
            {
                DoubleVector vr = DoubleVector.fromArray(D, re, j);
                DoubleVector vi = DoubleVector.fromArray(D, im, j);
                if (LANES >= 4) {
                    DoubleVector qr = vr.fma(SIGN0, vr.rearrange(SWAP0));
                    DoubleVector qi = vi.fma(SIGN0, vi.rearrange(SWAP0));
                    vr = qi.fma(NWI0, qr.mul(WR0));
                    vi = qr.fma(WI0, qi.mul(WR0));
                }
                if (LANES >= 8) {
                    DoubleVector qr = vr.fma(SIGN1, vr.rearrange(SWAP1));
                    DoubleVector qi = vi.fma(SIGN1, vi.rearrange(SWAP1));
                    vr = qi.fma(NWI1, qr.mul(WR1));
                    vi = qr.fma(WI1, qi.mul(WR1));
                }
                vr.fma(LAST_SIGN, vr.rearrange(LAST_SWAP)).intoArray(re, j);
                vi.fma(LAST_SIGN, vi.rearrange(LAST_SWAP)).intoArray(im, j);
            }
        }
    }

    // ---- inverse FFT ----

    @Override
    public void inverse(FftPlan plan, double[] re, double[] im) {
        int m = plan.size();
        if (m < 2 * LANES) {
            scalar.inverse(plan, re, im);
            return;
        }
        inverseInVector(plan, re, im, m);
        inverseAcross(plan, re, im);
    }

    /**
     * The inverse stages at least one vector wide (the in-vector stages done). Fusing the untwist and rounding into
     * the last of them was measured slower (0.5 ms per gate bootstrap), so the rounding stays a pass of its own.
     */
    private static void inverseAcross(FftPlan plan, double[] re, double[] im) {
        int m = plan.size();
        double[] wr = plan.twiddleRe();
        double[] wi = plan.twiddleIm();
        double[] nwi = plan.twiddleImNegated();
        int across = Integer.numberOfTrailingZeros(m) - LOG_LANES;
        int half = LANES;
        for (; across >= 2; across -= 2, half <<= 2) {
            inverseRadix4(re, im, m, half, wr, wi, nwi);
        }
        if (across == 1) {
            inverseRadix2(re, im, m, half, wr, wi, nwi);
        }
    }

    /**
     * Two orders, chosen by the size of the sums. When the sums of all columns fit in {@link #L1_SUMS} complex
     * values (16 KiB: the tfhe-lib gate set, N = 1024 and k = 1), the key is read in memory order: level and row
     * outer, column inner, each GGSW polynomial one sequential run, into L1-resident sums (the first product
     * overwrites them, the last is followed by the in-vector inverse stages in registers). Larger sums would spill
     * to L2, so each column is summed in registers instead, reading its polynomials as interleaved streams. Then
     * each column gets the remaining inverse stages and the rounding.
     */
    @Override
    public void multiplyAccumulateBackwardAdd(FftPlan plan, double[][] aRe, double[][] aIm, int count, int columns,
            double[] bRe, double[] bIm, int bOffset, double[][] workRe, double[][] workIm, double[] twistRe,
            double[] twistIm, double scale, long[] dst, int dstOffset, int fromColumn, int toColumn) {
        int m = plan.size();
        if (m < 2 * LANES || count < 2) {
            scalar.multiplyAccumulateBackwardAdd(plan, aRe, aIm, count, columns, bRe, bIm, bOffset, workRe, workIm,
                    twistRe, twistIm, scale, dst, dstOffset, fromColumn, toColumn);
            return;
        }
        if (LANES == 2) {
            // no in-register lane swap (see forwardTail): sum, then the whole inverse
            for (int c = fromColumn; c < toColumn; c++) {
                multiplyAccumulateSum(aRe, aIm, count, bRe, bIm, bOffset + c * m, columns * m, workRe[c], workIm[c],
                        m);
                inverse(plan, workRe[c], workIm[c]);
                untwistAdd(workRe[c], workIm[c], twistRe, twistIm, scale, dst, dstOffset + 2 * c * m, m);
            }
            return;
        }
        if (columns * m > L1_SUMS) {
            for (int c = fromColumn; c < toColumn; c++) {
                sumInRegistersInverseInVector(aRe, aIm, count, bRe, bIm, bOffset + c * m, columns * m, workRe[c],
                        workIm[c], m);
            }
        } else {
            // memory order: row i of the GGSW holds the columns' polynomials side by side
            for (int c = fromColumn; c < toColumn; c++) {
                multiply(aRe[0], aIm[0], bRe, bIm, bOffset + c * m, workRe[c], workIm[c], m);
            }
            for (int i = 1; i < count - 1; i++) {
                int row = bOffset + i * columns * m;
                for (int c = fromColumn; c < toColumn; c++) {
                    accumulate(aRe[i], aIm[i], bRe, bIm, row + c * m, workRe[c], workIm[c], m);
                }
            }
            int last = bOffset + (count - 1) * columns * m;
            for (int c = fromColumn; c < toColumn; c++) {
                accumulateInverseInVector(aRe[count - 1], aIm[count - 1], bRe, bIm, last + c * m, workRe[c],
                        workIm[c], m);
            }
        }
        for (int c = fromColumn; c < toColumn; c++) {
            inverseAcross(plan, workRe[c], workIm[c]);
            untwistAdd(workRe[c], workIm[c], twistRe, twistIm, scale, dst, dstOffset + 2 * c * m, m);
        }
    }

    /**
     * acc = Σ_{i<count} a[i]·b[bOffset + i·bStride], complex, summed in registers, then the inverse stages narrower
     * than a vector, over m values.
     */
    private static void sumInRegistersInverseInVector(double[][] aRe, double[][] aIm, int count, double[] bRe,
            double[] bIm, int bOffset, int bStride, double[] accRe, double[] accIm, int m) {
        for (int j = 0; j < m; j += LANES) {
            DoubleVector plus = DoubleVector.zero(D);
            DoubleVector minus = DoubleVector.zero(D);
            DoubleVector imag1 = DoubleVector.zero(D);
            DoubleVector imag2 = DoubleVector.zero(D);
            int b = bOffset + j;
            for (int i = 0; i < count; i++, b += bStride) {
                DoubleVector ar = DoubleVector.fromArray(D, aRe[i], j);
                DoubleVector ai = DoubleVector.fromArray(D, aIm[i], j);
                DoubleVector br = DoubleVector.fromArray(D, bRe, b);
                DoubleVector bi = DoubleVector.fromArray(D, bIm, b);
                plus = ar.fma(br, plus);
                minus = ai.fma(bi, minus);
                imag1 = ar.fma(bi, imag1);
                imag2 = ai.fma(br, imag2);
            }
            DoubleVector vr = plus.sub(minus);
            DoubleVector vi = imag1.add(imag2);
            vr = vr.fma(LAST_SIGN, vr.rearrange(LAST_SWAP));
            vi = vi.fma(LAST_SIGN, vi.rearrange(LAST_SWAP));
            if (LANES >= 8) {
                DoubleVector tr = vi.fma(WI1, vr.mul(WR1));
                DoubleVector ti = vr.fma(NWI1, vi.mul(WR1));
                vr = tr.fma(SIGN1, tr.rearrange(SWAP1));
                vi = ti.fma(SIGN1, ti.rearrange(SWAP1));
            }
            if (LANES >= 4) {
                DoubleVector tr = vi.fma(WI0, vr.mul(WR0));
                DoubleVector ti = vr.fma(NWI0, vi.mul(WR0));
                vr = tr.fma(SIGN0, tr.rearrange(SWAP0));
                vi = ti.fma(SIGN0, ti.rearrange(SWAP0));
            }
            vr.intoArray(accRe, j);
            vi.intoArray(accIm, j);
        }
    }

    /** acc = a·b, complex, over m values. */
    private static void multiply(double[] aRe, double[] aIm, double[] bRe, double[] bIm, int bOffset,
            double[] accRe, double[] accIm, int m) {
        for (int j = 0; j < m; j += LANES) {
            DoubleVector ar = DoubleVector.fromArray(D, aRe, j);
            DoubleVector ai = DoubleVector.fromArray(D, aIm, j);
            DoubleVector br = DoubleVector.fromArray(D, bRe, bOffset + j);
            DoubleVector bi = DoubleVector.fromArray(D, bIm, bOffset + j);
            ai.neg().fma(bi, ar.mul(br)).intoArray(accRe, j);
            ai.fma(br, ar.mul(bi)).intoArray(accIm, j);
        }
    }

    /** acc += a·b, complex, over m values. */
    private static void accumulate(double[] aRe, double[] aIm, double[] bRe, double[] bIm, int bOffset,
            double[] accRe, double[] accIm, int m) {
        for (int j = 0; j < m; j += LANES) {
            DoubleVector ar = DoubleVector.fromArray(D, aRe, j);
            DoubleVector ai = DoubleVector.fromArray(D, aIm, j);
            DoubleVector br = DoubleVector.fromArray(D, bRe, bOffset + j);
            DoubleVector bi = DoubleVector.fromArray(D, bIm, bOffset + j);
            ai.neg().fma(bi, ar.fma(br, DoubleVector.fromArray(D, accRe, j))).intoArray(accRe, j);
            ai.fma(br, ar.fma(bi, DoubleVector.fromArray(D, accIm, j))).intoArray(accIm, j);
        }
    }

    /** acc += a·b, complex, then the inverse stages narrower than a vector, over m values. */
    private static void accumulateInverseInVector(double[] aRe, double[] aIm, double[] bRe, double[] bIm,
            int bOffset, double[] accRe, double[] accIm, int m) {
        for (int j = 0; j < m; j += LANES) {
            DoubleVector ar = DoubleVector.fromArray(D, aRe, j);
            DoubleVector ai = DoubleVector.fromArray(D, aIm, j);
            DoubleVector br = DoubleVector.fromArray(D, bRe, bOffset + j);
            DoubleVector bi = DoubleVector.fromArray(D, bIm, bOffset + j);
            DoubleVector vr = ai.neg().fma(bi, ar.fma(br, DoubleVector.fromArray(D, accRe, j)));
            DoubleVector vi = ai.fma(br, ar.fma(bi, DoubleVector.fromArray(D, accIm, j)));
            vr = vr.fma(LAST_SIGN, vr.rearrange(LAST_SWAP));
            vi = vi.fma(LAST_SIGN, vi.rearrange(LAST_SWAP));
            if (LANES >= 8) {
                DoubleVector tr = vi.fma(WI1, vr.mul(WR1));
                DoubleVector ti = vr.fma(NWI1, vi.mul(WR1));
                vr = tr.fma(SIGN1, tr.rearrange(SWAP1));
                vi = ti.fma(SIGN1, ti.rearrange(SWAP1));
            }
            if (LANES >= 4) {
                DoubleVector tr = vi.fma(WI0, vr.mul(WR0));
                DoubleVector ti = vr.fma(NWI0, vi.mul(WR0));
                vr = tr.fma(SIGN0, tr.rearrange(SWAP0));
                vi = ti.fma(SIGN0, ti.rearrange(SWAP0));
            }
            vr.intoArray(accRe, j);
            vi.intoArray(accIm, j);
        }
    }

    private static void inverseInVector(FftPlan plan, double[] re, double[] im, int m) {
        if (LANES == 2) {
            ScalarStages.inverse(plan, re, im, 2);
            return;
        }
        for (int j = 0; j < m; j += LANES) {
            {
                DoubleVector vr = DoubleVector.fromArray(D, re, j);
                DoubleVector vi = DoubleVector.fromArray(D, im, j);
                vr = vr.fma(LAST_SIGN, vr.rearrange(LAST_SWAP));
                vi = vi.fma(LAST_SIGN, vi.rearrange(LAST_SWAP));
                if (LANES >= 8) {
                    DoubleVector tr = vi.fma(WI1, vr.mul(WR1));
                    DoubleVector ti = vr.fma(NWI1, vi.mul(WR1));
                    vr = tr.fma(SIGN1, tr.rearrange(SWAP1));
                    vi = ti.fma(SIGN1, ti.rearrange(SWAP1));
                }
                if (LANES >= 4) {
                    DoubleVector tr = vi.fma(WI0, vr.mul(WR0));
                    DoubleVector ti = vr.fma(NWI0, vi.mul(WR0));
                    vr = tr.fma(SIGN0, tr.rearrange(SWAP0));
                    vi = ti.fma(SIGN0, ti.rearrange(SWAP0));
                }
                vr.intoArray(re, j);
                vi.intoArray(im, j);
            }
        }
    }

    /** The stages of half-width {@code half} and {@code 2·half} in one pass (half ≥ LANES). */
    private static void inverseRadix4(double[] re, double[] im, int m, int half, double[] wr, double[] wi,
            double[] nwi) {
        int tw1 = half - 1;
        int tw2 = 2 * half - 1;
        for (int start = 0; start < m; start += 4 * half) {
            for (int j = 0; j < half; j += LANES) {
                int a = start + j;
                int b = a + half;
                int c = b + half;
                int d = c + half;
                DoubleVector w1r = DoubleVector.fromArray(D, wr, tw1 + j);
                DoubleVector w1i = DoubleVector.fromArray(D, wi, tw1 + j);
                DoubleVector w1n = DoubleVector.fromArray(D, nwi, tw1 + j);
                DoubleVector ar = DoubleVector.fromArray(D, re, a);
                DoubleVector ai = DoubleVector.fromArray(D, im, a);
                DoubleVector xr = DoubleVector.fromArray(D, re, b);
                DoubleVector xi = DoubleVector.fromArray(D, im, b);
                // stage of half-width `half`: b·conj(w), then (a, b); the same for (c, d)
                DoubleVector vr = xi.fma(w1i, xr.mul(w1r));
                DoubleVector vi = xr.fma(w1n, xi.mul(w1r));
                DoubleVector a1r = ar.add(vr);
                DoubleVector a1i = ai.add(vi);
                DoubleVector b1r = ar.sub(vr);
                DoubleVector b1i = ai.sub(vi);
                DoubleVector cr = DoubleVector.fromArray(D, re, c);
                DoubleVector ci = DoubleVector.fromArray(D, im, c);
                xr = DoubleVector.fromArray(D, re, d);
                xi = DoubleVector.fromArray(D, im, d);
                vr = xi.fma(w1i, xr.mul(w1r));
                vi = xr.fma(w1n, xi.mul(w1r));
                DoubleVector c1r = cr.add(vr);
                DoubleVector c1i = ci.add(vi);
                DoubleVector d1r = cr.sub(vr);
                DoubleVector d1i = ci.sub(vi);
                // stage of half-width 2·half: (a, c) with w^j, (b, d) with w^(j + half)
                DoubleVector w = DoubleVector.fromArray(D, wr, tw2 + j);
                vr = c1i.fma(DoubleVector.fromArray(D, wi, tw2 + j), c1r.mul(w));
                vi = c1r.fma(DoubleVector.fromArray(D, nwi, tw2 + j), c1i.mul(w));
                w = DoubleVector.fromArray(D, wr, tw2 + j + half);
                DoubleVector ur = d1i.fma(DoubleVector.fromArray(D, wi, tw2 + j + half), d1r.mul(w));
                DoubleVector ui = d1r.fma(DoubleVector.fromArray(D, nwi, tw2 + j + half), d1i.mul(w));
                a1r.add(vr).intoArray(re, a);
                a1i.add(vi).intoArray(im, a);
                a1r.sub(vr).intoArray(re, c);
                a1i.sub(vi).intoArray(im, c);
                b1r.add(ur).intoArray(re, b);
                b1i.add(ui).intoArray(im, b);
                b1r.sub(ur).intoArray(re, d);
                b1i.sub(ui).intoArray(im, d);
            }
        }
    }

    private static void inverseRadix2(double[] re, double[] im, int m, int half, double[] wr, double[] wi,
            double[] nwi) {
        int tw = half - 1;
        for (int start = 0; start < m; start += 2 * half) {
            for (int j = 0; j < half; j += LANES) {
                int p = start + j;
                int q = p + half;
                DoubleVector c = DoubleVector.fromArray(D, wr, tw + j);
                DoubleVector xr = DoubleVector.fromArray(D, re, q);
                DoubleVector xi = DoubleVector.fromArray(D, im, q);
                DoubleVector vr = xi.fma(DoubleVector.fromArray(D, wi, tw + j), xr.mul(c));
                DoubleVector vi = xr.fma(DoubleVector.fromArray(D, nwi, tw + j), xi.mul(c));
                DoubleVector ur = DoubleVector.fromArray(D, re, p);
                DoubleVector ui = DoubleVector.fromArray(D, im, p);
                ur.add(vr).intoArray(re, p);
                ui.add(vi).intoArray(im, p);
                ur.sub(vr).intoArray(re, q);
                ui.sub(vi).intoArray(im, q);
            }
        }
    }

    // ---- untwist and rounding ----

    @Override
    public void untwistAdd(double[] re, double[] im, double[] twistRe, double[] twistIm, double scale, long[] dst,
            int dstOffset, int m) {
        if (m < LANES) {
            scalar.untwistAdd(re, im, twistRe, twistIm, scale, dst, dstOffset, m);
            return;
        }
        for (int j = 0; j < m; j += LANES) {
            DoubleVector r = DoubleVector.fromArray(D, re, j);
            DoubleVector i = DoubleVector.fromArray(D, im, j);
            DoubleVector tr = DoubleVector.fromArray(D, twistRe, j);
            DoubleVector ti = DoubleVector.fromArray(D, twistIm, j);
            DoubleVector x = i.fma(ti, r.mul(tr)).mul(scale);
            DoubleVector y = r.neg().fma(ti, i.mul(tr)).mul(scale);
            // TorusRounding.roundToTorus for |v| < 2^115 (the sums of an external product stay below 2^100), with
            // double arithmetic, adds and shifts only (no long compares or blends, slow without AVX-512):
            // r = v − 2^64·round(v/2^64) is exact and |r| ≤ 2^63; r = 2^32·h + low with h = round(r/2^32) and
            // |low| ≤ 2^31, both exact; both become longs by the 2^52 trick, and round(low) breaks ties to even as
            // round(v) does, since they differ by an even integer. The FMAs round once what was exact (products by
            // powers of two, differences of nearby values), so they give the separate operations' results. Written
            // out twice: C2 does not always inline a helper here, and boxing vectors would be slow.
            LongVector rx;
            {
                DoubleVector reduced = x.fma(0x1p-64, MAGIC).sub(MAGIC).fma(MINUS_TWO_POW_64, x);
                DoubleVector h = reduced.fma(0x1p-32, MAGIC);
                DoubleVector low = h.sub(MAGIC).fma(MINUS_TWO_POW_32, reduced).add(MAGIC);
                rx = h.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 32).add(low.reinterpretAsLongs())
                        .sub(MAGIC_PAIR_BITS);
            }
            LongVector ry;
            {
                DoubleVector reduced = y.fma(0x1p-64, MAGIC).sub(MAGIC).fma(MINUS_TWO_POW_64, y);
                DoubleVector h = reduced.fma(0x1p-32, MAGIC);
                DoubleVector low = h.sub(MAGIC).fma(MINUS_TWO_POW_32, reduced).add(MAGIC);
                ry = h.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 32).add(low.reinterpretAsLongs())
                        .sub(MAGIC_PAIR_BITS);
            }
            LongVector.fromArray(L, dst, dstOffset + j).add(rx).intoArray(dst, dstOffset + j);
            LongVector.fromArray(L, dst, dstOffset + j + m).add(ry).intoArray(dst, dstOffset + j + m);
        }
    }

    // ---- multiply-accumulate ----

    @Override
    public void multiplyAccumulate(double[] accRe, double[] accIm, int accOffset, double[] aRe, double[] aIm,
            int aOffset, double[] bRe, double[] bIm, int bOffset, int m) {
        int j = 0;
        for (int bound = D.loopBound(m); j < bound; j += LANES) {
            DoubleVector ar = DoubleVector.fromArray(D, aRe, aOffset + j);
            DoubleVector ai = DoubleVector.fromArray(D, aIm, aOffset + j);
            DoubleVector br = DoubleVector.fromArray(D, bRe, bOffset + j);
            DoubleVector bi = DoubleVector.fromArray(D, bIm, bOffset + j);
            ai.neg().fma(bi, ar.fma(br, DoubleVector.fromArray(D, accRe, accOffset + j)))
                    .intoArray(accRe, accOffset + j);
            ai.fma(br, ar.fma(bi, DoubleVector.fromArray(D, accIm, accOffset + j)))
                    .intoArray(accIm, accOffset + j);
        }
        if (j < m) {
            scalar.multiplyAccumulate(accRe, accIm, accOffset + j, aRe, aIm, aOffset + j, bRe, bIm, bOffset + j,
                    m - j);
        }
    }

    @Override
    public void multiplyAccumulateSum(double[][] aRe, double[][] aIm, int count, double[] bRe, double[] bIm,
            int bOffset, int bStride, double[] accRe, double[] accIm, int m) {
        if (m < LANES) {
            scalar.multiplyAccumulateSum(aRe, aIm, count, bRe, bIm, bOffset, bStride, accRe, accIm, m);
            return;
        }
        for (int j = 0; j < m; j += LANES) {
            DoubleVector plus = DoubleVector.zero(D);
            DoubleVector minus = DoubleVector.zero(D);
            DoubleVector imag1 = DoubleVector.zero(D);
            DoubleVector imag2 = DoubleVector.zero(D);
            int b = bOffset + j;
            for (int i = 0; i < count; i++, b += bStride) {
                DoubleVector ar = DoubleVector.fromArray(D, aRe[i], j);
                DoubleVector ai = DoubleVector.fromArray(D, aIm[i], j);
                DoubleVector br = DoubleVector.fromArray(D, bRe, b);
                DoubleVector bi = DoubleVector.fromArray(D, bIm, b);
                plus = ar.fma(br, plus);
                minus = ai.fma(bi, minus);
                imag1 = ar.fma(bi, imag1);
                imag2 = ai.fma(br, imag2);
            }
            plus.sub(minus).intoArray(accRe, j);
            imag1.add(imag2).intoArray(accIm, j);
        }
    }
}
