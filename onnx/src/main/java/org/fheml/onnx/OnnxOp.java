package org.fheml.onnx;

import java.util.Optional;

/** The ONNX op types fheml imports (default domain, opsets 13–21). */
enum OnnxOp {
    Gemm, MatMul, Add, Sub, Mul, Div, Pow, Neg, Abs, Relu, LeakyRelu, PRelu, Sigmoid, HardSigmoid, HardSwish, Tanh,
    Softplus, Elu, Selu, Celu, Erf, Gelu, Clip, Identity, Dropout, Flatten, Reshape, Transpose, Squeeze, Unsqueeze,
    Concat, Constant, ConstantOfShape, Shape, Gather, Slice, Cast, BatchNormalization, Conv, AveragePool, GlobalAveragePool,
    MaxPool, Pad, Softmax, LogSoftmax, QuantizeLinear, DequantizeLinear;

    static Optional<OnnxOp> of(String opType) {
        for (OnnxOp op : values()) {
            if (op.name().equals(opType)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    static boolean isControlFlow(String opType) {
        return opType.equals("If") || opType.equals("Loop") || opType.equals("Scan");
    }
}
