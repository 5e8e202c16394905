package mlscratch.nn;

import mlscratch.util.Check;

/// How [Trainer#fit] runs the loop.
///
/// @param epochs             passes over the training rows, > 0
/// @param batchSize          rows per gradient step, > 0 (the last batch of an epoch may be smaller)
/// @param validationFraction share of the rows held out (seeded) to report `valLoss` and drive early
///                           stopping, in [0, 1); 0 = none
/// @param patience           early stopping: stop after this many epochs without a new best monitored loss
///                           (validation loss, or training loss without validation) and restore the best
///                           weights; 0 = never stop early
/// @param seed               seeds the validation split and the shuffling of every epoch
public record TrainingOptions(int epochs, int batchSize, double validationFraction, int patience, long seed) {
    public TrainingOptions {
        Check.positive("TrainingOptions", "epochs", epochs);
        Check.positive("TrainingOptions", "batchSize", batchSize);
        if (!(validationFraction >= 0 && validationFraction < 1))
            throw Check.fail("TrainingOptions", "'validationFraction' must be in [0, 1), got " + validationFraction);
        Check.nonNegative("TrainingOptions", "patience", patience);
    }

    /// 10 epochs of batches of 32, no validation, no early stopping, seed 42.
    public static TrainingOptions defaults() { return new TrainingOptions(10, 32, 0, 0, 42); }

    public TrainingOptions withEpochs(int epochs) { return new TrainingOptions(epochs, batchSize, validationFraction, patience, seed); }

    public TrainingOptions withBatchSize(int batchSize) { return new TrainingOptions(epochs, batchSize, validationFraction, patience, seed); }

    public TrainingOptions withValidationFraction(double f) { return new TrainingOptions(epochs, batchSize, f, patience, seed); }

    public TrainingOptions withPatience(int patience) { return new TrainingOptions(epochs, batchSize, validationFraction, patience, seed); }

    public TrainingOptions withSeed(long seed) { return new TrainingOptions(epochs, batchSize, validationFraction, patience, seed); }
}
