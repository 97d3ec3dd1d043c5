package org.fheml.core.datasets;

import java.util.List;
import java.util.Locale;

/**
 * The classic small datasets bundled with fheml, for tests, benchmarks, notebooks and demos. Their origins and
 * licences are in each dataset's {@link Provenance} and in {@code PROVENANCE.md} next to the data files.
 *
 * <p>Each file is parsed once, on first use, and every call returns a fresh deep copy that the caller may change
 * freely. Feature and class names are scikit-learn's.
 */
public final class Datasets {

    private static final List<String> NAMES = List.of("breast-cancer", "iris", "wine", "digits", "diabetes", "mnist-10k");

    private static final Lazy<ClassificationDataset> BREAST_CANCER = new Lazy<>(BundledDatasets::breastCancer);
    private static final Lazy<ClassificationDataset> IRIS = new Lazy<>(BundledDatasets::iris);
    private static final Lazy<ClassificationDataset> WINE = new Lazy<>(BundledDatasets::wine);
    private static final Lazy<ClassificationDataset> DIGITS = new Lazy<>(BundledDatasets::digits);
    private static final Lazy<RegressionDataset> DIABETES = new Lazy<>(BundledDatasets::diabetes);
    private static final Lazy<ClassificationDataset> MNIST_10K = new Lazy<>(BundledDatasets::mnist10k);

    private Datasets() {
    }

    /** Breast Cancer Wisconsin (Diagnostic): 569 rows, 30 features, classes malignant (212) and benign (357). */
    public static ClassificationDataset breastCancer() {
        return copy(BREAST_CANCER.get());
    }

    /** Fisher's iris: 150 rows, 4 features in cm, classes setosa, versicolor, virginica (50 each). */
    public static ClassificationDataset iris() {
        return copy(IRIS.get());
    }

    /** UCI wine recognition: 178 rows, 13 chemical features, classes class_0 (59), class_1 (71), class_2 (48). */
    public static ClassificationDataset wine() {
        return copy(WINE.get());
    }

    /** Optical digits: 1797 rows of 8x8 pixels valued 0..16, classes "0".."9". */
    public static ClassificationDataset digits() {
        return copy(DIGITS.get());
    }

    /**
     * Diabetes, raw (not scikit-learn's centred and scaled version): 442 rows, 10 features (age in years, sex 1 or
     * 2, bmi, bp, s1..s6 blood serum measurements), target a disease progression score in 25..346.
     */
    public static RegressionDataset diabetes() {
        return copy(DIABETES.get());
    }

    /** 10,000 MNIST digits: 784 pixels (28x28, row by row) valued 0..255, classes "0".."9", rows shuffled. */
    public static ClassificationDataset mnist10k() {
        return copy(MNIST_10K.get());
    }

    /**
     * The dataset called {@code name}, one of {@link #names()}; case does not matter and '_' may stand for '-'.
     *
     * @throws IllegalArgumentException if no dataset has that name; the message lists the valid names
     */
    public static Dataset byName(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (key) {
            case "breast-cancer" -> breastCancer();
            case "iris" -> iris();
            case "wine" -> wine();
            case "digits" -> digits();
            case "diabetes" -> diabetes();
            case "mnist-10k" -> mnist10k();
            default -> throw new IllegalArgumentException("Unknown dataset \"" + name + "\"; valid names are "
                    + String.join(", ", NAMES) + ".");
        };
    }

    /** The names {@link #byName(String)} accepts, in a fixed order. */
    public static List<String> names() {
        return NAMES;
    }

    /** The record constructors deep-copy their arrays, so rebuilding a record is a deep copy. */
    private static ClassificationDataset copy(ClassificationDataset d) {
        return new ClassificationDataset(d.name(), d.features(), d.labels(), d.featureNames(), d.classNames(),
                d.provenance());
    }

    private static RegressionDataset copy(RegressionDataset d) {
        return new RegressionDataset(d.name(), d.features(), d.targets(), d.featureNames(), d.provenance());
    }
}
