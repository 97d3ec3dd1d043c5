package org.fheml.compilation;

import java.util.List;

/**
 * The arguments or results of a circuit as the server sees them: each an {@link EncryptedTensor}, or a
 * {@link LongTensor} for a clear argument or output.
 *
 * <p>The list is immutable; its tensors are shared as they are (see {@link EncryptedTensor} for threads).
 */
public record EncryptedValues(List<Object> values) {

    public EncryptedValues {
        values = List.copyOf(values);
    }
}
