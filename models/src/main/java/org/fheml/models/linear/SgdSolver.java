package org.fheml.models.linear;

import java.util.SplittableRandom;

/**
 * Plain stochastic gradient descent on one linear score, sample by sample, as scikit-learn's {@code _plain_sgd}:
 * the same step-size schedules, the L2 decay and the cumulative L1 truncation (Tsuruoka et al.), an unpenalized
 * intercept, and the same stopping rule (the epoch's mean objective, loss and penalty at each sample's step, fails
 * to improve on the best by tol for n_iter_no_change epochs; ADAPTIVE then divides the step by 5 instead, until it
 * is below 1e−6).
 */
final class SgdSolver {

    /** The hyperparameters of one fit; tol is NaN for no stopping rule. */
    record Settings(SgdObjective objective, SgdPenalty penalty, double alpha, double l1Ratio,
            SgdLearningRate learningRate, double eta0, double powerT, int maxIter, double tol, int nIterNoChange,
            boolean shuffle, long seed, double epsilon) {
    }

    private SgdSolver() {
    }

    /** The weights (d) then the intercept, trained on Z with targets y (±1 for the classification losses). */
    static double[] fit(double[][] Z, double[] y, Settings s) {
        int n = Z.length;
        int d = Z[0].length;
        double[] w = new double[d];
        double[] q = new double[d];
        double u = 0;
        double b = 0;
        double l1 = s.penalty().l1Share(s.l1Ratio());
        double l2 = s.penalty().l2Share(s.l1Ratio());
        double typw = Math.sqrt(1.0 / Math.sqrt(s.alpha()));
        double optimalInit = s.alpha() > 0
                ? 1.0 / (typw / Math.max(1.0, s.objective().derivative(-typw, 1.0, s.epsilon())) * s.alpha()) : 0;
        double eta = s.eta0();
        double bestLoss = Double.POSITIVE_INFINITY;
        int noImprovement = 0;
        long t = 1;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(s.seed());
        for (int epoch = 0; epoch < s.maxIter(); epoch++) {
            if (s.shuffle()) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
            }
            double sumLoss = 0;
            for (int index : order) {
                double[] x = Z[index];
                double p = b;
                for (int j = 0; j < d; j++) {
                    p += w[j] * x[j];
                }
                eta = switch (s.learningRate()) {
                    case OPTIMAL -> 1.0 / (s.alpha() * (optimalInit + t - 1));
                    case INVSCALING -> s.eta0() / Math.pow(t, s.powerT());
                    case CONSTANT, ADAPTIVE -> eta;
                };
                sumLoss += s.objective().loss(p, y[index], s.epsilon());
                if (s.penalty() != SgdPenalty.NONE) {
                    double squared = 0;
                    double absolute = 0;
                    for (int j = 0; j < d; j++) {
                        squared += w[j] * w[j];
                        absolute += Math.abs(w[j]);
                    }
                    sumLoss += s.alpha() * (l2 * 0.5 * squared + l1 * absolute);
                }
                double dloss = Math.max(-1e12, Math.min(1e12, s.objective().derivative(p, y[index], s.epsilon())));
                double update = -eta * dloss;
                if (l2 > 0) {
                    double decay = Math.max(0, 1 - l2 * eta * s.alpha());
                    for (int j = 0; j < d; j++) {
                        w[j] *= decay;
                    }
                }
                if (update != 0) {
                    for (int j = 0; j < d; j++) {
                        w[j] += update * x[j];
                    }
                    b += update;
                }
                if (l1 > 0) {
                    u += l1 * eta * s.alpha();
                    for (int j = 0; j < d; j++) {
                        double before = w[j];
                        if (w[j] > 0) {
                            w[j] = Math.max(0, w[j] - (u + q[j]));
                        } else if (w[j] < 0) {
                            w[j] = Math.min(0, w[j] + (u - q[j]));
                        }
                        q[j] += w[j] - before;
                    }
                }
                t++;
            }
            if (!Double.isNaN(s.tol())) {
                double objective = sumLoss / n;
                if (objective > bestLoss - s.tol()) {
                    noImprovement++;
                } else {
                    noImprovement = 0;
                }
                if (objective < bestLoss) {
                    bestLoss = objective;
                }
                if (noImprovement >= s.nIterNoChange()) {
                    if (s.learningRate() == SgdLearningRate.ADAPTIVE && eta > 1e-6) {
                        eta /= 5;
                        noImprovement = 0;
                    } else {
                        break;
                    }
                }
            }
        }
        double[] out = java.util.Arrays.copyOf(w, d + 1);
        out[d] = b;
        return out;
    }
}
