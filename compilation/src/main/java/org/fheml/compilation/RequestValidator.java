package org.fheml.compilation;

import java.util.List;
import org.fheml.tfhe.params.LweDimension;

/**
 * Checks a request's arguments against the circuit's specification (how many, clear or encrypted, shapes, and the
 * LWE dimension of the ciphertexts) before anything is evaluated. This is the one place every request of a
 * {@link ServerCircuit} or a {@link Circuit} passes through: a check of the key set the ciphertexts were made under
 * belongs here too. Immutable, so thread-safe.
 */
final class RequestValidator {

    private final List<Node> inputs;
    private final LweDimension dimension;

    RequestValidator(Graph graph, LweDimension dimension) {
        this.inputs = graph.inputs();
        this.dimension = dimension;
    }

    /** @throws InvalidRequestException naming the first argument that does not fit, and why */
    void check(List<Object> arguments) {
        if (arguments.size() != inputs.size()) {
            throw new InvalidRequestException(InvalidRequestException.Problem.ARGUMENT_COUNT, "The circuit takes "
                    + inputs.size() + " argument(s), got " + arguments.size() + ".");
        }
        for (int i = 0; i < arguments.size(); i++) {
            Node input = inputs.get(i);
            String name = "Argument " + i + " (" + ((Op.Input) input.op()).name() + ")";
            Object argument = arguments.get(i);
            Shape shape = switch (argument) {
                case EncryptedTensor e -> e.shape();
                case LongTensor t -> t.shape();
                case null, default -> throw new InvalidRequestException(InvalidRequestException.Problem.MALFORMED,
                        name + " is " + (argument == null ? "null" : "a " + argument.getClass().getSimpleName())
                                + ", neither an encrypted nor a clear tensor.");
            };
            if (input.isEncrypted() != argument instanceof EncryptedTensor) {
                throw new InvalidRequestException(InvalidRequestException.Problem.ENCRYPTION, name + " must be "
                        + (input.isEncrypted() ? "encrypted (Circuit.encrypt), got a clear tensor."
                                : "clear, got ciphertexts."));
            }
            if (!shape.equals(input.shape())) {
                throw new InvalidRequestException(InvalidRequestException.Problem.SHAPE, name + " has shape " + shape
                        + ", the circuit was compiled for " + input.shape() + ".");
            }
            if (argument instanceof EncryptedTensor e && e.ciphertexts().dimension().value() != dimension.value()) {
                throw new InvalidRequestException(InvalidRequestException.Problem.LWE_DIMENSION, name
                        + " holds ciphertexts of LweDimension " + e.ciphertexts().dimension().value()
                        + ", the circuit's parameters use " + dimension.value()
                        + ": they were encrypted for another circuit's parameters.");
            }
        }
    }
}
