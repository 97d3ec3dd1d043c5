package org.fheml.compilation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Function;

/**
 * Compiles an integer program written with {@link Tracer}s into a {@link Circuit}: traces the function, measures
 * its values on a representative inputset, bounds them for every input in the inputset's ranges, checks that it
 * can run on encrypted data, and chooses its parameters.
 *
 * <p>Arguments are passed to the circuit in their order of declaration: the order of the {@code inputs} map when
 * it is a {@link SequencedMap} (a {@link LinkedHashMap}, say), or of the {@link Argument} list. {@code Map.of}
 * keeps no order, so it is accepted for one argument only.
 */
public final class Compiler {

    private final List<Argument> arguments;
    private final Function<Map<String, Tracer>, List<Tracer>> function;
    private final Map<String, Shape> declaredShapes = new HashMap<>();
    private final Map<String, InputRange> declaredRanges = new HashMap<>();
    private static final System.Logger LOG = System.getLogger(Compiler.class.getName());

    private Compiler(List<Argument> arguments, Function<Map<String, Tracer>, List<Tracer>> function) {
        if (arguments.isEmpty()) {
            throw new CompilationException("A circuit needs at least one argument.");
        }
        if (arguments.stream().map(Argument::name).distinct().count() != arguments.size()) {
            throw new CompilationException("Argument names must be distinct, got " + arguments + ".");
        }
        this.arguments = List.copyOf(arguments);
        this.function = function;
    }

    /** A program with one output. */
    public static Compiler of(Map<String, Encryption> inputs, Function<Map<String, Tracer>, Tracer> function) {
        return new Compiler(ordered(inputs), in -> List.of(function.apply(in)));
    }

    /** A program with several outputs, returned in the list's order. */
    public static Compiler ofOutputs(Map<String, Encryption> inputs,
            Function<Map<String, Tracer>, List<Tracer>> function) {
        return new Compiler(ordered(inputs), function);
    }

    /**
     * A program with one output whose arguments take values in declared ranges: the circuit's bounds hold for every
     * value in them, whatever the inputset shows (the inputset must stay within them). Arguments without a declared
     * range take the inputset's.
     */
    public static Compiler of(Map<String, Encryption> inputs, Map<String, InputRange> ranges,
            Function<Map<String, Tracer>, Tracer> function) {
        Compiler compiler = of(inputs, function);
        ranges.forEach(compiler::inputRange);
        return compiler;
    }

    /** {@link #of(Map, Map, Function)} with several outputs, returned in the list's order. */
    public static Compiler ofOutputs(Map<String, Encryption> inputs, Map<String, InputRange> ranges,
            Function<Map<String, Tracer>, List<Tracer>> function) {
        Compiler compiler = ofOutputs(inputs, function);
        ranges.forEach(compiler::inputRange);
        return compiler;
    }

    /** A program with one output whose arguments are listed in order. */
    public static Compiler of(List<Argument> arguments, Function<Map<String, Tracer>, Tracer> function) {
        return new Compiler(arguments, in -> List.of(function.apply(in)));
    }

    /** A program with several outputs whose arguments are listed in order. */
    public static Compiler ofOutputs(List<Argument> arguments, Function<Map<String, Tracer>, List<Tracer>> function) {
        return new Compiler(arguments, function);
    }

    private static List<Argument> ordered(Map<String, Encryption> inputs) {
        if (inputs.size() > 1 && !(inputs instanceof SequencedMap)) {
            throw new CompilationException("The inputs " + inputs.keySet() + " come in a map without an order "
                    + "(such as Map.of), so the order of the circuit's arguments is unknown: pass a LinkedHashMap, "
                    + "or a List of Argument.encrypted(...) / Argument.clear(...).");
        }
        return inputs.entrySet().stream().map(e -> new Argument(e.getKey(), e.getValue())).toList();
    }

    /**
     * Declares the shape of an argument (a scalar when no dimension is given). Undeclared arguments are vectors
     * whose length is that of their values in the inputset.
     */
    public Compiler inputShape(String name, int... dims) {
        if (arguments.stream().noneMatch(a -> a.name().equals(name))) {
            throw new CompilationException("No argument named '" + name + "'; the arguments are "
                    + arguments.stream().map(Argument::name).toList() + ".");
        }
        declaredShapes.put(name, Shape.of(dims));
        return this;
    }

