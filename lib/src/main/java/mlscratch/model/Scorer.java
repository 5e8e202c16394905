package mlscratch.model;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;

/// A score that needs the model itself, not only its predictions: log-loss from `predictProba`,
/// ROC AUC from decision scores, the number of support vectors, ….
///
/// ```
/// Scorer<LogisticRegression> s = (m, X, y) -> Metrics.logLoss(y, m.predictProba(X));
/// ```
/// For a score of the predictions alone, [Metric] (`Metrics::accuracy`) is shorter.
///
/// @param <M> the fitted model type
@FunctionalInterface
public interface Scorer<M> {
    /// The score of `model` on the held-out examples `Xtest`, `ytest`.
    double score(M model, Matrix Xtest, Vector ytest);
}
