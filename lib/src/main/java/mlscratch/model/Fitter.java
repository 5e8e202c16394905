package mlscratch.model;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// "Give me data, I give you a fitted model": the shape of every static `fit`, so that a method
/// reference or a lambda with fixed options is a `Fitter`.
///
/// ```
/// Fitter<LinearRegression> f = LinearRegression::fit;
/// Fitter<LogisticRegression> g = (X, y) -> LogisticRegression.fit(X, y, opts);
/// ```
/// [CrossValidation] calls it once per fold; the contract test suite calls it with bad data.
///
/// @param <M> the fitted model type
@FunctionalInterface
public interface Fitter<M> {
    /// A model fitted to features `X` (n×d) and targets `y` (size n).
    M fit(Matrix X, Vector y);
}
