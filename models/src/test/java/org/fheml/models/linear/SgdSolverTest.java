package org.fheml.models.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against scikit-learn: without shuffling, {@link SgdSolver} gives scikit-learn's weights for
 * every loss, penalty and learning rate (fixture sgd_reference.csv, made by make_sgd_fixture.py next to it).
 */
class SgdSolverTest {

    @TestFactory
    Stream<DynamicTest> weightsEqualScikitLearns() throws IOException {
        List<String> lines = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                SgdSolverTest.class.getResourceAsStream("sgd_reference.csv"), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.startsWith("#")).forEach(lines::add);
        }
        double[][] X = new double[60][4];
        double[] yClass = new double[60];
        double[] yReg = new double[60];
        for (int i = 0; i < 60; i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < 4; j++) {
                X[i][j] = Double.parseDouble(f[j]);
            }
            yClass[i] = Integer.parseInt(f[4]) == 1 ? 1 : -1;
            yReg[i] = Double.parseDouble(f[5]);
        }
        double[][] Z = Standardization.of(X).apply(X);
        return lines.subList(60, lines.size()).stream().map(line -> {
            String[] f = line.split(",");
            boolean classifier = f[0].equals("classifier");
            SgdObjective objective = SgdObjective.valueOf(f[1].toUpperCase());
            SgdHyperparameters hyper = classifier
                    ? new SgdHyperparameters(SgdLearningRate.OPTIMAL, 0.0, 0.5)
                    : new SgdHyperparameters(SgdLearningRate.INVSCALING, 0.01, 0.25);
            hyper.penalty(SgdPenalty.valueOf(f[2].toUpperCase()));
            hyper.learningRate(SgdLearningRate.valueOf(f[3].toUpperCase()));
            hyper.eta0(Double.parseDouble(f[4]));
            hyper.tol(f[5].equals("nan") ? Double.NaN : Double.parseDouble(f[5]));
            hyper.maxIter(Integer.parseInt(f[6]));
            hyper.alpha(0.01);
            hyper.l1Ratio(0.3);
            hyper.shuffle = false;
            hyper.epsilon(classifier ? 0.1 : 0.2);
            return DynamicTest.dynamicTest(String.join(" ", f[0], f[1], f[2], f[3]), () -> {
                double[] w = SgdSolver.fit(Z, classifier ? yClass : yReg, hyper.settings(objective));
                for (int j = 0; j < 5; j++) {
                    double expected = Double.parseDouble(f[7 + j]);
                    assertEquals(expected, w[j], 1e-9 * Math.max(1, Math.abs(expected)), "coefficient " + j);
                }
            });
        });
    }
}