    /**
     * Declares the values an argument may take: the circuit's bounds then hold for all of them (see
     * {@link #of(Map, Map, Function)}).
     */
    public Compiler inputRange(String name, InputRange range) {
        if (arguments.stream().noneMatch(a -> a.name().equals(name))) {
            throw new CompilationException("No argument named '" + name + "'; the arguments are "
                    + arguments.stream().map(Argument::name).toList() + ".");
        }
        declaredRanges.put(name, java.util.Objects.requireNonNull(range, "range"));
        return this;
    }

    /** Compiles a one-argument program; each sample holds the argument's values, row-major. */
    public Circuit compile(long[][] inputset) {
        return compile(inputset, CompileOptions.defaults());
    }

    public Circuit compile(long[][] inputset, CompileOptions options) {
        if (arguments.size() != 1) {
            throw new CompilationException("This program takes " + arguments.size() + " arguments: pass an inputset "
                    + "long[sample][argument][values] to compile(long[][][]).");
        }
        List<long[][]> samples = new ArrayList<>();
        for (long[] sample : inputset == null ? new long[0][] : inputset) {
            samples.add(new long[][] {sample});
        }
        return compile(samples, options);
    }

    /** Compiles a program; {@code inputset[s][a]} holds the values of argument a in sample s, row-major. */
    public Circuit compile(long[][][] inputset) {
        return compile(inputset == null ? List.of() : List.of(inputset), CompileOptions.defaults());
    }

    public Circuit compile(long[][][] inputset, CompileOptions options) {
        return compile(inputset == null ? List.of() : List.of(inputset), options);
    }

    /** Compiles a program; each sample holds one long[] per argument, in argument order. */
    public Circuit compile(List<long[][]> inputset) {
        return compile(inputset, CompileOptions.defaults());
    }

    public Circuit compile(List<long[][]> inputset, CompileOptions options) {
        if (inputset == null || inputset.isEmpty()) {
            throw new CompilationException("The inputset is empty: give at least one representative sample, "
                    + "ideally covering the range of every argument.");
        }
        List<Shape> shapes = argumentShapes(inputset.getFirst());
        List<List<LongTensor>> samples = new ArrayList<>();
        for (int s = 0; s < inputset.size(); s++) {
            samples.add(sample(inputset.get(s), shapes, s));
        }
        Map<String, Tracer> tracers = new LinkedHashMap<>();
        List<Node> inputNodes = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            Node node = new Node(new Op.Input(argument.name(), i, argument.encryption()), List.of(), shapes.get(i),
                    argument.encryption() == Encryption.ENCRYPTED);
            inputNodes.add(node);
            tracers.put(argument.name(), new Tracer(node));
        }
        List<Tracer> outputs = function.apply(Collections.unmodifiableMap(tracers));
        if (outputs == null || outputs.isEmpty() || outputs.stream().anyMatch(java.util.Objects::isNull)) {
            throw new CompilationException("The traced function must return at least one non-null Tracer.");
        }
        List<Node> outputNodes = outputs.stream().map(Tracer::node).toList();

