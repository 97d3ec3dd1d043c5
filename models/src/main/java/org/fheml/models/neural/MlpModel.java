package org.fheml.models.neural;

import org.fheml.compilation.Circuit;
import org.fheml.compilation.CompileOptions;
import org.fheml.compilation.Exactness;
import org.fheml.models.ModuleModel;
import org.fheml.models.QuantizedModel;
import org.fheml.models.deploy.InputEncoding;

/**
 * The {@link QuantizedModel} of the network estimators: a {@link ModuleModel} on the network's
 * {@link MlpModule}, whose client first scales the features ({@link FeatureScaling}) and then quantizes them with
 * the program's input quantizer, exactly as {@link QuantizedMlp#quantizeInput} does.
 */
final class MlpModel extends ModuleModel {

    private QuantizedMlp program;

    MlpModel(String estimator) {
        super(estimator);
    }

    /** The program of a new fit, lowered with the given rounding; a circuit compiled for an earlier one is dropped. */
    void fitted(QuantizedMlp fitted, Exactness rounding) {
        fitted(MlpModule.of(fitted, rounding));
        this.program = fitted;
    }

    @Override
    protected Circuit compileFitted(double[][] X, CompileOptions options) {
        return super.compileFitted(program.scaling().scale(X), options);
    }

    @Override
    public long[][] quantizeFeatures(double[][] X) {
        long[][] q = new long[X.length][];
        for (int i = 0; i < q.length; i++) {
            q[i] = program.quantizeInput(X[i]);
        }
        return q;
    }

    /** The features scaled onto [0, 1], then quantized by the program's input quantizer. */
    @Override
    protected InputEncoding fittedInputEncoding() {
        QuantParams input = program.input();
        return new InputEncoding.ScaledQuantized(program.scaling().low(), program.scaling().high(), input.scale(),
                input.zeroPoint(), input.minInteger(), input.maxInteger());
    }
}
