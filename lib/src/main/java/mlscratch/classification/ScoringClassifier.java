package mlscratch.classification;

import mlscratch.linalg.Matrix;
import mlscratch.linalg.Vector;
import mlscratch.model.Classifier;

/// A binary classifier that also gives a real-valued score per row, larger meaning "more like class 1":
/// the logit of [LogisticRegression], the signed margin of [Perceptron] and [LinearSVM].
///
/// ```
/// s = decisionFunction(X)        predict(X)ᵢ = 1 when sᵢ is above the model's threshold (0 for linear models)
/// ```
/// [OneVsRest] compares these scores across its k binary models; ROC AUC ranks rows by them.
public interface ScoringClassifier extends Classifier {
    /// One score per row of X.
    Vector decisionFunction(Matrix X);
}
