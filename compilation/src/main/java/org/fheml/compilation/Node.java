package org.fheml.compilation;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One value of an integer program: the op that computes it, its operands, its shape, and whether it is
 * encrypted (it is when any operand is). Nodes are immutable and numbered in creation order.
 */
public final class Node {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final long creation = SEQUENCE.getAndIncrement();
    private final Op op;
    private final List<Node> operands;
    private final Shape shape;
    private final boolean encrypted;

    Node(Op op, List<Node> operands, Shape shape, boolean encrypted) {
        this.op = op;
        this.operands = List.copyOf(operands);
        this.shape = shape;
        this.encrypted = encrypted;
    }

    public Op op() {
        return op;
    }

    public List<Node> operands() {
        return operands;
    }

    public Shape shape() {
        return shape;
    }

    public boolean isEncrypted() {
        return encrypted;
    }

    long creation() {
        return creation;
    }

    @Override
    public String toString() {
        return op.getClass().getSimpleName() + "#" + creation + shape;
    }
}
