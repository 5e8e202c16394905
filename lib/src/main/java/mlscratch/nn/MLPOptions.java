package mlscratch.nn;

import java.util.List;
import java.util.function.Supplier;

import mlscratch.optim.UpdateRule;
import mlscratch.util.Check;

/// Options of [MLPClassifier] and [MLPRegressor]: the architecture, the optimizer and the training loop.
///
/// @param hidden             widths of the hidden layers, each > 0 (may be empty: a linear model)
/// @param activation         makes the activation after each hidden layer (`ReLU::new`, `Tanh::new`, …);
///                           ReLU-family activations get He initialisation, the others Xavier
/// @param rule               the update rule (`UpdateRule.Adam.of(0.01)`, `new UpdateRule.Momentum(0.01, 0.9)`)
/// @param l2                 L2 weight decay λ on the weights (not the biases), ≥ 0
/// @param epochs             passes over the data, > 0
/// @param batchSize          rows per step, > 0
/// @param validationFraction held-out share for validation and early stopping, in [0, 1)
/// @param patience           early-stopping patience in epochs; 0 = off
/// @param standardize        whether the first layer standardises the inputs (fitted on the training X)
/// @param seed               seeds the initial weights, the split and the shuffling
public record MLPOptions(List<Integer> hidden, Supplier<Layer> activation, UpdateRule rule, double l2, int epochs,
                         int batchSize, double validationFraction, int patience, boolean standardize, long seed) {
    public MLPOptions {
        Check.notNull("MLPOptions", "hidden", hidden);
        hidden = List.copyOf(hidden);
        for (int i = 0; i < hidden.size(); i++)
            if (hidden.get(i) <= 0) throw Check.fail("MLPOptions", "'hidden' widths must be > 0, got " + hidden.get(i) + " at " + i);
        Check.notNull("MLPOptions", "activation", activation);
        Check.notNull("MLPOptions", "rule", rule);
        Check.nonNegative("MLPOptions", "l2", l2);
        new TrainingOptions(epochs, batchSize, validationFraction, patience, seed);   // the same checks
    }

    /// One hidden layer of 32 ReLUs, Adam(0.01), λ = 1e-4, 100 epochs of batches of 32, standardised inputs,
    /// no validation, seed 42 — small-data defaults that fit the toy sets of the tutorials in well under a second.
    public static MLPOptions defaults() {
        return new MLPOptions(List.of(32), ReLU::new, UpdateRule.Adam.of(0.01), 1e-4, 100, 32, 0, 0, true, 42);
    }

    public MLPOptions withHidden(Integer... widths) { return withHidden(List.of(widths)); }

    public MLPOptions withHidden(List<Integer> widths) {
        return new MLPOptions(widths, activation, rule, l2, epochs, batchSize, validationFraction, patience, standardize, seed);
    }

    public MLPOptions withActivation(Supplier<Layer> a) {
        return new MLPOptions(hidden, a, rule, l2, epochs, batchSize, validationFraction, patience, standardize, seed);
    }

    public MLPOptions withRule(UpdateRule r) {
        return new MLPOptions(hidden, activation, r, l2, epochs, batchSize, validationFraction, patience, standardize, seed);
    }

    public MLPOptions withL2(double l) {
        return new MLPOptions(hidden, activation, rule, l, epochs, batchSize, validationFraction, patience, standardize, seed);
    }

    public MLPOptions withEpochs(int e) {
        return new MLPOptions(hidden, activation, rule, l2, e, batchSize, validationFraction, patience, standardize, seed);
    }

    public MLPOptions withBatchSize(int b) {
        return new MLPOptions(hidden, activation, rule, l2, epochs, b, validationFraction, patience, standardize, seed);
    }

    public MLPOptions withValidationFraction(double f) {
        return new MLPOptions(hidden, activation, rule, l2, epochs, batchSize, f, patience, standardize, seed);
    }

    public MLPOptions withPatience(int p) {
        return new MLPOptions(hidden, activation, rule, l2, epochs, batchSize, validationFraction, p, standardize, seed);
    }

    public MLPOptions withStandardize(boolean s) {
        return new MLPOptions(hidden, activation, rule, l2, epochs, batchSize, validationFraction, patience, s, seed);
    }

    public MLPOptions withSeed(long s) {
        return new MLPOptions(hidden, activation, rule, l2, epochs, batchSize, validationFraction, patience, standardize, s);
    }

    /// The loop options.
    public TrainingOptions training() { return new TrainingOptions(epochs, batchSize, validationFraction, patience, seed); }

    /// `[Standardize] → (Dense → activation) per hidden width → Dense(out)`, weights from `seed`.
    Sequential network(mlscratch.linalg.Matrix X, int out) {
        var rng = mlscratch.linalg.Rng.of(seed);
        var layers = new java.util.ArrayList<Layer>();
        if (standardize) layers.add(Standardize.fit(X));
        int in = X.cols();
        for (int h : hidden) {
            Layer act = activation.get();
            Init init = act instanceof ReLU || act instanceof LeakyReLU ? Init.he() : Init.xavier();
            layers.add(new Dense(in, h, init, rng));
            layers.add(act);
            in = h;
        }
        layers.add(new Dense(in, out, Init.xavier(), rng));
        return new Sequential(layers);
    }
}
