package org.fheml.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds inference batch normalization into the Conv or Gemm that feeds it: {@code (x·W + b)·s + t} becomes
 * {@code x·(W·s) + (b·s + t)}, per output channel. One node fewer, and one less op for the quantizer to scale.
 */
final class BatchNormFolding {

    private BatchNormFolding() {
    }

    static List<Node> fold(List<Node> nodes) {
        int[] uses = new int[nodes.size() + 1];
        for (Node n : nodes) {
            for (Operand o : n.inputs()) {
                if (o instanceof Operand.Value v) {
                    uses[v.id()]++;
                }
            }
        }
        List<Node> out = new ArrayList<>(nodes);
        // value id -> the id it is replaced by (a folded BatchNormalization's output becomes its producer's)
        int[] alias = new int[nodes.size() + 1];
        for (int i = 0; i < alias.length; i++) {
            alias[i] = i;
        }
        boolean[] removed = new boolean[nodes.size()];
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            if (!(n.op() instanceof FloatOp.BatchNormalization bn)
                    || !(n.inputs().get(0) instanceof Operand.Value v) || v.id() == 0 || uses[v.id()] != 1) {
                continue;
            }
            int producer = v.id() - 1;
            Node p = out.get(producer);
            FloatOp folded = switch (p.op()) {
                case FloatOp.Conv c -> foldConv(c, bn);
                case FloatOp.Gemm g when p.shape().length == 2 -> foldGemm(g, bn);
                default -> null;
            };
            if (folded == null) {
                continue;
            }
            out.set(producer, new Node(p.name(), p.onnxOpType(), folded, p.inputs(), p.shape(), p.type()));
            removed[k] = true;
            alias[k + 1] = v.id();
        }
        List<Node> kept = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            Node n = out.get(k);
            List<Operand> inputs = n.inputs().stream().map(o -> switch (o) {
                case Operand.Value v -> (Operand) new Operand.Value(alias[v.id()]);
                case Operand.Constant c -> c;
            }).toList();
            kept.add(new Node(n.name(), n.onnxOpType(), n.op(), inputs, n.shape(), n.type()));
        }
        // removed nodes become unreachable; compaction drops them and renumbers
        int output = alias[nodes.size()];
        return GraphCompaction.compact(kept, output);
    }

    private static FloatOp.Conv foldConv(FloatOp.Conv c, FloatOp.BatchNormalization bn) {
        int[] ws = c.weight().shape();
        int m = ws[0];
        int per = c.weight().size() / m;
        double[] w = c.weight().data().clone();
        double[] b = new double[m];
        for (int o = 0; o < m; o++) {
            for (int i = 0; i < per; i++) {
                w[o * per + i] *= bn.scale()[o];
            }
            double bias = c.bias() == null ? 0 : c.bias().data()[o];
            b[o] = bias * bn.scale()[o] + bn.shift()[o];
        }
        return new FloatOp.Conv(new Tensor(ElementType.FLOAT, ws, w), Tensor.of(new int[] {m}, b), c.strides(),
                c.pads(), c.dilations(), c.group());
    }

    private static FloatOp.Gemm foldGemm(FloatOp.Gemm g, FloatOp.BatchNormalization bn) {
        int k = g.weight().shape()[0];
        int m = g.weight().shape()[1];
        double[] w = g.weight().data().clone();
        double[] b = new double[m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < k; i++) {
                w[i * m + j] *= bn.scale()[j];
            }
            double bias = g.bias() == null ? 0 : g.bias().data()[j];
            b[j] = bias * bn.scale()[j] + bn.shift()[j];
        }
        return new FloatOp.Gemm(new Tensor(ElementType.FLOAT, g.weight().shape(), w), Tensor.of(new int[] {m}, b));
    }
}
