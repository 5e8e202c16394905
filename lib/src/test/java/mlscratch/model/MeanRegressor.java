package mlscratch.model;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.util.Check;

/// Test-only estimator: predicts the (optionally shrunk) mean of the training targets for every row.
/// ```
/// ŷ = (1 − s)·ȳ + s·prior
/// ```
/// The smallest model that follows every convention (static fit, Options record, Inputs checks), used to
/// test [EstimatorContract] and [CrossValidation] themselves.
///
/// @param mean the constant prediction
/// @param d    number of features it was fitted on
record MeanRegressor(double mean, int d) implements Regressor {

    record Options(double shrinkage, double prior) {
        Options {
            Check.inRange("MeanRegressor.Options", "shrinkage", shrinkage, 0, 1);
            Check.finite("MeanRegressor.Options", "prior", prior);
        }

        static Options defaults() { return new Options(0, 0); }

        Options withShrinkage(double s) { return new Options(s, prior); }

        Options withPrior(double p) { return new Options(shrinkage, p); }
    }

    static MeanRegressor fit(Matrix X, Vector y) { return fit(X, y, Options.defaults()); }

    static MeanRegressor fit(Matrix X, Vector y, Options options) {
        Inputs.requireXy("fit", X, y);
        Check.notNull("fit", "options", options);
        double s = options.shrinkage();
        return new MeanRegressor((1 - s) * y.mean() + s * options.prior(), X.cols());   // ŷ = (1 − s)ȳ + s·prior
    }

    @Override public Vector predict(Matrix X) {
        Inputs.requireX("predict", X, d);
        return Vector.full(X.rows(), mean);
    }
}
