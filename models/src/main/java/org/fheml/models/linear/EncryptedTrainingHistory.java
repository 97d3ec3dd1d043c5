package org.fheml.models.linear;

import java.util.List;

/**
 * What an encrypted fit recorded: the model after each epoch (on raw features, from the weights the data owner
 * decrypted at the end of that epoch), and the time it took. In EXECUTE the weights stay encrypted from one
 * iteration to the next; decrypting them after an epoch is the data owner's choice, which this record makes to
 * show the curve.
 *
 * @param epochModels        the float model after epoch 1, 2, …
 * @param iterationsPerEpoch batches per epoch (the rows that do not fill a last batch wait for the next epoch)
 * @param epochSeconds       wall-clock seconds of each epoch (circuit runs only; compilation and keys apart)
 * @param setupSeconds       compilation, and in EXECUTE key generation and the encryption of every batch
 * @param bootstrapsPerIteration bootstraps the iteration circuit runs
 */
public record EncryptedTrainingHistory(List<FloatLinearModel> epochModels, int iterationsPerEpoch,
        List<Double> epochSeconds, double setupSeconds, long bootstrapsPerIteration) {

    public EncryptedTrainingHistory {
        epochModels = List.copyOf(epochModels);
        epochSeconds = List.copyOf(epochSeconds);
    }

    /** The median seconds per iteration over every epoch. */
    public double secondsPerIteration() {
        return epochSeconds.stream().mapToDouble(Double::doubleValue).sorted()
                .skip(epochSeconds.size() / 2).findFirst().orElse(Double.NaN) / iterationsPerEpoch;
    }
}
