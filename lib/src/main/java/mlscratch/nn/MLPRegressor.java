package mlscratch.nn;

import java.util.Objects;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.Inputs;
import mlscratch.model.Regressor;
import mlscratch.model.Trace;

/// A multi-layer perceptron for regression: [Sequential] + [MeanSquaredError] + [Trainer], with the
/// target standardised for training (`t = (y − ȳ)/s_y`, predictions mapped back), so one learning rate
/// suits targets in any unit.
/// ```
/// Model:      ŷ = ȳ + s_y·(h_L W_out + b_out),  hₗ = act(hₗ₋₁Wₗ + bₗ)
/// Objective:  L = (1/n) Σᵢ (tᵢ − zᵢ)²  + ½λ Σₗ ‖Wₗ‖²
/// ```
/// ```
/// var m = MLPRegressor.fit(X, y, MLPOptions.defaults().withHidden(64).withEpochs(200));
/// m.predict(X);  m.history();
/// ```
public final class MLPRegressor implements Regressor {
    private final Sequential network;
    private final int features;
    private final double yMean, yScale;
    private final TrainingHistory history;
    private final MLPOptions options;

    private MLPRegressor(Sequential network, int features, double yMean, double yScale, TrainingHistory history,
                         MLPOptions options) {
        this.network = network;
        this.features = features;
        this.yMean = yMean;
        this.yScale = yScale;
        this.history = history;
        this.options = options;
    }

    public static MLPRegressor fit(Matrix X, Vector y) { return fit(X, y, MLPOptions.defaults()); }

    public static MLPRegressor fit(Matrix X, Vector y, MLPOptions options) {
        Inputs.requireXy("fit", X, y);
        mlscratch.util.Check.notNull("fit", "options", options);
        double mean = y.mean(), sd = Math.sqrt(y.minus(mean).dot(y.minus(mean)) / y.size());
        double scale = sd > 0 ? sd : 1;
        Matrix T = Matrix.wrap(y.size(), 1, y.minus(mean).scale(1 / scale).toArray());   // t = (y − ȳ)/s_y
        Sequential net = options.network(X, 1);
        var opt = Optimizer.of(options.rule(), net.params(), options.l2());
        var history = Trainer.fit(net, new MeanSquaredError(), opt, X, T, options.training());
        net.eval();
        return new MLPRegressor(net, X.cols(), mean, scale, history, options);
    }

    @Override public Vector predict(Matrix X) {
        Inputs.requireX("predict", X, features);
        return network.predict(X).col(0).scale(yScale).plus(yMean);            // ŷ = ȳ + s_y·z
    }

    public Sequential network() { return network; }

    public TrainingHistory history() { return history; }

    public Trace trace() { return history.toTrace(); }

    public MLPOptions options() { return options; }

    @Override public boolean equals(Object o) {
        return o instanceof MLPRegressor m && m.features == features && m.yMean == yMean && m.yScale == yScale
                && m.network.snapshot().equals(network.snapshot());
    }

    @Override public int hashCode() { return Objects.hash(features, yMean, yScale, network.snapshot()); }

    @Override public String toString() {
        return "MLPRegressor: " + features + " features, " + history.epochs() + " epochs, loss "
                + String.format(java.util.Locale.ROOT, "%.4f", history.finalLoss()) + "\n" + network;
    }
}
