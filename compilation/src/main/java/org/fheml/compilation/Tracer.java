package org.fheml.compilation;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * A value of an integer program being traced. Operations on tracers record nodes instead of computing; the
 * {@link Compiler} turns the recorded nodes into a {@link Circuit}. Clear operands may be plain {@code long}s or
 * arrays; shapes follow numpy (broadcasting, matmul of rank-1 and rank-2 operands).
 */
public final class Tracer {

    private final Node node;

    Tracer(Node node) {
        this.node = node;
    }

    Node node() {
        return node;
    }

    public Shape shape() {
        return node.shape();
    }

    public boolean isEncrypted() {
        return node.isEncrypted();
    }

    // ---- constants ------------------------------------------------------------------------------------------

    public static Tracer constant(long value) {
        return constant(LongTensor.scalar(value));
    }

    public static Tracer constant(long[] values) {
        return constant(LongTensor.vector(values));
    }

    public static Tracer constant(long[][] rows) {
        return constant(LongTensor.matrix(rows));
    }

    public static Tracer constant(LongTensor value) {
        return new Tracer(new Node(new Op.Constant(value), List.of(), value.shape(), false));
    }

    // ---- arithmetic -------------------------------------------------------------------------------------------

    public Tracer add(Tracer other) {
        return binary(new Op.Add(), other, Shape.broadcast(shape(), other.shape()));
    }

    public Tracer add(long value) {
        return add(constant(value));
    }

    public Tracer subtract(Tracer other) {
        return binary(new Op.Subtract(), other, Shape.broadcast(shape(), other.shape()));
    }

    public Tracer subtract(long value) {
        return subtract(constant(value));
    }

    public Tracer negate() {
        return unary(new Op.Negate(), shape());
    }

    /** Element-wise product; at most one operand may be encrypted. */
    public Tracer multiply(Tracer other) {
        requireNotBothEncrypted("multiply", other);
        return binary(new Op.Multiply(), other, Shape.broadcast(shape(), other.shape()));
    }

    public Tracer multiply(long value) {
        return multiply(constant(value));
    }

    /**
     * Element-wise product, broadcast, of two values that may both be encrypted: then it is composed of existing
     * ops as x·y = ⌊(x+y)²/4⌋ − ⌊(x−y)²/4⌋ (exact, since x+y and x−y have the same parity), two lookups of squares
     * per element, each reading the range of x+y or x−y. With at most one encrypted operand it is
     * {@link #multiply(Tracer)}, which costs no lookup.
     */
    public Tracer multiplyEncrypted(Tracer other) {
        if (!(isEncrypted() && other.isEncrypted())) {
            return multiply(other);
        }
        Tracer sum = add(other).apply("quarter_square", Tracer::quarterSquare);
        Tracer difference = subtract(other).apply("quarter_square", Tracer::quarterSquare);
        return sum.subtract(difference);
    }

    private static long quarterSquare(long v) {
        return Math.floorDiv(Math.multiplyExact(v, v), 4);
    }

    public Tracer multiply(long[] values) {
        return multiply(constant(values));
    }

    /** numpy's matmul; at most one operand may be encrypted. */
    public Tracer matmul(Tracer other) {
        requireNotBothEncrypted("matmul", other);
        return binary(new Op.MatMul(false), other, MatmulShape.of(shape(), other.shape()).result());
    }

    public Tracer matmul(long[][] matrix) {
        return matmul(constant(matrix));
    }

    /** numpy's dot for operands of rank 1 or 2 (the same product as matmul there). */
    public Tracer dot(Tracer other) {
        requireNotBothEncrypted("dot", other);
        return binary(new Op.MatMul(true), other, MatmulShape.of(shape(), other.shape()).result());
    }

    public Tracer dot(long[] vector) {
        return dot(constant(vector));
    }

    // ---- reductions and shapes --------------------------------------------------------------------------------

    /** The sum of every element. */
    public Tracer sum() {
        return unary(new Op.Sum(null), Shape.scalar());
    }

