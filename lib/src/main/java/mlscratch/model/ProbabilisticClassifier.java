package mlscratch.model;

import mlscratch.linalg.Matrix;

/// A classifier that also gives class probabilities.
///
/// ```
/// P = predictProba(X)      P is n×k, Pᵢc = P(yᵢ = c | xᵢ), every row sums to 1
/// predict(X)ᵢ = argmax_c Pᵢc
/// ```
/// `P` is what [mlscratch.metrics.Metrics#logLoss(mlscratch.linalg.Vector, Matrix)] scores.
public interface ProbabilisticClassifier extends Classifier {
    /// Class probabilities, one row per example and one column per class.
    Matrix predictProba(Matrix X);
}
