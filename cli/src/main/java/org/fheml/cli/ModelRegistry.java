package org.fheml.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.fheml.models.FheClassifier;
import org.fheml.models.FheRegressor;
import org.fheml.models.linear.ElasticNet;
import org.fheml.models.linear.GammaRegressor;
import org.fheml.models.linear.Lasso;
import org.fheml.models.linear.LinearRegression;
import org.fheml.models.linear.LinearSVC;
import org.fheml.models.linear.LinearSVR;
import org.fheml.models.linear.LogisticRegression;
import org.fheml.models.linear.PoissonRegressor;
import org.fheml.models.linear.Ridge;
import org.fheml.models.linear.SGDClassifier;
import org.fheml.models.linear.SGDRegressor;
import org.fheml.models.linear.TweedieRegressor;
import org.fheml.models.neighbors.KNeighborsClassifier;
import org.fheml.models.neighbors.KNeighborsRegressor;
import org.fheml.models.neural.MLPClassifier;
import org.fheml.models.neural.MLPRegressor;
import org.fheml.models.tree.DecisionTreeClassifier;
import org.fheml.models.tree.DecisionTreeRegressor;
import org.fheml.models.tree.GradientBoostingClassifier;
import org.fheml.models.tree.GradientBoostingRegressor;
import org.fheml.models.tree.RandomForestClassifier;
import org.fheml.models.tree.RandomForestRegressor;
import org.fheml.models.tree.XGBClassifier;
import org.fheml.models.tree.XGBRegressor;

/**
 * The models {@code fheml bench} can run, by estimator class name (case-insensitive). Every estimator is an
 * {@link FheClassifier} or an {@link FheRegressor}, so there is one adapter per task, not per family: a new model
 * is one line of {@link #MODELS}, with its default n_bits.
 */
final class ModelRegistry {

    /**
     * One benchmarkable model: its name, its task, its default n_bits, a factory of fresh instances, and the n_bits
     * {@code bench accuracy} sweeps when --bits is not given.
     */
    record Entry(String name, Task task, int defaultNBits, IntFunction<BenchModel> atNBits, List<Integer> sweep) {

        /** The sweep of linear models and trees. */
        static final List<Integer> DEFAULT_SWEEP = List.of(2, 3, 4, 5, 6, 7, 8);
        /** Networks: n_weight = n_activation = n_bits, where accumulators stay narrow enough to compile quickly. */
        static final List<Integer> NETWORK_SWEEP = List.of(2, 3, 4);

        Entry(String name, Task task, int defaultNBits, IntFunction<BenchModel> atNBits) {
            this(name, task, defaultNBits, atNBits, DEFAULT_SWEEP);
        }

        Entry withSweep(List<Integer> bits) {
            return new Entry(name, task, defaultNBits, atNBits, List.copyOf(bits));
        }
    }

    /**
     * Concrete ML's defaults: 8 bits for linear models, 6 for trees. Networks: n_bits sets the weight and activation
     * widths together (n_weight = n_activation = n_bits), 3 for the classifier and 4 for the regressor by default.
     */
    private static final int LINEAR_N_BITS = 8;
    private static final int TREE_N_BITS = 6;
    private static final int MLP_CLASSIFIER_N_BITS = 3;
    private static final int MLP_REGRESSOR_N_BITS = 4;
    /** k-NN: n_bits is the input width per feature. */
    private static final int KNN_N_BITS = 3;

    private static final List<Entry> MODELS = List.of(
            classifier(LogisticRegression.class, LogisticRegression::new, LINEAR_N_BITS),
            classifier(LinearSVC.class, LinearSVC::new, LINEAR_N_BITS),
            regressor(LinearRegression.class, LinearRegression::new, LINEAR_N_BITS),
            regressor(Ridge.class, Ridge::new, LINEAR_N_BITS),
            regressor(Lasso.class, Lasso::new, LINEAR_N_BITS),
            regressor(ElasticNet.class, ElasticNet::new, LINEAR_N_BITS),
            regressor(LinearSVR.class, LinearSVR::new, LINEAR_N_BITS),
            regressor(PoissonRegressor.class, PoissonRegressor::new, LINEAR_N_BITS),
            regressor(GammaRegressor.class, GammaRegressor::new, LINEAR_N_BITS),
            regressor(TweedieRegressor.class, TweedieRegressor::new, LINEAR_N_BITS),
            classifier(SGDClassifier.class, SGDClassifier::new, LINEAR_N_BITS),
            regressor(SGDRegressor.class, SGDRegressor::new, LINEAR_N_BITS),
            classifier(DecisionTreeClassifier.class, DecisionTreeClassifier::new, TREE_N_BITS),
            classifier(RandomForestClassifier.class, RandomForestClassifier::new, TREE_N_BITS),
            classifier(GradientBoostingClassifier.class, GradientBoostingClassifier::new, TREE_N_BITS),
            regressor(DecisionTreeRegressor.class, DecisionTreeRegressor::new, TREE_N_BITS),
            regressor(RandomForestRegressor.class, RandomForestRegressor::new, TREE_N_BITS),
            regressor(GradientBoostingRegressor.class, GradientBoostingRegressor::new, TREE_N_BITS),
            classifier(XGBClassifier.class, XGBClassifier::new, TREE_N_BITS),
            regressor(XGBRegressor.class, XGBRegressor::new, TREE_N_BITS),
            classifier(MLPClassifier.class, MLPClassifier::new, MLP_CLASSIFIER_N_BITS).withSweep(Entry.NETWORK_SWEEP),
            regressor(MLPRegressor.class, MLPRegressor::new, MLP_REGRESSOR_N_BITS).withSweep(Entry.NETWORK_SWEEP),
            classifier(KNeighborsClassifier.class, KNeighborsClassifier::new, KNN_N_BITS).withSweep(Entry.NETWORK_SWEEP),
            regressor(KNeighborsRegressor.class, KNeighborsRegressor::new, KNN_N_BITS).withSweep(Entry.NETWORK_SWEEP));

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

    /** A classifier of any family: everything bench needs is on {@link FheClassifier}. */
    private static Entry classifier(Class<? extends FheClassifier> type, Supplier<? extends FheClassifier> factory,
            int defaultNBits) {
        return new Entry(type.getSimpleName(), Task.CLASSIFICATION, defaultNBits, nBits -> {
            FheClassifier model = factory.get().setNBits(nBits);
            return new BenchModel.OfClassifier(model, model::floatPredict, model::compile);
        });
    }

    /** A regressor of any family: everything bench needs is on {@link FheRegressor}. */
    private static Entry regressor(Class<? extends FheRegressor> type, Supplier<? extends FheRegressor> factory,
            int defaultNBits) {
        return new Entry(type.getSimpleName(), Task.REGRESSION, defaultNBits, nBits -> {
            FheRegressor model = factory.get().setNBits(nBits);
            return new BenchModel.OfRegressor(model, model::floatPredict, model::compile);
        });
    }
}