    /** The sum along an axis, which disappears. */
    public Tracer sum(int axis) {
        int a = shape().normalizeAxis(axis);
        int[] dims = shape().dims();
        int[] out = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != a) {
                out[j++] = dims[i];
            }
        }
        return unary(new Op.Sum(a), Shape.of(out));
    }

    public Tracer reshape(int... dims) {
        Shape target = Shape.of(dims);
        if (target.size() != shape().size()) {
            throw new IllegalArgumentException("Cannot reshape " + shape() + " into " + target + ".");
        }
        return unary(new Op.Reshape(target), target);
    }

    /** The axes reversed. */
    public Tracer transpose() {
        int[] axes = new int[shape().rank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = axes.length - 1 - i;
        }
        return transpose(axes);
    }

    public Tracer transpose(int... axes) {
        Shape out = LongTensor.of(shape(), new long[shape().size()]).transpose(axes).shape();
        return unary(new Op.Transpose(axes.clone()), out);
    }

    /** A strided slice along every axis: {@code x[start:stop:step]} per axis. */
    public Tracer slice(int[] start, int[] stop, int[] step) {
        Shape out = SliceShape.of(shape(), start, stop, step).result();
        return unary(new Op.Slice(start.clone(), stop.clone(), step.clone()), out);
    }

    /** {@code x[from:to]} along the first axis. */
    public Tracer slice(int from, int to) {
        int rank = shape().rank();
        int[] start = new int[rank];
        int[] stop = shape().dims();
        int[] step = new int[rank];
        Arrays.fill(step, 1);
        start[0] = from;
        stop[0] = to;
        return slice(start, stop, step);
    }

    /** {@code x[i]}: the sub-tensor at position i of the first axis. */
    public Tracer index(int i) {
        Shape out = LongTensor.of(shape(), new long[shape().size()]).index(i).shape();
        int normalized = i < 0 ? i + shape().dim(0) : i;
        return unary(new Op.Index(normalized), out);
    }

    public static Tracer concatenate(int axis, Tracer... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("Nothing to concatenate.");
        }
        Shape out = LongTensor.concatenate(Arrays.stream(parts)
                .map(p -> LongTensor.of(p.shape(), new long[p.shape().size()])).toList(), axis).shape();
        int a = parts[0].shape().normalizeAxis(axis);
        boolean encrypted = Arrays.stream(parts).anyMatch(Tracer::isEncrypted);
        return new Tracer(new Node(new Op.Concatenate(a), Arrays.stream(parts).map(Tracer::node).toList(), out,
                encrypted));
    }

    // ---- lookups ----------------------------------------------------------------------------------------------

    /** {@code table[x]} element-wise; every value of x must be a valid index (0 .. table.length − 1). */
    public Tracer lookup(long[] table) {
        return unary(new Op.Lookup(LookupTable.shared(table)), shape());
    }

    /** Element e of x reads its own table: {@code tables[e][x[e]]}, with e the row-major position. */
    public Tracer lookup(long[][] tables) {
        if (tables.length != shape().size()) {
            throw new IllegalArgumentException("Per-element lookup on shape " + shape() + " needs " + shape().size()
                    + " tables, got " + tables.length + ".");
        }
        return unary(new Op.Lookup(new LookupTable(0, tables)), shape());
    }

    /**
     * A lookup with explicit inputs: element e of value v reads {@code table.apply(e, v)}; the table must cover
     * every value x can take, from {@code table.offset()} (negative values included).
     */
    public Tracer lookup(LookupTable table) {
        if (table.isPerElement() && table.values().length != shape().size()) {
            throw new IllegalArgumentException("Per-element lookup on shape " + shape() + " needs " + shape().size()
                    + " tables, got " + table.values().length + ".");
        }
        return unary(new Op.Lookup(table), shape());
    }

    /** {@code f(x)} element-wise, tabulated over the range of x when the circuit is compiled. */
    public Tracer apply(LongUnaryOperator f) {
        return apply("apply", f);
    }

    /** {@link #apply(LongUnaryOperator)} under a name shown when the circuit is printed. */
    public Tracer apply(String name, LongUnaryOperator f) {
        return unary(new Op.Apply(name, f), shape());
    }

    public Tracer greater(long c) {
        return apply("greater[" + c + "]", v -> v > c ? 1 : 0);
    }

    public Tracer greaterEqual(long c) {
        return apply("greater_equal[" + c + "]", v -> v >= c ? 1 : 0);
    }

    public Tracer less(long c) {
        return apply("less[" + c + "]", v -> v < c ? 1 : 0);
    }

    public Tracer lessEqual(long c) {
        return apply("less_equal[" + c + "]", v -> v <= c ? 1 : 0);
    }

    public Tracer equal(long c) {
        return apply("equal[" + c + "]", v -> v == c ? 1 : 0);
    }

    public Tracer notEqual(long c) {
        return apply("not_equal[" + c + "]", v -> v != c ? 1 : 0);
    }

    /** 1 where x > y, else 0: a lookup on the difference. */
    public Tracer greater(Tracer other) {
        return subtract(other).greater(0);
    }

    public Tracer greaterEqual(Tracer other) {
        return subtract(other).greaterEqual(0);
    }

    public Tracer less(Tracer other) {
        return subtract(other).less(0);
    }

    public Tracer lessEqual(Tracer other) {
        return subtract(other).lessEqual(0);
    }

    public Tracer equal(Tracer other) {
        return subtract(other).equal(0);
    }

    public Tracer notEqual(Tracer other) {
        return subtract(other).notEqual(0);
    }

    public Tracer relu() {
        return apply("relu", v -> Math.max(v, 0));
    }

    public Tracer abs() {
        return apply("abs", Math::abs);
    }

    public Tracer min(long c) {
        return apply("minimum[" + c + "]", v -> Math.min(v, c));
    }

    public Tracer max(long c) {
        return apply("maximum[" + c + "]", v -> Math.max(v, c));
    }

    /** min(x, y) = y + min(x − y, 0): one lookup. */
    public Tracer min(Tracer other) {
        return other.add(subtract(other).apply("minimum[0]", d -> Math.min(d, 0)));
    }

    /** max(x, y) = y + max(x − y, 0): one lookup. */
    public Tracer max(Tracer other) {
        return other.add(subtract(other).relu());
    }

    // ---- bit patterns -----------------------------------------------------------------------------------------

    /** x rounded to the nearest multiple of 2^lsbs, exactly. A lookup on the result reads lsbs bits fewer. */
    public Tracer roundBitPattern(int lsbs) {
        return roundBitPattern(lsbs, Exactness.EXACT);
    }

    public Tracer roundBitPattern(int lsbs, Exactness exactness) {
        requireLsbs(lsbs);
        return unary(new Op.RoundBitPattern(lsbs, exactness), shape());
    }

    /** x with its lsbs lowest bits cleared. A lookup on the result reads lsbs bits fewer. */
    public Tracer truncateBitPattern(int lsbs) {
        requireLsbs(lsbs);
        return unary(new Op.TruncateBitPattern(lsbs), shape());
    }

    /**
     * This value, declared to stay within [lower, upper] element-wise (the shape of this value, or one bound for
     * all elements when given one element): for ranges the program guarantees but interval arithmetic cannot see,
     * such as a sum of lookups of which exactly one is non-zero. Narrower bounds give narrower encodings and
     * cheaper parameters; every evaluation in the clear checks them and fails on a value outside.
     */
    public Tracer assumeRange(long[] lower, long[] upper) {
        LongTensor lo = broadcastBound(lower, "lower");
        LongTensor hi = broadcastBound(upper, "upper");
        for (int i = 0; i < lo.size(); i++) {
            if (lo.get(i) > hi.get(i)) {
                throw new IllegalArgumentException("assumeRange: element " + i + " has lower bound " + lo.get(i)
                        + " above its upper bound " + hi.get(i) + ".");
            }
        }
        return unary(new Op.AssumeRange(lo, hi), shape());
    }

    private LongTensor broadcastBound(long[] bound, String which) {
        int size = shape().size();
        if (bound.length == 1) {
            long[] filled = new long[size];
            java.util.Arrays.fill(filled, bound[0]);
            return LongTensor.wrap(shape(), filled);
        }
        if (bound.length != size) {
            throw new IllegalArgumentException("assumeRange: the " + which + " bound has " + bound.length
                    + " elements, the value " + size + " (shape " + shape() + "); give one per element or one for all.");
        }
        return LongTensor.wrap(shape(), bound.clone());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static void requireLsbs(int lsbs) {
        if (lsbs < 1 || lsbs > 62) {
            throw new IllegalArgumentException("lsbs must be 1..62, got " + lsbs + ".");
        }
    }

    private void requireNotBothEncrypted(String op, Tracer other) {
        if (isEncrypted() && other.isEncrypted()) {
            throw new CompilationException(op + " of two encrypted values (shapes " + shape() + " and "
                    + other.shape() + ") is not supported: one operand must be clear. For x*y, use a lookup on "
                    + "((x+y)^2 - (x-y)^2)/4 (multiplyEncrypted does it), or keep one operand in the clear.");
        }
    }

    private Tracer unary(Op op, Shape out) {
        return new Tracer(new Node(op, List.of(node), out, isEncrypted()));
    }

    private Tracer binary(Op op, Tracer other, Shape out) {
        return new Tracer(new Node(op, List.of(node, other.node), out, isEncrypted() || other.isEncrypted()));
    }
}
