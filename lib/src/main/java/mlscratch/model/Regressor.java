package mlscratch.model;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// A fitted model predicting a real number per example: `ŷᵢ = f(xᵢ)`.
///
/// Convention: fitting is a static method `fit(Matrix X, Vector y)` (and `fit(X, y, Options)`) returning the
/// ready model, so that `LinearRegression::fit` is a [Fitter]; there is no unfitted state.
public interface Regressor extends Predictor {
    /// One real-valued prediction per row of `X`.
    @Override Vector predict(Matrix X);
}
