package mlscratch.optim;

import mlscratch.util.Check;

/// Stop when the loss on held-out data has not improved for `patience` epochs in a row, optionally going
/// back to the weights of the best epoch. An option of [GradientDescent] and [SGD]; the trace then says
/// `stopped early at epoch 37, restored best epoch 31` (epochs counted from 1). The validation loss is taken
/// after each epoch's update, so the starting weights are never "best"; a run that ends another way
/// (converged, `maxIter`, Ctrl-C) keeps its last weights.
///
/// @param validation  the objective on the validation rows (evaluated once per epoch)
/// @param patience    epochs without a strict improvement before stopping, ≥ 1
/// @param restoreBest return the weights of the best validation epoch instead of the last
public record EarlyStopping(Objective validation, int patience, boolean restoreBest) {
    public EarlyStopping {
        Check.notNull("EarlyStopping", "validation", validation);
        Check.positive("EarlyStopping", "patience", patience);
    }

    /// Patience 5, restore best.
    public static EarlyStopping of(Objective validation) { return new EarlyStopping(validation, 5, true); }
}