        Graph unanalysed = new Graph(inputNodes, outputNodes, new IdentityHashMap<>(), new IdentityHashMap<>());
        List<Bounds> observed = inputsetRanges(samples);
        List<Bounds> known = knownRanges(observed, shapes);
        List<Bounds> used = options.calibrationRanges() ? observed : known;
        Map<Node, Bounds> bounds = RangeAnalysis.analyse(unanalysed, used);
        Map<Node, Bounds> measured = measure(unanalysed, samples);
        Graph graph = new Graph(inputNodes, outputNodes, bounds, measured);
        RangeNarrowing narrowing = narrowing(graph, known, used);
        if (narrowing.used()) {
            LOG.log(System.Logger.Level.WARNING, narrowing.warning());
        }
        return new Circuit(graph, options, narrowing);
    }

    /**
     * Per argument, its declared range, or the inputset's when none is declared; refuses an inputset that leaves a
     * declared range.
     */
    private List<Bounds> knownRanges(List<Bounds> observed, List<Shape> shapes) {
        List<Bounds> known = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String name = arguments.get(i).name();
            InputRange range = declaredRanges.get(name);
            if (range == null) {
                known.add(observed.get(i));
                continue;
            }
            Bounds declared = range.bounds(shapes.get(i), name);
            Bounds seen = observed.get(i);
            for (int e = 0; e < shapes.get(i).size(); e++) {
                if (seen.lower().get(e) < declared.lower().get(e) || seen.upper().get(e) > declared.upper().get(e)) {
                    throw new CompilationException("The inputset's values of argument '" + name + "', element " + e
                            + ", span [" + seen.lower().get(e) + ", " + seen.upper().get(e) + "], outside its declared "
                            + "range [" + declared.lower().get(e) + ", " + declared.upper().get(e) + "]: widen the "
                            + "declared range or correct the inputset.");
                }
            }
            known.add(declared);
        }
        return known;
    }

    /** What narrowing the known ranges to the inputset's changed, from a second analysis on the known ranges. */
    private RangeNarrowing narrowing(Graph graph, List<Bounds> known, List<Bounds> used) {
        List<String> narrowed = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            if (!known.get(i).equals(used.get(i))) {
                narrowed.add(arguments.get(i).name());
            }
        }
        if (narrowed.isEmpty()) {
            return RangeNarrowing.NONE;
        }
        int narrowedWidth = graph.maximumEncryptedBitWidth();
        Map<Node, Bounds> full;
        try {
            full = RangeAnalysis.analyse(graph, known);
        } catch (CompilationException e) {
            return new RangeNarrowing(true, narrowed, List.of(), -1, narrowedWidth, e.getMessage());
        }
        List<String> affected = new ArrayList<>();
        int knownWidth = 0;
        for (Node node : graph.nodes()) {
            Bounds wide = full.get(node);
            if (node.isEncrypted()) {
                knownWidth = Math.max(knownWidth, wide.type().bits());
            }
            if (!wide.equals(graph.bounds(node)) && !(node.op() instanceof Op.Input)) {
                affected.add("%" + graph.position(node) + " = " + GraphPrinter.expression(graph, node) + " in ["
                        + graph.bounds(node).min() + ", " + graph.bounds(node).max() + "] instead of [" + wide.min()
                        + ", " + wide.max() + "]");
            }
        }
        return new RangeNarrowing(true, narrowed, affected, knownWidth, narrowedWidth, null);
    }

    private List<Shape> argumentShapes(long[][] first) {
        if (first == null || first.length != arguments.size()) {
            throw new CompilationException("Each sample must hold " + arguments.size() + " argument(s), in the order "
                    + arguments.stream().map(Argument::name).toList() + ".");
        }
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            Shape declared = declaredShapes.get(arguments.get(i).name());
            shapes.add(declared != null ? declared : Shape.of(first[i] == null ? 0 : first[i].length));
        }
        return shapes;
    }

    private List<LongTensor> sample(long[][] values, List<Shape> shapes, int index) {
        if (values == null || values.length != arguments.size()) {
            throw new CompilationException("Inputset sample " + index + " must hold " + arguments.size()
                    + " argument(s), got " + (values == null ? "null" : values.length) + ".");
        }
        List<LongTensor> tensors = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Shape shape = shapes.get(i);
            if (values[i] == null || values[i].length != shape.size()) {
                throw new CompilationException("Inputset sample " + index + ": argument '" + arguments.get(i).name()
                        + "' has " + (values[i] == null ? "no" : values[i].length) + " values, its shape " + shape
                        + " needs " + shape.size() + ".");
            }
            tensors.add(LongTensor.of(shape, values[i]));
        }
        return tensors;
    }

    /** Per element of every argument, the smallest and largest value of the inputset. */
    private static List<Bounds> inputsetRanges(List<List<LongTensor>> samples) {
        List<Bounds> ranges = new ArrayList<>();
        for (int i = 0; i < samples.getFirst().size(); i++) {
            LongTensor lower = samples.getFirst().get(i);
            LongTensor upper = lower;
            for (List<LongTensor> sample : samples) {
                lower = lower.zip(sample.get(i), Math::min);
                upper = upper.zip(sample.get(i), Math::max);
            }
            ranges.add(new Bounds(lower, upper));
        }
        return ranges;
    }

    /** Per node, the smallest and largest value the inputset produces there. */
    private static Map<Node, Bounds> measure(Graph graph, List<List<LongTensor>> samples) {
        Map<Node, Bounds> measured = new IdentityHashMap<>();
        for (List<LongTensor> sample : samples) {
            Map<Node, LongTensor> values = GraphEvaluator.evaluate(graph, sample);
            for (Map.Entry<Node, LongTensor> entry : values.entrySet()) {
                if (entry.getKey().op() instanceof Op.Constant && measured.containsKey(entry.getKey())) {
                    continue;
                }
                measured.merge(entry.getKey(), Bounds.exactly(entry.getValue()), (a, b) -> new Bounds(
                        a.lower().zip(b.lower(), Math::min), a.upper().zip(b.upper(), Math::max)));
            }
        }
        return measured;
    }
}
