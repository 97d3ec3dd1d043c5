package org.fheml.compilation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which encrypted elements of a graph are the same ciphertext: every element is written as an affine form
 * c + Σ w_i·a_i over atoms, the values that come from outside the leveled arithmetic (argument elements, bootstrap
 * outputs). Encrypted execution computes every leveled op as an integer linear map mod 2^64 of its operands' words,
 * and encodes constants additively, so that two elements with one form are bit-identical ciphertexts whatever path
 * computed them, and equal integers when simulated. A form past {@link #MAX_TERMS} terms, or one that reads a clear
 * value unknown at compile time, becomes an atom of its own: equal only to itself.
 */
final class ElementForms {

    /** Forms with more terms than this are not compared (a dense layer's outputs rarely coincide). */
    static final int MAX_TERMS = 64;

    /** c + Σ coefficients[i]·atoms[i], atoms increasing, coefficients non-zero. */
    record Form(long constant, int[] atoms, long[] coefficients) {

        static Form atom(int id) {
            return new Form(0, new int[] {id}, new long[] {1});
        }

        static Form constant(long value) {
            return new Form(value, new int[0], new long[0]);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Form f && constant == f.constant && Arrays.equals(atoms, f.atoms)
                    && Arrays.equals(coefficients, f.coefficients);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Long.hashCode(constant) + Arrays.hashCode(atoms)) + Arrays.hashCode(coefficients);
        }
    }

    private final Graph graph;
    private final Map<Node, Form[]> forms = new IdentityHashMap<>();
    private int atoms;

    ElementForms(Graph graph) {
        this.graph = graph;
    }

    /** The forms of every element of an encrypted node, computed (with its ancestors') on first use. */
    Form[] of(Node node) {
        Form[] known = forms.get(node);
        if (known != null) {
            return known;
        }
        for (Node n : graph.nodes()) {
            if (n.isEncrypted() && !forms.containsKey(n)) {
                forms.put(n, compute(n));
            }
            if (n == node) {
                break;
            }
        }
        return forms.get(node);
    }

    private Form[] compute(Node node) {
        int size = node.shape().size();
        List<Node> operands = node.operands();
        return switch (node.op()) {
            case Op.Input input -> fresh(size);
            case Op.Constant constant -> fresh(size);
            case Op.Lookup lookup -> fresh(size);
            case Op.Apply apply -> fresh(size);
            case Op.RoundBitPattern round -> fresh(size);
            case Op.TruncateBitPattern truncate -> fresh(size);
            case Op.AssumeRange assumed -> forms.get(operands.getFirst());
            case Op.Reshape reshape -> forms.get(operands.getFirst());
            case Op.Add add -> combine(node, 1);
            case Op.Subtract subtract -> combine(node, -1);
            case Op.Negate negate -> Arrays.stream(forms.get(operands.getFirst())).map(f -> scaled(f, -1))
                    .toArray(Form[]::new);
            case Op.Multiply multiply -> multiply(node);
            case Op.MatMul matmul -> matmul(node);
            case Op.Sum sum -> sum(node, sum.axis());
            case Op.Transpose transpose -> gather(operands.getFirst(), positions(operands.getFirst().shape())
                    .transpose(transpose.axes()));
            case Op.Slice slice -> gather(operands.getFirst(), positions(operands.getFirst().shape())
                    .slice(slice.start(), slice.stop(), slice.step()));
            case Op.Index index -> gather(operands.getFirst(), positions(operands.getFirst().shape())
                    .index(index.index()));
            case Op.Concatenate concatenate -> concatenate(node, concatenate.axis());
        };
    }

    private Form[] fresh(int size) {
        Form[] out = new Form[size];
        for (int i = 0; i < size; i++) {
            out[i] = Form.atom(atoms++);
        }
        return out;
    }

    /** The operand's forms, or for a clear constant its values as constant forms; null for an unknown clear value. */
    private Form[] operand(Node operand) {
        if (operand.isEncrypted()) {
            return forms.get(operand);
        }
        if (operand.op() instanceof Op.Constant constant) {
            return Arrays.stream(constant.value().toArray()).mapToObj(Form::constant).toArray(Form[]::new);
        }
        return null;
    }

    private Form[] combine(Node node, long sign) {
        Form[] a = operand(node.operands().get(0));
        Form[] b = operand(node.operands().get(1));
        if (a == null || b == null) {
            return fresh(node.shape().size());
        }
        LongTensor left = broadcastPositions(node.operands().get(0).shape(), node.shape());
        LongTensor right = broadcastPositions(node.operands().get(1).shape(), node.shape());
        Form[] out = new Form[node.shape().size()];
        for (int i = 0; i < out.length; i++) {
            Map<Integer, Long> terms = new HashMap<>();
            long constant = add(terms, a[(int) left.get(i)], 1) + sign * add(terms, b[(int) right.get(i)], sign);
            out[i] = form(constant, terms);
        }
        return out;
    }

    private Form[] multiply(Node node) {
        Node first = node.operands().get(0);
        Node encrypted = first.isEncrypted() ? first : node.operands().get(1);
        Node clear = first.isEncrypted() ? node.operands().get(1) : first;
        if (!(clear.op() instanceof Op.Constant constant)) {
            return fresh(node.shape().size());
        }
        LongTensor values = broadcastPositions(encrypted.shape(), node.shape());
        LongTensor factors = broadcastPositions(clear.shape(), node.shape());
        Form[] in = forms.get(encrypted);
        Form[] out = new Form[node.shape().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scaled(in[(int) values.get(i)], constant.value().get((int) factors.get(i)));
        }
        return out;
    }

    private Form[] matmul(Node node) {
        Node a = node.operands().get(0);
        Node b = node.operands().get(1);
        boolean leftEncrypted = a.isEncrypted();
        Node clear = leftEncrypted ? b : a;
        if (!(clear.op() instanceof Op.Constant constant)) {
            return fresh(node.shape().size());
        }
        MatmulShape m = MatmulShape.of(a.shape(), b.shape());
        Form[] in = forms.get(leftEncrypted ? a : b);
        LongTensor weights = constant.value();
        Form[] out = new Form[node.shape().size()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.columns(); j++) {
                Map<Integer, Long> terms = new HashMap<>();
                long sum = 0;
                boolean opaque = false;
                for (int t = 0; t < m.inner() && !opaque; t++) {
                    int leftPosition = i * m.inner() + t;
                    int rightPosition = t * m.columns() + j;
                    long weight = weights.get(leftEncrypted ? rightPosition : leftPosition);
                    if (weight != 0) {
                        sum += weight * add(terms, in[leftEncrypted ? leftPosition : rightPosition], weight);
                        opaque = terms.size() > MAX_TERMS;
                    }
                }
                out[i * m.columns() + j] = opaque ? Form.atom(atoms++) : form(sum, terms);
            }
        }
        return out;
    }

    private Form[] sum(Node node, Integer axis) {
        Node operand = node.operands().getFirst();
        Form[] in = forms.get(operand);
        int size = node.shape().size();
        @SuppressWarnings("unchecked")
        Map<Integer, Long>[] terms = new Map[size];
        long[] constants = new long[size];
        for (int t = 0; t < size; t++) {
            terms[t] = new HashMap<>();
        }
        int[] dims = operand.shape().dims();
        int inner = 1;
        if (axis != null) {
            for (int i = axis + 1; i < dims.length; i++) {
                inner *= dims[i];
            }
        }
        for (int position = 0; position < in.length; position++) {
            int target = axis == null ? 0 : position / (dims[axis] * inner) * inner + position % inner;
            if (terms[target] != null) {
                constants[target] += add(terms[target], in[position], 1);
                if (terms[target].size() > MAX_TERMS) {
                    terms[target] = null;
                }
            }
        }
        Form[] out = new Form[size];
        for (int t = 0; t < size; t++) {
            out[t] = terms[t] == null ? Form.atom(atoms++) : form(constants[t], terms[t]);
        }
        return out;
    }

    private Form[] concatenate(Node node, int axis) {
        List<LongTensor> positionParts = new java.util.ArrayList<>();
        List<Form> all = new java.util.ArrayList<>();
        for (Node part : node.operands()) {
            Form[] partForms = operand(part);
            if (partForms == null) {
                return fresh(node.shape().size());
            }
            int base = all.size();
            positionParts.add(positions(part.shape()).map(p -> p + base));
            all.addAll(List.of(partForms));
        }
        LongTensor positions = LongTensor.concatenate(positionParts, axis);
        Form[] out = new Form[positions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get((int) positions.get(i));
        }
        return out;
    }

    private Form[] gather(Node source, LongTensor positions) {
        Form[] in = forms.get(source);
        Form[] out = new Form[positions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = in[(int) positions.get(i)];
        }
        return out;
    }

    /** Adds factor × the form's terms to {@code terms}; returns the form's constant (not multiplied). */
    private static long add(Map<Integer, Long> terms, Form form, long factor) {
        for (int i = 0; i < form.atoms().length; i++) {
            terms.merge(form.atoms()[i], factor * form.coefficients()[i], Long::sum);
        }
        return form.constant();
    }

    private static Form scaled(Form form, long factor) {
        if (factor == 0) {
            return Form.constant(0);
        }
        long[] coefficients = form.coefficients().clone();
        for (int i = 0; i < coefficients.length; i++) {
            coefficients[i] *= factor;
        }
        return new Form(form.constant() * factor, form.atoms(), coefficients);
    }

    private Form form(long constant, Map<Integer, Long> terms) {
        if (terms.size() > MAX_TERMS) {
            return Form.atom(atoms++);
        }
        int[] ids = terms.entrySet().stream().filter(e -> e.getValue() != 0).mapToInt(Map.Entry::getKey).sorted()
                .toArray();
        long[] coefficients = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            coefficients[i] = terms.get(ids[i]);
        }
        return new Form(constant, ids, coefficients);
    }

    private static LongTensor positions(Shape shape) {
        long[] positions = new long[shape.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return LongTensor.of(shape, positions);
    }

    private static LongTensor broadcastPositions(Shape operand, Shape target) {
        return positions(operand).zip(LongTensor.of(target, new long[target.size()]), (p, zero) -> p);
    }
}
