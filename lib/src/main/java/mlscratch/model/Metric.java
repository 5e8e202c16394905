package mlscratch.model;

import mlscratch.linalg.Vector;

/// A score computed from true and predicted targets, shaped for `Metrics::accuracy`, `Metrics::r2`,
/// `Metrics::mse`, … ([mlscratch.metrics.Metrics]).
///
/// Whether higher is better depends on the metric: accuracy and R² grow with quality, MSE shrinks.
@FunctionalInterface
public interface Metric {
    /// The score of predictions `yPred` against the truth `yTrue` (same size).
    double score(Vector yTrue, Vector yPred);
}
