"""Reference accuracies of scikit-learn's trees for TreeTrainingParityTest (a fixture maker, never run by tests).

Usage: first write the data sets and splits with TreeReferenceSplits (models test scope), then
    python3 sklearn_tree_reference.py /tmp/tree-reference > ../resources/org/fheml/models/tree/sklearn-tree-reference.csv

For each bundled classification data set and each of its 5 stratified 80/20 splits (the very rows fheml uses),
scikit-learn trains on the float features at fheml's default hyper-parameters:
  DT: DecisionTreeClassifier() (gini, unbounded depth, min_samples_leaf 1)
  RF: RandomForestClassifier(n_estimators=20, max_depth=4, max_features="sqrt", bootstrap=True)
Both average over 10 random_state values per split (ties between splits, feature and bootstrap draws), so that the
reference is the estimator's expected accuracy rather than one draw. Output: model,dataset,mean accuracy over splits.
"""
import sys
import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.tree import DecisionTreeClassifier

DATASETS = ["breast-cancer", "iris", "wine", "digits"]
SEEDS = range(10)


def load(folder, name):
    data = np.loadtxt(f"{folder}/{name}.csv", delimiter=",")
    splits = {}
    with open(f"{folder}/{name}-splits.csv") as f:
        for line in f:
            seed, part, rows = line.strip().split(",")
            splits.setdefault(int(seed), {})[part] = np.array([int(r) for r in rows.split()])
    return data[:, :-1], data[:, -1].astype(int), splits


def mean_accuracy(make, X, y, splits):
    scores = []
    for seed in sorted(splits):
        train, test = splits[seed]["train"], splits[seed]["test"]
        for r in SEEDS:
            model = make(r).fit(X[train], y[train])
            scores.append(np.mean(model.predict(X[test]) == y[test]))
    return float(np.mean(scores))


def main(folder):
    print(f"# scikit-learn {sklearn.__version__}; mean test accuracy over 5 splits x {len(SEEDS)} random states")
    print("model,dataset,accuracy")
    for name in DATASETS:
        X, y, splits = load(folder, name)
        dt = mean_accuracy(lambda r: DecisionTreeClassifier(random_state=r), X, y, splits)
        rf = mean_accuracy(lambda r: RandomForestClassifier(n_estimators=20, max_depth=4, max_features="sqrt",
                                                            bootstrap=True, random_state=r), X, y, splits)
        print(f"DT,{name},{dt:.4f}")
        print(f"RF,{name},{rf:.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
