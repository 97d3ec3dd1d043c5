package org.fheml.compilation;

/** The geometry of numpy's matmul for operands of rank 1 or 2, seen as a (rows × inner) · (inner × columns) product. */
record MatmulShape(int rows, int inner, int columns, Shape result) {

    static MatmulShape of(Shape left, Shape right) {
        if (left.rank() < 1 || left.rank() > 2 || right.rank() < 1 || right.rank() > 2) {
            throw new IllegalArgumentException("matmul needs operands of rank 1 or 2, got shapes " + left + " and "
                    + right + ".");
        }
        int rows = left.rank() == 2 ? left.dim(0) : 1;
        int inner = left.dim(-1);
        int innerRight = right.dim(0);
        int columns = right.rank() == 2 ? right.dim(1) : 1;
        if (inner != innerRight) {
            throw new IllegalArgumentException("matmul shapes " + left + " and " + right + " do not align: "
                    + inner + " != " + innerRight + ".");
        }
        Shape result;
        if (left.rank() == 1 && right.rank() == 1) {
            result = Shape.scalar();
        } else if (left.rank() == 1) {
            result = Shape.of(columns);
        } else if (right.rank() == 1) {
            result = Shape.of(rows);
        } else {
            result = Shape.of(rows, columns);
        }
        return new MatmulShape(rows, inner, columns, result);
    }
}
