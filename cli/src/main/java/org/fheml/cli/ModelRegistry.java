package org.fheml.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.fheml.models.linear.ElasticNet;
import org.fheml.models.linear.GammaRegressor;
import org.fheml.models.linear.Lasso;
import org.fheml.models.linear.LinearClassifierBase;
import org.fheml.models.linear.LinearRegression;
import org.fheml.models.linear.LinearRegressorBase;
import org.fheml.models.linear.LinearSVC;
import org.fheml.models.linear.LinearSVR;
import org.fheml.models.linear.LogisticRegression;
import org.fheml.models.linear.PoissonRegressor;
import org.fheml.models.linear.Ridge;
import org.fheml.models.linear.TweedieRegressor;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.models.tree.DecisionTreeRegressor;
import org.fheml.models.tree.GradientBoostingClassifier;
import org.fheml.models.tree.GradientBoostingRegressor;
import org.fheml.models.tree.RandomForestClassifier;
import org.fheml.models.tree.RandomForestRegressor;
import org.fheml.models.tree.TreeClassifierBase;
import org.fheml.models.tree.TreeRegressorBase;

/**
 * The models {@code fheml bench} can run, by estimator class name (case-insensitive). A new family needs one
 * adapter method like {@link #linearClassifier}; each model of it is then one line of {@link #MODELS}.
 */
final class ModelRegistry {

    /** One benchmarkable model: its name, its task, its default n_bits, and a factory of fresh instances. */
    record Entry(String name, Task task, int defaultNBits, IntFunction<BenchModel> atNBits) {
    }

    /** Concrete ML's defaults: 8 bits for linear models, 6 for trees. */
    private static final int LINEAR_N_BITS = 8;
    private static final int TREE_N_BITS = 6;

    private static final List<Entry> MODELS = List.of(
            linearClassifier(LogisticRegression.class, LogisticRegression::new),
            linearClassifier(LinearSVC.class, LinearSVC::new),
            linearRegressor(LinearRegression.class, LinearRegression::new),
            linearRegressor(Ridge.class, Ridge::new),
            linearRegressor(Lasso.class, Lasso::new),
            linearRegressor(ElasticNet.class, ElasticNet::new),
            linearRegressor(LinearSVR.class, LinearSVR::new),
            linearRegressor(PoissonRegressor.class, PoissonRegressor::new),
            linearRegressor(GammaRegressor.class, GammaRegressor::new),
            linearRegressor(TweedieRegressor.class, TweedieRegressor::new),
            treeClassifier(DecisionTreeClassifier.class, DecisionTreeClassifier::new),
            treeClassifier(RandomForestClassifier.class, RandomForestClassifier::new),
            treeClassifier(GradientBoostingClassifier.class, GradientBoostingClassifier::new),
            treeRegressor(DecisionTreeRegressor.class, DecisionTreeRegressor::new),
            treeRegressor(RandomForestRegressor.class, RandomForestRegressor::new),
            treeRegressor(GradientBoostingRegressor.class, GradientBoostingRegressor::new));

    /** The model names, for picocli's completion candidates and the {@code --model} help. */
    static final class Names implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return MODELS.stream().map(Entry::name).iterator();
        }
    }

    private ModelRegistry() {
    }

    static List<Entry> all() {
        return MODELS;
    }

    static Optional<Entry> find(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return MODELS.stream().filter(e -> e.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    /** The model names of one task, comma-separated, in registry order. */
    static String names(Task task) {
        return MODELS.stream().filter(e -> e.task() == task).map(Entry::name).collect(Collectors.joining(", "));
    }

    /** "Unknown model ..." with every valid name, grouped by task. */
    static String unknownModelMessage(String name) {
        return "Unknown model \"" + name + "\" for --model; valid names (case-insensitive) are the classifiers "
                + names(Task.CLASSIFICATION) + " and the regressors " + names(Task.REGRESSION) + ".";
    }

    private static <M extends LinearClassifierBase<M>> Entry linearClassifier(Class<M> type, Supplier<M> factory) {
        return new Entry(type.getSimpleName(), Task.CLASSIFICATION, LINEAR_N_BITS, nBits -> {
            M model = factory.get().setNBits(nBits);
            return new BenchModel.OfClassifier(model, model::floatPredict, model::compile);
        });
    }

    private static <M extends TreeClassifierBase<M>> Entry treeClassifier(Class<M> type, Supplier<M> factory) {
        return new Entry(type.getSimpleName(), Task.CLASSIFICATION, TREE_N_BITS, nBits -> {
            M model = factory.get().setNBits(nBits);
            return new BenchModel.OfClassifier(model, model::floatPredict, model::compile);
        });
    }

    private static <M extends TreeRegressorBase<M>> Entry treeRegressor(Class<M> type, Supplier<M> factory) {
        return new Entry(type.getSimpleName(), Task.REGRESSION, TREE_N_BITS, nBits -> {
            M model = factory.get().setNBits(nBits);
            return new BenchModel.OfRegressor(model, model::floatPredict, model::compile);
        });
    }

    private static <M extends LinearRegressorBase<M>> Entry linearRegressor(Class<M> type, Supplier<M> factory) {
        return new Entry(type.getSimpleName(), Task.REGRESSION, LINEAR_N_BITS, nBits -> {
            M model = factory.get().setNBits(nBits);
            return new BenchModel.OfRegressor(model, model::floatPredict, model::compile);
        });
    }
}
