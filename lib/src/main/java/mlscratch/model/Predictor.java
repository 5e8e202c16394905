package mlscratch.model;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// A fitted model that maps each row of `X` to one number: the common ground of [Regressor] and
/// [Classifier], and what [CrossValidation] needs to score a model.
///
/// ```
/// ŷ = predict(X)        X is n×d (one example per row), ŷ has n entries
/// ```
/// Implementations check `X` with [Inputs#requireX(String, Matrix, int)] first, so a wrong column count
/// fails as `predict: X has 3 columns but the model was fitted on 4`.
@FunctionalInterface
public interface Predictor {
    /// One prediction per row of `X`.
    Vector predict(Matrix X);
}
